"""Encrypted forms against the same form unencrypted, in the same run: saving an answer,
finalizing, merging a batch and exporting (each a ratio encrypted / plain).

    uv run python benchmarks/bench_crypto.py [--interviews 200]

Two laptops (data dirs) fill the bundled habitants form, one with a public key in it; each
saves a draft and finalizes it through the Workspace (the encrypted one: render the XML,
AES-256 + RSA-OAEP, store the sealed payload, compact the search index, empty the WAL). Each
hands in one batch; a coordinator merges it (the encrypted one with the private key:
merge, then decrypt and merge the interviews), and another merges it and exports CSV (the
encrypted one merged without the key, then exported with it: decrypted at the export).
Each coordinator is a fresh data dir: the one-time costs (the form rebuilt from the store
to read the decrypted XML) are in the encrypted figures. Also the baseline: reading the same
rows from SQLite. Times are medians per interview for saving and finalizing, totals for
merging and exporting.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from surveyor.encryption.keys import add_public_key_to_xlsform  # noqa: E402
from surveyor.encryption.keys import new_private_key  # noqa: E402
from surveyor.encryption.keys import public_text_of  # noqa: E402
from surveyor.workspace import Workspace  # noqa: E402

HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))


def laptop_run(ws: Workspace, form, n: int) -> tuple[list[float], list[float]]:
    saves, finals = [], []
    for i in range(n):
        interview, session = ws.start_interview(form, interviewer="Amina").value
        session.load_answers(dict(ANSWERS, street=f"{i} rue des Tilleuls"))
        started = time.perf_counter()
        ws.save_session(interview, session)
        saves.append(time.perf_counter() - started)
        started = time.perf_counter()
        ws.finalize_interview(interview, session)
        finals.append(time.perf_counter() - started)
    return saves, finals


def print_ratios(plain: dict, other: dict, label: str) -> None:
    """Saving, finalizing, merging and exporting: plain, ``label``, and their ratio."""
    for name, unit in (
        ("save_ms", "ms / save"),
        ("finalize_ms", "ms / finalize"),
        ("merge_s", "s merge"),
        ("export_s", "s export"),
    ):
        print(
            f"  {name:12} plain {plain[name]:8.3f}  {label} {other[name]:8.3f} {unit:14}"
            f"  ratio {other[name] / plain[name]:5.2f}"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=200)
    args = parser.parse_args(argv)
    key = new_private_key()
    with tempfile.TemporaryDirectory(prefix="surveyor-bench-crypto-") as tmp:
        root = Path(tmp)
        encrypted_form = root / "enquete_chiffree.xlsx"
        shutil.copy(HABITANTS, encrypted_form)
        add_public_key_to_xlsform(encrypted_form, public_text_of(key))
        results = {}
        for label, path in (("plain", HABITANTS), ("encrypted", encrypted_form)):
            with Workspace.open(root / f"laptop-{label}", cache_dir=root / "cache") as ws:
                form = ws.load_form(path).value
                laptop_run(ws, form, 3)  # warm-up (form compiled, caches)
                saves, finals = laptop_run(ws, form, args.interviews)
                usb = root / f"usb-{label}"
                usb.mkdir()
                batch = ws.hand_in(usb).value.path
            private = key if label == "encrypted" else None
            with Workspace.open(root / f"office-{label}", cache_dir=root / "cache") as office:
                started = time.perf_counter()  # encrypted: decrypted at the merge
                office.merge_batches([batch], private_key=private)
                merge = time.perf_counter() - started
                path_db = office.store.path
            with Workspace.open(root / f"office2-{label}", cache_dir=root / "cache") as office:
                office.merge_batches([batch])  # encrypted: kept encrypted...
                started = time.perf_counter()  # ...and decrypted at the export
                office.export(root / f"out-{label}", private_key=private)
                export = time.perf_counter() - started
            started = time.perf_counter()
            with sqlite3.connect(path_db) as conn:
                rows = conn.execute("SELECT * FROM interviews").fetchall()
            raw = time.perf_counter() - started
            assert len(rows) >= args.interviews
            results[label] = {
                "save_ms": statistics.median(saves) * 1000,
                "finalize_ms": statistics.median(finals) * 1000,
                "merge_s": merge,
                "export_s": export,
                "sqlite_read_s": raw,
            }
    plain, enc = results["plain"], results["encrypted"]
    print(f"{args.interviews} interviews each (habitants form), plain vs encrypted:")
    print_ratios(plain, enc, "encrypted")
    print(
        f"  reading the same rows from SQLite: {plain['sqlite_read_s'] * 1000:.1f} ms; merge "
        f"{enc['merge_s'] / plain['sqlite_read_s']:.0f}x and export "
        f"{enc['export_s'] / plain['sqlite_read_s']:.0f}x that, encrypted"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
