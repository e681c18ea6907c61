"""A real ``surveyor serve`` process on 127.0.0.1 and a plain HTTP client (http.client)."""

from __future__ import annotations

import base64
import http.client
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))


def surveyor(*args, data_dir: Path, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Reply:
    status: int
    headers: dict
    body: bytes
    header_list: list | None = None  # (lower-case name, value), repeated headers kept

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.header_list or [] if k == name]

    def json(self):
        return json.loads(self.body)


class Server:
    """One server process over a data dir; start/stop keep the data dir."""

    def __init__(self, data_dir: Path, auth_ttl: float = 60):
        self.data_dir = data_dir
        self.auth_ttl = auth_ttl
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log_path = data_dir / "server.log"

    def start(self) -> None:
        self.log_file = open(self.log_path, "ab")  # noqa: SIM115
        env = {**os.environ, "SURVEYOR_SERVER_AUTH_TTL": str(self.auth_ttl)}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "surveyor",
                "--data-dir",
                str(self.data_dir),
                "serve",
                "--port",
                str(self.port),
            ],
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            env=env,
        )
        deadline = time.monotonic() + 120  # a safety net: a busy machine starts slowly
        while True:
            try:
                if self.request("GET", "/formList").status in (200, 401):
                    return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start:\n{self.log()}")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        self.log_file.close()

    def log(self) -> str:
        return self.log_path.read_text("utf-8", "replace")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(
        self,
        method,
        path,
        *,
        body: bytes | None = None,
        headers=None,
        auth: tuple[str, str] | str | None = None,
    ) -> Reply:
        headers = {"X-OpenRosa-Version": "1.0", **(headers or {})}
        if isinstance(auth, str):
            headers["Authorization"] = auth
        elif auth is not None:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            pairs = [(k.lower(), v) for k, v in response.getheaders()]
            return Reply(response.status, dict(pairs), response.read(), pairs)
        finally:
            conn.close()

    def submit(
        self,
        xml: bytes | str,
        attachments: dict[str, bytes] | None = None,
        *,
        auth,
        xml_type="text/xml",
        names: dict[str, str] | None = None,
        types: dict[str, str] | None = None,
        fields: dict[str, str] | None = None,
        query: str = "",
    ) -> Reply:
        body, ctype = multipart(
            xml, attachments or {}, xml_type=xml_type, names=names, types=types, fields=fields
        )
        return self.request(
            "POST", f"/submission{query}", body=body, auth=auth, headers={"Content-Type": ctype}
        )


def multipart(
    xml,
    attachments: dict[str, bytes],
    *,
    xml_type="text/xml",
    names: dict[str, str] | None = None,
    types: dict[str, str] | None = None,
    fields: dict[str, str] | None = None,
) -> tuple[bytes, str]:
    """An ODK Collect-style body; ``names`` overrides the part name of an attachment,
    ``types`` its content type (image/jpeg by default); ``fields`` are plain form fields
    (parts without a filename, as Collect's ``*isIncomplete*``)."""
    boundary = uuid.uuid4().hex
    xml = xml.encode("utf-8") if isinstance(xml, str) else xml
    chunks = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="xml_submission_file"; '
        f'filename="submission.xml"\r\nContent-Type: {xml_type}\r\n\r\n'.encode(),
        xml,
        b"\r\n",
    ]
    for filename, data in attachments.items():
        part_name = (names or {}).get(filename, filename)
        chunks += [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{part_name}"; '
            f'filename="{filename}"\r\nContent-Type: {(types or {}).get(filename, "image/jpeg")}'
            "\r\n\r\n".encode(),
            data,
            b"\r\n",
        ]
    for field_name, value in (fields or {}).items():
        chunks += [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field_name}"\r\n\r\n'
            f"{value}\r\n".encode(),
        ]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


@dataclass
class Campaign:
    server: Server
    coordinator: tuple[str, str]
    interviewer: tuple[str, str]
    xml: str  # a habitants interview rendered by the engine
    instance_id: str

    def new_submission(self, **replace) -> tuple[str, str]:
        """The rendered interview with a fresh instanceID (and textual replacements)."""
        new_id = f"uuid:{uuid.uuid4()}"
        xml = self.xml.replace(self.instance_id, new_id)
        for old, new in replace.items():
            xml = xml.replace(old, new)
        return xml, new_id

    def submissions(self, since: int = 0, limit: int = 1000) -> list[dict]:
        reply = self.server.request(
            "GET", f"/api/v1/submissions?since={since}&limit={limit}", auth=self.coordinator
        )
        assert reply.status == 200, reply.body
        return reply.json()["submissions"]

    def stored(self, instance_id: str) -> dict | None:
        return next((s for s in self.submissions() if s["instance_id"] == instance_id), None)


def render_interview(client_dir: Path) -> tuple[str, str]:
    from surveyor.services.interviews import FormLibrary
    from surveyor.services.interviews import fill_interview
    from surveyor.store import Store

    with Store.open(client_dir) as store:
        library = FormLibrary(store)
        form = library.load_file(HABITANTS)
        result = fill_interview(library, form, ANSWERS, finalize=True)
        assert not result.problems
        return result.session.to_xml(), result.interview.instance_id


def make_campaign(root: Path, auth_ttl: float = 60) -> Campaign:
    data = root / "server-data"
    coordinator = (
        "claire",
        surveyor(
            "server", "add-user", "claire", "--role", "coordinator", data_dir=data
        ).stdout.strip(),
    )
    interviewer = (
        "ines",
        surveyor(
            "server", "add-user", "ines", "--role", "interviewer", data_dir=data
        ).stdout.strip(),
    )
    surveyor("server", "publish", str(HABITANTS), data_dir=data)
    xml, instance_id = render_interview(root / "client-data")
    server = Server(data, auth_ttl=auth_ttl)
    server.start()
    return Campaign(server, coordinator, interviewer, xml, instance_id)


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    campaign = make_campaign(tmp_path_factory.mktemp("campaign"), auth_ttl=1.0)
    yield campaign
    campaign.server.stop()
