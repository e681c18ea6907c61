"""Figures of the compatibility corpus for docs/COMPATIBILITY.md.

uv run python benchmarks/corpus_report.py [CORPUS_DIR]
"""

from __future__ import annotations

import collections
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from surveyor.errors import FormError  # noqa: E402
from surveyor.forms import load_form  # noqa: E402

_FEATURE_RE = re.compile(
    r"uses (type \S+|appearance '[^']+'|attribute [^=]+|parameter \S+|the search\(\) appearance)"
)


def feature(phrase: str) -> str:
    match = _FEATURE_RE.search(phrase)
    return match.group(1) if match else phrase


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "shared" / "xlsforms"
    with open(root / "MANIFEST.tsv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("file")]
    by_status = collections.Counter(r["pyxform_4_5_0"] for r in rows)
    loaded = rejected = with_unsupported = 0
    failures = []
    features: collections.Counter[str] = collections.Counter()
    for row in rows:
        expected_ok = row["pyxform_4_5_0"].startswith("ok")
        try:
            form = load_form(root / row["file"])
        except FormError as exc:
            rejected += 1
            if expected_ok:
                failures.append(f"{row['file']}: {exc}")
            continue
        except Exception as exc:  # a crash: a bug to fix
            failures.append(f"{row['file']}: CRASH {exc!r}")
            continue
        loaded += 1
        if not expected_ok:
            failures.append(f"{row['file']}: loaded but pyxform rejects it")
        if form.unsupported:
            with_unsupported += 1
        for phrase in set(map(feature, form.unsupported)):
            features[phrase] += 1
    print(f"forms: {len(rows)}  manifest: {dict(by_status)}")
    print(f"loaded: {loaded}  with unsupported features: {with_unsupported}")
    print(f"rejected with FormError: {rejected}  failures: {len(failures)}")
    for failure in failures:
        print("  FAIL", failure)
    print("features most often unsupported (forms using them):")
    for name, count in features.most_common(20):
        print(f"  {count:3d}  {name}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
