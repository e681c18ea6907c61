"""An encrypted interview sent to Surveyor's own server (a real process on 127.0.0.1) by the
OpenRosa client: the server takes the manifest + .enc parts, keeps nothing readable, and the
coordinator's download decrypts it with the private key."""

from __future__ import annotations

import pytest

from surveyor.sync.transport import OpenRosaTransport
from tests.server.conftest import Server
from tests.server.conftest import surveyor

from .conftest import SECRET
from .conftest import finalize_with_photo
from .conftest import scan


@pytest.fixture
def server(tmp_path, encrypted_form_file):
    data = tmp_path / "server-data"
    users = {
        name: surveyor("server", "add-user", name, "--role", role, data_dir=data).stdout.strip()
        for name, role in (("claire", "coordinator"), ("ines", "interviewer"))
    }
    surveyor("server", "publish", str(encrypted_form_file), data_dir=data)
    server = Server(data)
    server.start()
    yield server, users
    server.stop()


@pytest.mark.slow
def test_the_server_takes_an_encrypted_submission_and_keeps_nothing_readable(
    server, open_workspace, encrypted_form_file, private_key, tmp_path
):
    srv, users = server
    laptop = open_workspace("laptop")
    form = laptop.load_form(encrypted_form_file).value
    ids = [finalize_with_photo(laptop, form, n) for n in range(2)]
    with OpenRosaTransport(srv.base, "ines", users["ines"]) as transport:
        report = laptop.send_pending(transport).value
    assert report.ok and report.sent == 2, str(report)
    assert scan(srv.data_dir, SECRET) == []
    assert scan(srv.data_dir, "quetzalcoatl") == []

    office = open_workspace("office")
    office.load_form(encrypted_form_file)
    password = users["claire"]
    got = office.download_submissions(srv.base, "claire", password, private_key=private_key)
    assert got.value.received == 2
    assert office.encrypted_waiting() == 0
    for instance_id in ids:
        interview = office.get_interview(instance_id)
        assert SECRET in interview.answers["street"]
        assert [a.filename for a in interview.attachments] == ["photo.jpg"]
