"""Merging batches: 100 batches x 1,000 habitants interviews into a fresh coordinator store.

    uv run python benchmarks/bench_merge.py [--batches 100] [--per-batch 1000] [--keep DIR]

Records are generated directly (distinct instance ids, the fixture's answers with a few
varied fields), not through the engine, and written with the real BatchWriter. Measures:
merging everything (target < 20 s and < 3x raw SQLite inserting the same rows in one
transaction), merging again (all duplicates, target < 5 s), peak memory (target < 500 MB).
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from surveyor.batches import BatchWriter  # noqa: E402
from surveyor.batches import merge_batches  # noqa: E402
from surveyor.batches.format import BatchReader  # noqa: E402
from surveyor.forms import load_form  # noqa: E402
from surveyor.interviews import record as record_spec  # noqa: E402
from surveyor.store import Store  # noqa: E402

ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))


def as_submission(value):
    """Answers as the store holds them: strings, repeats as lists of objects."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [{k: as_submission(v) for k, v in item.items()} for item in value]
    if isinstance(value, list):
        return " ".join(value)
    return str(value)


BASE = {k: as_submission(v) for k, v in ANSWERS.items()}
BASE.update({"household_size": "3", "instanceID": "", "start": "2026-11-20T10:00:00.000+01:00"})


def record(n: int, batch: int, form) -> dict:
    answers = copy.deepcopy(BASE)
    instance_id = f"uuid:{uuid.uuid4()}"
    answers["street"] = f"Rue {n % 97}"
    answers["years_in_district"] = str(n % 40)
    answers["comments"] = f"Entretien {batch}-{n}."
    answers["instanceID"] = instance_id
    stamp = f"2026-11-{20 + batch % 8:02d}T10:{n % 60:02d}:00.000Z"
    return {
        "instance_id": instance_id,
        "form_id": form.form_id,
        "form_version": form.version,
        "form_hash": form.content_hash,
        "interviewer": f"Enquêteur {batch % 12}",
        "device_id": f"surveyor:{batch:016x}",
        "status": "exported",
        "created_at": stamp,
        "updated_at": stamp,
        "finalized_at": stamp,
        "sent_at": None,
        "exported_at": stamp,
        "deleted_at": None,
        "deprecated_id": None,
        "instance_name": f"{answers['street']} - {n}",
        "answers": answers,
        "position": None,
        "attachments": [],
        "last_error": None,
        "handed_in": [{"to": "E:/batch.zip", "at": stamp}],
    }


def generate(folder: Path, batches: int, per_batch: int, form) -> None:
    for b in range(batches):
        with BatchWriter(
            folder / f"batch-{b:03d}.zip",
            device_id=f"surveyor:{b:016x}",
            device_label=f"PC {b}",
            interviewer=f"Enquêteur {b % 12}",
            compresslevel=1,
        ) as writer:
            writer.add_form(
                content_hash=form.content_hash,
                form_id=form.form_id,
                version=form.version,
                title=form.title,
                source_name=form.source_name,
                source_bytes=form.source_bytes,
                xform=form.xform,
            )
            for n in range(per_batch):
                writer.add_interview(record(n, b, form))


def raw_sqlite(folder: Path, data_dir: Path) -> float:
    """Insert the same rows into the same (fresh, migrated) database in one transaction."""
    rows = []
    form = None
    for path in sorted(folder.glob("*.zip")):
        with BatchReader(path) as reader:
            content = reader.read()
            form = form or content.forms[0]
            rows += [i.values for i in content.interviews]
    columns = record_spec.COLUMN_NAMES  # the order of IncomingInterview.values

    with Store.open(data_dir) as store:
        store.save_form(
            form_id=form.form_id,
            version=form.version,
            title=form.title,
            content_hash=form.content_hash,
            source_name=form.source_name,
            source_bytes=form.source_bytes,
            xform=form.xform,
        )
        conn = store.db.conn
        marks = ", ".join("?" for _ in columns)
        start = time.perf_counter()
        with store.db.atomic():
            conn.executemany(
                f"INSERT INTO interviews ({', '.join(columns)}) VALUES ({marks})", rows
            )
        elapsed = time.perf_counter() - start
    del rows
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=100)
    parser.add_argument("--per-batch", type=int, default=1000)
    parser.add_argument("--keep", metavar="DIR", help="reuse/keep generated batches here")
    args = parser.parse_args()

    form = load_form(REPO / "forms" / "enquete_habitants.xlsx")
    work = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    folder = Path(args.keep) if args.keep else work / "batches"
    folder.mkdir(parents=True, exist_ok=True)
    total = args.batches * args.per_batch
    if len(list(folder.glob("*.zip"))) != args.batches:
        start = time.perf_counter()
        generate(folder, args.batches, args.per_batch, form)
        print(
            f"generated {args.batches} batches x {args.per_batch} in {time.perf_counter() - start:.1f} s"
        )
    size = sum(p.stat().st_size for p in folder.glob("*.zip"))
    print(f"{total} interviews, {size / 1e6:.0f} MB of batches")

    try:
        with Store.open(work / "coordinator") as store:
            start = time.perf_counter()
            report = merge_batches(store, [folder])
            merge_s = time.perf_counter() - start
            assert report.ok and report.new == total, str(report).splitlines()[-3:]
            start = time.perf_counter()
            again = merge_batches(store, [folder])
            again_s = time.perf_counter() - start
            assert again.new == 0 and again.duplicates == total
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        raw_s = raw_sqlite(folder, work / "raw")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(
        f"merge (all new):          {merge_s:6.2f} s  ({total / merge_s:,.0f} interviews/s; target < 20 s)"
    )
    print(f"raw SQLite, same rows:    {raw_s:6.2f} s  (one transaction, executemany)")
    print(f"ratio merge / raw:        {merge_s / raw_s:6.2f}x  (target < 3x)")
    print(f"merge again (duplicates): {again_s:6.2f} s  (target < 5 s)")
    print(f"peak memory (merges):     {peak_mb:6.0f} MB (target < 500 MB)")
    ok = merge_s < 20 and merge_s < 3 * raw_s and again_s < 5 and peak_mb < 500
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
