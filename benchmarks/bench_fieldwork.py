"""Door-to-door fieldwork at scale, each figure beside reading the same rows from SQLite.

Run:  uv run python benchmarks/bench_fieldwork.py [--doors 50000] [--visits 200000] [--runs 5]

1. Importing 50,000 addresses (a BAN-shaped CSV: read, checked, street order, one
   transaction) — reference: reading the 50,000 door rows back from SQLite.
2. "Mes portes" for one interviewer with 5,000 doors (``Workspace.my_doors`` and
   ``Workspace.doors(interviewer=…)``) — reference: the same 5,000 rows read by a plain query.
3. The funnel over 50,000 doors and 200,000 visits (``Workspace.fieldwork()``: overall, per
   sector, per interviewer, per day) — reference: reading the 200,000 visit rows and the
   50,000 door rows it is computed from.
Also: recording one visit (one durable transaction), the median over 200.

Prints medians and ratios (figure / reference of the same run).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

INTERVIEWERS = 10
SECTORS = 20
OUTCOMES = ["absent"] * 5 + ["refused"] * 2 + ["later", "vacant", "ineligible", "started", "done"]


def write_ban_csv(path: Path, count: int) -> None:
    rnd = random.Random(1)
    lines = ["numero;rep;nom_voie;code_postal;nom_commune;lon;lat;secteur;porte;etage"]
    for i in range(count):
        street = (
            f"rue {rnd.choice(['des Lilas', 'Pasteur', 'Victor Hugo', 'du Moulin'])} {i // 400}"
        )
        lines.append(
            f"{1 + i % 200};{'bis' if i % 17 == 0 else ''};{street};95200;Sarcelles;"
            f"{2.38 + rnd.random() / 100:.6f};{48.99 + rnd.random() / 100:.6f};"
            f"S{i % SECTORS:02d};{i % 12};{i % 5}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(fn, runs: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doors", type=int, default=50_000)
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from surveyor.fieldwork.model import Visit
    from surveyor.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        csv_path = tmp / "ban.csv"
        write_ban_csv(csv_path, args.doors)

        # 1. import (a fresh data dir each run), then read the same rows back
        imports, reads = [], []
        ws = None
        for run in range(args.runs):
            if ws is not None:
                ws.close()
            ws = Workspace.open(tmp / f"run{run}", backup=False)
            start = time.perf_counter()
            result = ws.import_doors(csv_path).value
            imports.append(time.perf_counter() - start)
            assert result.doors == args.doors
            start = time.perf_counter()
            rows = ws.store.db.execute(
                "SELECT door_id, number, street, building, staircase, floor, door, sector, "
                "postcode, city, lon, lat, interviewer, origin, sort_key FROM doors"
            ).fetchall()
            reads.append(time.perf_counter() - start)
            assert len(rows) == args.doors
        import_s, read_s = statistics.median(imports), statistics.median(reads)
        print(
            f"import {args.doors} addresses: {import_s * 1000:.0f} ms; reading the rows: "
            f"{read_s * 1000:.1f} ms; ratio {import_s / read_s:.1f}"
        )

        # assignments: one interviewer per 2 sectors (5,000 doors each for 50,000)
        sectors = ws.sectors()
        for i, sector in enumerate(sectors):
            ws.assign_doors(f"I{i % INTERVIEWERS}", sector=sector)

        # 2. "Mes portes" for one interviewer (before any visit: 5,000 doors to visit)
        mine_s, mine = timed(lambda: ws.my_doors("I3", day="2026-12-01"), args.runs)
        list_s, listed = timed(lambda: ws.doors(interviewer="I3"), args.runs)
        ref_s, ref_rows = timed(
            lambda: ws.store.db.execute(
                "SELECT * FROM doors WHERE interviewer = ? ORDER BY sort_key", ["I3"]
            ).fetchall(),
            args.runs,
        )
        count = len(mine.to_visit) + len(mine.to_revisit) + len(mine.appointments)
        assert count == len(listed) == len(ref_rows)
        print(
            f"Mes portes ({count} doors): my_doors {mine_s * 1000:.1f} ms, doors() "
            f"{list_s * 1000:.1f} ms; reading the rows: {ref_s * 1000:.1f} ms; ratios "
            f"{mine_s / ref_s:.1f} / {list_s / ref_s:.1f}"
        )

        # visits: 200,000 over the doors (merged as a batch would be), then the funnel
        rnd = random.Random(2)
        ids = [d.door_id for d in ws.doors()]
        visits = []
        for n in range(args.visits):
            day = f"2026-11-{1 + n * 28 // args.visits:02d}"
            visits.append(
                Visit(
                    visit_id=str(uuid.uuid4()),
                    door_id=rnd.choice(ids),
                    outcome=rnd.choice(OUTCOMES),
                    at=f"{day}T{8 + n % 12:02d}:{n % 60:02d}:00.000Z",
                    day=day,
                    interviewer=f"I{n % INTERVIEWERS}",
                    device_id="surveyor:bench",
                )
            )
        fieldwork = ws.fieldwork_service.doors
        start = time.perf_counter()
        with ws.store.transaction("bench visits"):
            fieldwork.insert_visits(visits)
        merge_s = time.perf_counter() - start
        print(
            f"merging {args.visits} visits (one transaction, statuses derived): "
            f"{merge_s * 1000:.0f} ms"
        )

        # 3. the funnel
        funnel_s, report = timed(ws.fieldwork, args.runs)
        assert report.overall.doors == args.doors and report.overall.visits == args.visits

        def read_rows():
            db = ws.store.db
            v = db.execute("SELECT door_id, outcome, at, visit_id, day FROM visits").fetchall()
            d = db.execute("SELECT door_id, sector, interviewer, status FROM doors").fetchall()
            return len(v) + len(d)

        rows_s, n_rows = timed(read_rows, args.runs)
        print(
            f"funnel over {args.doors} doors and {args.visits} visits: "
            f"{funnel_s * 1000:.0f} ms; reading the rows ({n_rows}): {rows_s * 1000:.0f} ms; "
            f"ratio {funnel_s / rows_s:.2f}"
        )
        doors_s, _ = timed(lambda: ws.fieldwork(by_day=False), args.runs)
        door_rows_s, _ = timed(
            lambda: ws.store.db.execute(
                "SELECT door_id, sector, interviewer, status, contacted, visits FROM doors"
            ).fetchall(),
            args.runs,
        )
        print(
            f"funnel without the days (overall, sectors, interviewers): "
            f"{doors_s * 1000:.1f} ms; reading the {args.doors} door rows: "
            f"{door_rows_s * 1000:.1f} ms; ratio {doors_s / door_rows_s:.2f}"
        )

        # one visit, recorded durably
        times = []
        for i in range(200):
            start = time.perf_counter()
            ws.record_visit(ids[i], "absent")
            times.append(time.perf_counter() - start)
        print(
            f"recording one visit: median {statistics.median(times) * 1000:.2f} ms, "
            f"p99 {sorted(times)[int(len(times) * 0.99) - 1] * 1000:.2f} ms"
        )
        ws.close()


if __name__ == "__main__":
    main()
