"""Benchmark the server's ingest: concurrent ODK-style submissions over loopback.

A real ``surveyor serve`` process (SQLite, the embedded default) and a light asyncio
raw-HTTP client (keep-alive connections, pre-built multipart requests: the client must cost
far less CPU than the server). Every submission is a habitants interview rendered by the
engine, with its own instanceID. After the run the database is counted: each 201 must be a
stored submission.

    uv run python benchmarks/bench_server.py [--clients 20] [--submissions 6000]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from surveyor.server import db  # noqa: E402
from surveyor.server import service  # noqa: E402

HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = REPO / "tests" / "data" / "habitants_answers.json"


def render_submission(work: Path) -> str:
    from surveyor.services.interviews import FormLibrary
    from surveyor.services.interviews import fill_interview
    from surveyor.store import Store

    with Store.open(work / "client") as store:
        library = FormLibrary(store)
        form = library.load_file(HABITANTS)
        result = fill_interview(
            library, form, json.loads(ANSWERS.read_text("utf-8")), finalize=True
        )
        return result.session.to_xml(), result.interview.instance_id


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` (Linux), else 0."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_request(xml: str, old_id: str, port: int, auth: str) -> bytes:
    body_xml = xml.replace(old_id, f"uuid:{uuid.uuid4()}").encode("utf-8")
    boundary = uuid.uuid4().hex
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="xml_submission_file"; filename="submission.xml"\r\n'
            "Content-Type: text/xml\r\n\r\n"
        ).encode()
        + body_xml
        + f"\r\n--{boundary}--\r\n".encode()
    )
    head = (
        f"POST /submission HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Authorization: Basic {auth}\r\nX-OpenRosa-Version: 1.0\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    return head + body


async def client(port: int, requests: list[bytes], latencies: list[float], statuses: dict):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for request in requests:
        begin = time.perf_counter()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        if length:
            await reader.readexactly(length)
        latencies.append(time.perf_counter() - begin)
        statuses[status] = statuses.get(status, 0) + 1
    writer.close()


async def run_load(port: int, requests: list[bytes], clients: int):
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    shares = [requests[i::clients] for i in range(clients)]
    begin = time.perf_counter()
    await asyncio.gather(*(client(port, share, latencies, statuses) for share in shares))
    return time.perf_counter() - begin, latencies, statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--submissions", type=int, default=6000)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument(
        "--database",
        metavar="URL",
        help="server database, e.g. postgresql+psycopg://u:pw@127.0.0.1/db "
        "(its Surveyor tables are DROPPED first); default: SQLite",
    )
    args = parser.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / "server"
        data.mkdir()
        url = args.database or db.default_url(data)
        if args.database:
            from sqlalchemy import create_engine

            scratch = create_engine(url)
            db.metadata.drop_all(scratch)
            scratch.dispose()
        engine = db.make_engine(url)
        password = service.add_user(engine, "bench", "interviewer")
        from surveyor.forms import load_form

        service.publish_form(engine, load_form(HABITANTS))
        xml, old_id = render_submission(work)
        port = free_port()
        auth = base64.b64encode(f"bench:{password}".encode()).decode()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "surveyor",
                "--data-dir",
                str(data),
                "serve",
                "--port",
                str(port),
                "--database",
                url,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        try:
            deadline = time.time() + 30
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/formList", timeout=1)
                except urllib.error.HTTPError:
                    break  # 401: it answers
                except OSError:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.1)
            warm = [build_request(xml, old_id, port, auth) for _ in range(args.warmup)]
            asyncio.run(run_load(port, warm, args.clients))
            requests = [build_request(xml, old_id, port, auth) for _ in range(args.submissions)]
            cpu_before, client_before = process_cpu(server.pid), time.process_time()
            elapsed, latencies, statuses = asyncio.run(run_load(port, requests, args.clients))
            server_cpu = process_cpu(server.pid) - cpu_before
            client_cpu = time.process_time() - client_before
        finally:
            server.terminate()
            server.wait(timeout=30)
        stored = service.count_submissions(engine)
        latencies.sort()
        figures = {
            "database": url.split("://", 1)[0],
            "clients": args.clients,
            "submissions": args.submissions,
            "statuses": statuses,
            "per_second": round(args.submissions / elapsed),
            "median_ms": round(statistics.median(latencies) * 1000, 2),
            "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2),
            "max_ms": round(latencies[-1] * 1000, 2),
            "server_cpu_ms_per_submission": round(server_cpu * 1000 / args.submissions, 3),
            "client_cpu_ms_per_submission": round(client_cpu * 1000 / args.submissions, 3),
            "stored": stored,
            "expected_stored": args.warmup + args.submissions,
            "submission_bytes": len(requests[0]),
        }
        print(json.dumps(figures, indent=2))
        ok = stored == args.warmup + args.submissions and statuses == {201: args.submissions}
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
