"""Searching answers on 100,000 interviews (SQLite FTS5), against reading the same rows.

Run:  uv run python benchmarks/bench_search.py [--interviews 100000] [--runs 5]

Builds a store of N interviews (~20 answers each, one street name among 50 per interview),
then measures, in the same process:
- search: ``list_interviews(search="Lilas")`` (the home search box; 1 in 50 interviews match);
- reference: reading the same matching rows' summaries by a plain indexed query on their ids;
- scan: the same search done the old way (LIKE over every row's answers JSON).
Prints medians and the ratios search/reference and scan/search. Target (issue 11): the
search is fast on 100,000 interviews (well under the 300 ms the home list is allowed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

STREETS = [f"Rue {name}" for name in ("des Lilas", "Foch", "Victor Hugo", "du Moulin", "Pasteur")]
STREETS += [f"Allée {i}" for i in range(45)]


def build(data_dir: Path, count: int) -> None:
    from surveyor.store import Store

    with Store.open(data_dir) as store:
        store.save_form(
            form_id="f",
            version="1",
            title="F",
            content_hash="md5:" + "0" * 32,
            source_name="f.xml",
            source_bytes=b"",
            xform="<h:html/>",
            media={},
        )
        db = store.db
        rows = []
        for i in range(count):
            answers = {f"q{j}": f"réponse {i} {j}" for j in range(18)}
            answers["street"] = STREETS[i % len(STREETS)]
            answers["member"] = [{"member_name": f"Nom{i}"}]
            rows.append(
                (
                    f"uuid:{uuid.uuid4()}",
                    "f",
                    "1",
                    "md5:" + "0" * 32,
                    "Amina",
                    "laptop",
                    "finalized",
                    "2026-11-20T10:00:00.000Z",
                    f"2026-11-20T10:{i % 60:02d}:00.000Z",
                    f"interview {i}",
                    json.dumps(answers, ensure_ascii=False),
                )
            )
        with store.transaction("bench rows"):
            db.conn.executemany(
                "INSERT INTO interviews (instance_id, form_id, form_version, form_hash, "
                "interviewer, device_id, status, created_at, updated_at, instance_name, answers) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )


def median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--interviews", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from surveyor.store import Store
    from surveyor.store.store import _SUMMARY_COLUMNS

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        start = time.perf_counter()
        build(data_dir, args.interviews)
        print(f"built {args.interviews:,} interviews in {time.perf_counter() - start:.1f} s")
        with Store.open(data_dir) as store:
            found = store.list_interviews(search="Lilas")
            ids = [s.instance_id for s in found]
            print(f"search finds {len(ids):,} interviews")
            columns = ", ".join(_SUMMARY_COLUMNS)
            marks = ", ".join("?" for _ in ids)

            def reference():
                store.db.execute(
                    f"SELECT {columns} FROM interviews WHERE instance_id IN ({marks}) "
                    "ORDER BY updated_at DESC, instance_id",
                    ids,
                ).fetchall()

            def scan():
                store.db.execute(
                    f"SELECT {columns} FROM interviews WHERE answers LIKE '%Lilas%' "
                    "ORDER BY updated_at DESC, instance_id"
                ).fetchall()

            search = median(lambda: store.list_interviews(search="Lilas"), args.runs)
            ref = median(reference, args.runs)
            old = median(scan, args.runs)
    print(f"search (FTS5): {search * 1000:.1f} ms")
    print(f"reading the same rows by id: {ref * 1000:.1f} ms  -> ratio {search / ref:.2f}")
    print(f"LIKE scan of every answer: {old * 1000:.1f} ms  -> {old / search:.1f}x slower")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
