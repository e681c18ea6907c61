"""The laptop's store encrypted at rest (SQLCipher) against the plain store, in the same run:
saving an answer, finalizing, merging a batch and exporting (each a ratio protected / plain).

    uv run python benchmarks/bench_at_rest.py [--interviews 200]

Two laptops (data dirs) fill the bundled habitants form through the Workspace, one with its
store protected by a passphrase; each hands in one batch; a coordinator merges it into a
store protected the same way (or plain), then exports CSV. Opening a protected store costs
the key derivation (scrypt, once per process) and is measured apart. Times are medians per
interview for saving and finalizing, totals for merging and exporting.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench_crypto import HABITANTS  # noqa: E402
from bench_crypto import laptop_run  # noqa: E402
from bench_crypto import print_ratios  # noqa: E402

from surveyor.store import protection  # noqa: E402
from surveyor.workspace import Workspace  # noqa: E402

PASSPHRASE = "benchmark passphrase"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=200)
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="surveyor-bench-at-rest-") as tmp:
        root = Path(tmp)
        for label in ("plain", "protected"):
            dirs = {name: root / f"{name}-{label}" for name in ("laptop", "office")}
            unlock = 0.0
            if label == "protected":
                for folder in dirs.values():
                    Workspace.protect(folder, passphrase=PASSPHRASE)
                    protection.forget(folder)
                started = time.perf_counter()
                protection.unlock(dirs["laptop"], PASSPHRASE)
                unlock = time.perf_counter() - started
                protection.unlock(dirs["office"], PASSPHRASE)
            with Workspace.open(dirs["laptop"], cache_dir=root / "cache") as ws:
                form = ws.load_form(HABITANTS).value
                laptop_run(ws, form, 3)  # warm-up (form compiled, caches)
                saves, finals = laptop_run(ws, form, args.interviews)
                usb = root / f"usb-{label}"
                usb.mkdir()
                batch = ws.hand_in(usb).value.path
            with Workspace.open(dirs["office"], cache_dir=root / "cache") as office:
                started = time.perf_counter()
                office.merge_batches([batch])
                merge = time.perf_counter() - started
                started = time.perf_counter()
                office.export(root / f"out-{label}")
                export = time.perf_counter() - started
            results[label] = {
                "save_ms": statistics.median(saves) * 1000,
                "finalize_ms": statistics.median(finals) * 1000,
                "merge_s": merge,
                "export_s": export,
                "unlock_s": unlock,
            }
    plain, enc = results["plain"], results["protected"]
    print(f"{args.interviews} interviews each (habitants form), plain vs protected store:")
    print_ratios(plain, enc, "protected")
    print(f"  unlocking with the passphrase (scrypt, once per process): {enc['unlock_s']:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
