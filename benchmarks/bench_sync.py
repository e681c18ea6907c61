"""Benchmark: a laptop sending N pending interviews to a local server (`surveyor serve`).

    uv run python benchmarks/bench_sync.py [--count 10000]

Fills N finalized habitants interviews in a fresh data dir, starts a real server process on
127.0.0.1 (SQLite, synchronous=FULL), then times ``send_pending`` (render each interview,
POST it, mark it sent: every step durable). Target: 10,000 in under 60 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from surveyor.sync.sender import send_pending  # noqa: E402
from surveyor.sync.transport import OpenRosaTransport  # noqa: E402
from tests.sync.conftest import Laptop  # noqa: E402
from tests.sync.conftest import make_campaign  # noqa: E402
from tests.sync.conftest import server_count  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    campaign = make_campaign(root)
    try:
        laptop = Laptop(root / "laptop")
        start = time.perf_counter()
        laptop.fill(args.count)
        fill = time.perf_counter() - start
        with OpenRosaTransport(campaign.server.base, *campaign.interviewer) as transport:
            start, cpu = time.perf_counter(), time.process_time()
            report = send_pending(laptop.store, laptop.library, transport)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert report.ok, report.summary()
        assert server_count(campaign) == args.count
        print(f"filled {args.count} interviews in {fill:.1f} s")
        print(
            f"sent {report.sent} in {elapsed:.1f} s ({report.sent / elapsed:.0f}/s, "
            f"{elapsed / report.sent * 1000:.2f} ms each; client CPU {cpu:.1f} s); "
            f"target < 60 s: {'OK' if elapsed < 60 else 'MISSED'}"
        )
        laptop.close()
    finally:
        campaign.server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
