"""Logs never contain an answer: a whole cycle (fill, finalize, hand in, merge, send to a real
server, download, export) with a distinctive answer, every log captured (caplog at DEBUG, the
server process's log, any *.log file in the data dirs): the answer never appears."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from surveyor.server import db as server_db
from surveyor.sync.transport import OpenRosaTransport
from surveyor.workspace import Workspace
from tests.server.conftest import HABITANTS
from tests.server.conftest import make_campaign
from tests.sync.conftest import ANSWERS

SECRET = "Zyxquorbel-7731"  # a word no program writes by itself


def _logs_in(folder: Path) -> str:
    return "\n".join(p.read_text("utf-8", "replace") for p in folder.rglob("*.log") if p.is_file())


@pytest.mark.slow
def test_a_whole_cycle_never_logs_an_answer(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    logging.getLogger().setLevel(logging.DEBUG)
    campaign = make_campaign(tmp_path / "campaign")
    try:
        with Workspace.open(tmp_path / "laptop") as laptop:
            form = laptop.load_form(HABITANTS).value
            answers = {**ANSWERS, "comments": f"Appeler {SECRET}", "contact_name": SECRET}
            done = laptop.fill_interview(form, answers, finalize=True, interviewer="ines")
            assert done.value.ok
            # a refused answer (a number expected) quoting the distinctive text
            bad = laptop.fill_interview(
                form, {**answers, "years_in_district": SECRET}, finalize=True
            ).value
            assert bad.problems and SECRET not in " ".join(str(p) for p in bad.problems)
            batch = laptop.hand_in(tmp_path / "usb", interviewer="ines").value
            with OpenRosaTransport(campaign.server.base, *campaign.interviewer) as tr:
                assert laptop.send_pending(tr).value.ok
                # a submission the server refuses, holding the text
                reply = campaign.server.request(
                    "POST",
                    "/submission",
                    body=f"<data id='x'><c>{SECRET}</c>".encode(),
                    headers={"Content-Type": "text/xml"},
                    auth=campaign.interviewer,
                )
                assert reply.status >= 400
        with Workspace.open(tmp_path / "coordinator") as coordinator:
            coordinator.load_form(HABITANTS)
            assert coordinator.merge_batches([batch.path]).value.new == 1
            coordinator.download_submissions(campaign.server.base, *campaign.coordinator)
            assert coordinator.export(tmp_path / "exports", format="csv")
            assert coordinator.list_interviews(search=SECRET)
    finally:
        campaign.server.stop()
    assert caplog.records, "nothing was logged: the capture did not work"
    logged = "\n".join(r.getMessage() for r in caplog.records) + caplog.text
    assert SECRET not in logged
    assert SECRET not in campaign.server.log()
    for folder in (tmp_path / "laptop", tmp_path / "coordinator", tmp_path / "campaign"):
        assert SECRET not in _logs_in(folder)


@pytest.mark.parametrize(
    "text",
    [
        "digest('x', /data/s)",
        "digest('x', 'MD5', /data/s)",
    ],
)
def test_an_expression_error_never_quotes_an_answer(text):
    """An expression's error names the expression (the form's text), never a value it read."""
    from surveyor.errors import ExpressionError
    from surveyor.expressions import Environment
    from surveyor.expressions import parse
    from surveyor.expressions import parse_document

    doc = parse_document(f"<data><s>{SECRET}</s></data>")
    with pytest.raises(ExpressionError) as caught:
        parse(text).evaluate(doc, Environment())
    assert SECRET not in str(caught.value)


def test_the_server_engine_hides_statement_parameters(tmp_path):
    """SQLAlchemy puts a statement's parameters in its exceptions, and so in the tracebacks the
    server logs (``storing submission … failed``): the server's engine hides them."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    engine = server_db.make_engine(server_db.default_url(tmp_path))
    with pytest.raises(OperationalError) as caught:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO no_such_table VALUES (:v)"), {"v": SECRET})
    assert SECRET not in str(caught.value)
