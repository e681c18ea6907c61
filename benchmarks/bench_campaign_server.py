"""The campaign package through the server: what a laptop's sync pass costs with it.

Run:  uv run python benchmarks/bench_campaign_server.py [--doors 5000] [--runs 5]

A real ``surveyor serve`` process on 127.0.0.1 holds a package of ``--doors`` doors (every
one assigned, one visit each). Measured, medians:

1. the coordinator's publish (``Workspace.publish_campaign``: a new revision written, sent,
   checked by the server's package reader, stored);
2. a laptop's first fetch (GET 200, then the import a file import makes), a fresh data dir
   each run — reference: importing the same package file from disk (``import_campaign``);
3. the next passes' fetch (``Workspace.fetch_campaign``: GET with If-None-Match, 304) —
   reference: the first fetch (2).

Prints medians and ratios (figure / reference of the same run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_fieldwork import write_ban_csv  # noqa: E402
from benchmarks.bench_server import free_port  # noqa: E402


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def surveyor(data_dir: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doors", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from surveyor.sync.transport import OpenRosaTransport
    from surveyor.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "server"
        coordinator = surveyor(data, "server", "add-user", "claire", "--role", "coordinator")
        interviewer = surveyor(data, "server", "add-user", "ines", "--role", "interviewer")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "surveyor", "--data-dir", str(data), "serve"]
            + ["--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=os.environ,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with OpenRosaTransport(base, "ines", interviewer) as t:
                        if t.request("GET", f"{base}/formList").status_code == 200:
                            break
                except Exception:  # noqa: BLE001 - not up yet
                    if time.monotonic() > deadline:
                        raise
                time.sleep(0.2)

            csv_path = tmp / "ban.csv"
            write_ban_csv(csv_path, args.doors)
            coord = Workspace.open(tmp / "coord")
            ids = coord.import_doors(csv_path).value.door_ids
            coord.assign_doors("Camille", door_ids=ids)
            for door_id in ids:
                coord.record_visit(door_id, "absent", interviewer="Camille")

            with OpenRosaTransport(base, "claire", coordinator) as t:
                publish = timed(lambda: coord.publish_campaign(t), args.runs)
            (tmp / "file").mkdir()
            package = coord.export_campaign(tmp / "file").value.path
            with OpenRosaTransport(base, "claire", coordinator) as t:
                coord.publish_campaign(t)  # the newest on the server is the one measured
            size = package.stat().st_size
            coord.close()

            counter = iter(range(10_000))

            def fresh(name: str) -> Workspace:
                return Workspace.open(tmp / f"{name}-{next(counter)}")

            def from_file():
                with fresh("file") as ws:
                    ws.import_campaign(package)

            laptop_transport = OpenRosaTransport(base, "ines", interviewer)

            def first_fetch():
                with fresh("laptop") as ws:
                    assert ws.fetch_campaign(laptop_transport).value.changed

            file_import = timed(from_file, args.runs)
            fetch = timed(first_fetch, args.runs)
            laptop = Workspace.open(tmp / "steady")
            laptop.fetch_campaign(laptop_transport)

            def unchanged():
                assert laptop.fetch_campaign(laptop_transport).value.unchanged

            not_modified = timed(unchanged, args.runs * 4)
            laptop.close()
            laptop_transport.close()
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"package: {args.doors} doors, {args.doors} visits, {size / 1024:.0f} KiB")
    print(f"1. publish (write a revision, send, check, store): {publish * 1000:.0f} ms")
    print(
        f"2. first fetch + import: {fetch * 1000:.0f} ms; import of the file: "
        f"{file_import * 1000:.0f} ms; ratio {fetch / file_import:.2f}"
    )
    print(
        f"3. next passes (304): {not_modified * 1000:.1f} ms; ratio to the first fetch "
        f"{not_modified / fetch:.3f}"
    )


if __name__ == "__main__":
    main()
