"""Benchmark of the exports and of the coordinator's overview on 100,000 interviews.

Run:  uv run python benchmarks/bench_export.py [--count 100000] [--data-dir DIR] [--no-xlsx]

The bundled habitants form is stored (as FormLibrary.register does), then ``--count``
finalized interviews are inserted directly (one transaction, executemany) with realistic
answers: the fixture ``tests/data/habitants_answers.json`` run through ``fill_interview`` (so
values, calculations and metadata are as the engine stores them), 3 household members each,
varied street, interviewer, sector and day. Then:

- CSV export of all of them (target < 10 s on a 2-core laptop, peak RSS < 500 MB);
- XLSX export (openpyxl write-only);
- the overview's counts and a filtered list (one query each).

Peak memory is ``ru_maxrss`` of the process, measured after the insert and after each export.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import resource
import sys
import tempfile
import time
import uuid
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from surveyor.exports import ExportOptions  # noqa: E402
from surveyor.exports import export  # noqa: E402
from surveyor.services.interviews import FormLibrary  # noqa: E402
from surveyor.services.interviews import fill_interview  # noqa: E402
from surveyor.services.overview import OverviewFilter  # noqa: E402
from surveyor.services.overview import OverviewService  # noqa: E402
from surveyor.store import Store  # noqa: E402

FORM = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = REPO / "tests" / "data" / "habitants_answers.json"
INTERVIEWERS = [f"Enquêteur·rice {n:02d}" for n in range(1, 25)]
STREETS = [
    "Rue des Tilleuls",
    "Allée des Érables",
    "Place de la Mairie",
    "Rue Zoé",
    "Cours Fauriel",
]
COLUMNS = (
    "instance_id",
    "form_id",
    "form_version",
    "form_hash",
    "interviewer",
    "device_id",
    "status",
    "created_at",
    "updated_at",
    "finalized_at",
    "instance_name",
    "handed_in",
    "answers",
)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def templates(library: FormLibrary, form) -> list[dict]:
    """Stored answers of a few variants of the fixture (3 members each), via the engine."""
    base = json.loads(ANSWERS.read_text("utf-8"))
    variants = []
    for sector, modes, needs in (
        ("north", ["bus", "walk"], ["childcare", "digital", "repair"]),
        ("south", ["car"], ["repair"]),
        ("north", ["bike", "bus"], ["digital"]),
    ):
        answers = copy.deepcopy(base)
        answers.update(sector=sector, transport_modes=modes, needs_unmet=needs, main_need=needs[0])
        result = fill_interview(library, form, answers, finalize=True, interviewer="modèle")
        assert result.ok, result.problems
        variants.append(result.interview.answers)
        library.store.db.execute(
            "DELETE FROM interviews WHERE instance_id = ?", [result.interview.instance_id]
        )
        library.store.db.conn.commit()
    return variants


def insert(store: Store, form, variants: list[dict], count: int) -> float:
    rng = random.Random(20261122)
    start = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    conn = store.db.conn
    sql = (
        f"INSERT INTO interviews ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})"
    )
    began = time.perf_counter()
    batch = []
    for n in range(count):
        answers = copy.deepcopy(variants[n % len(variants)])
        instance_id = f"uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}"
        when = start + timedelta(minutes=7 * n % (60 * 24 * 50), seconds=n % 60)
        stamp = when.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        interviewer = INTERVIEWERS[n % len(INTERVIEWERS)]
        answers["street"] = f"{n % 97 + 1} {STREETS[n % len(STREETS)]}"
        answers["interviewer"] = interviewer
        answers["interview_date"] = stamp[:10]
        answers["years_in_district"] = str(n % 40)
        answers["instanceID"] = instance_id
        for i, member in enumerate(answers["member"]):
            member["member_name"] = f"Habitant {n}-{i + 1}"
        name = f"{answers['sector']} – {stamp[:10]} – {interviewer}"
        batch.append(
            (
                instance_id,
                form.form_id,
                form.version,
                form.content_hash,
                interviewer,
                "collect:bench",
                "finalized",
                stamp,
                stamp,
                stamp,
                name,
                "[]",
                json.dumps(answers, ensure_ascii=False, separators=(",", ":")),
            )
        )
        if len(batch) == 5000:
            conn.executemany(sql, batch)
            batch.clear()
    conn.executemany(sql, batch)
    conn.commit()
    return time.perf_counter() - began


def measure_overview(overview: OverviewService) -> None:
    """The overview's counts and lists, median of five runs each."""
    for label, call in (
        ("counts per interviewer", lambda: overview.counts_by_interviewer()),
        ("counts per day", lambda: overview.counts_by_day()),
        ("counts per form and state", lambda: overview.counts_by_form_and_status()),
        (
            "count, one interviewer + date range",
            lambda: overview.count(
                OverviewFilter(
                    interviewer=INTERVIEWERS[3], date_from="2026-10-10", date_to="2026-10-20"
                )
            ),
        ),
        ("list 200, latest day first", lambda: overview.rows(limit=200)),
        ("list 200 at row 10,000", lambda: overview.rows(limit=200, offset=10_000)),
        (
            "list 200, text search",
            lambda: overview.list(OverviewFilter(search="Tilleuls"), limit=200),
        ),
    ):
        times = []
        for _ in range(5):
            t = time.perf_counter()
            call()
            times.append(time.perf_counter() - t)
        print(f"  {label}: median {sorted(times)[2] * 1000:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="interviews to insert")
    parser.add_argument("--data-dir", help="use this folder (default: a fresh temp folder)")
    parser.add_argument("--no-xlsx", action="store_true", help="skip the (slow) XLSX export")
    args = parser.parse_args()
    folder = Path(args.data_dir or tempfile.mkdtemp(prefix="surveyor-bench-export-"))
    store = Store.open(folder / "data")
    library = FormLibrary(store)
    form = library.load_file(FORM)
    if store.overview_count() < args.count:
        seconds = insert(store, form, templates(library, form), args.count)
        print(f"insert {args.count} interviews: {seconds:.1f} s")
    size = (folder / "data" / "surveyor.db").stat().st_size / 2**20
    print(f"database: {size:.0f} MB; peak RSS after insert: {rss_mb():.0f} MB")

    store.close()  # a cold start, as `surveyor export` does: new store, forms from the cache
    store = Store.open(folder / "data")
    library = FormLibrary(store)
    began, cpu = time.perf_counter(), time.process_time()
    files = export(store, folder / "csv", library=library)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    mb = sum(f.stat().st_size for f in files) / 2**20
    print(
        f"CSV export: {seconds:.2f} s (CPU {cpu:.2f} s; {mb:.0f} MB in {len(files)} files); "
        f"peak RSS {rss_mb():.0f} MB"
    )

    began, cpu = time.perf_counter(), time.process_time()
    export(
        store,
        folder / "csv-split",
        library=library,
        options=ExportOptions(labels=True, split_select_multiple=True),
    )
    print(
        f"CSV export --labels --split-select-multiple: {time.perf_counter() - began:.2f} s "
        f"(CPU {time.process_time() - cpu:.2f} s); peak RSS {rss_mb():.0f} MB"
    )

    for kind, overview in (
        ("stored columns", OverviewService(store)),
        ("as the app counts: interview day, who did it", OverviewService(store, library)),
    ):
        print(f"overview ({kind}):")
        measure_overview(overview)

    if not args.no_xlsx:
        began, cpu = time.perf_counter(), time.process_time()
        files = export(store, folder / "xlsx", format="xlsx", library=library)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
        mb = sum(f.stat().st_size for f in files) / 2**20
        print(
            f"XLSX export: {seconds:.1f} s (CPU {cpu:.1f} s; {mb:.0f} MB); "
            f"peak RSS {rss_mb():.0f} MB"
        )
    store.close()
    print(f"data in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
