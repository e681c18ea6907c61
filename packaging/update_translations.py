"""Refresh Surveyor's translations: lupdate over every UI module, then lrelease.

    uv run python packaging/update_translations.py          # update .ts and build .qm
    uv run python packaging/update_translations.py --check  # exit 1 if a string is untranslated

lupdate reads every ``surveyor/ui/**/*.py`` (the interview screen included) and keeps the
existing translations; new strings appear as ``type="unfinished"`` in
``packaging/i18n/surveyor_fr.ts``: translate them (Qt Linguist: ``pyside6-linguist
packaging/i18n/surveyor_fr.ts``, or by hand), then run this again to build
``surveyor/ui/i18n/surveyor_fr.qm``. The translators' source stays here, beside this script;
only the compiled ``.qm`` is in the package (the wheel and the bundle need nothing else).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UI_DIR = REPO / "surveyor" / "ui"
TS_DIR = REPO / "packaging" / "i18n"  # the translators' sources (.ts)
QM_DIR = UI_DIR / "i18n"  # what the app loads (.qm)
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on the PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (uv sync)")
    return found


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts_file: Path, *, no_obsolete: bool = True) -> None:
    args = [tool("pyside6-lupdate"), *map(str, ui_sources())]
    if no_obsolete:
        args.append("-no-obsolete")
    args += ["-source-language", "en", "-target-language", ts_file.stem.split("_")[-1]]
    args += ["-ts", str(ts_file)]
    subprocess.run(args, check=True, capture_output=True, text=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
        text=True,
    )


def problems(ts_file: Path) -> list[str]:
    """Messages without a finished translation, as 'context: source'."""
    found = []
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "missing"
            text = (translation.text or "") if translation is not None else ""
            if message.get("numerus") == "yes" and translation is not None:
                # Plural forms: every <numerusform> must be filled.
                forms = [form.text or "" for form in translation.iter("numerusform")]
                text = "x" if forms and all(f.strip() for f in forms) else ""
            if kind in ("unfinished", "obsolete", "vanished", "missing") or not text.strip():
                found.append(f"{name}: {source!r} ({kind or 'empty'})")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report untranslated strings")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        ts_file = TS_DIR / f"surveyor_{language}.ts"
        lupdate(ts_file)
        missing = problems(ts_file)
        for line in missing:
            print(f"untranslated ({language}): {line}")
        if missing:
            status = 1
        if not args.check:
            lrelease(ts_file, QM_DIR / f"surveyor_{language}.qm")
    return status


if __name__ == "__main__":
    sys.exit(main())
