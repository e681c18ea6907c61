"""`surveyor results` and `surveyor report`, run as real commands."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from docx import Document

from tests.test_cli import run_cli

from .test_figures import col
from .test_figures import read

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow

BASE_KEYS = {"type", "label", "asked", "answered"}
NUMBER_KEYS = BASE_KEYS | {"n", "mean", "median", "min", "max"}


def results_json(data_dir, *args):
    done = run_cli("--data-dir", str(data_dir), "results", "--json", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_results_json_has_the_documented_keys_and_the_csv_figures(coordinator, tmp_path):
    ws, facts = coordinator
    ws.export(tmp_path / "csv")
    main = read(tmp_path / "csv" / "enquete_habitants.csv")
    data = results_json(ws.data_dir)
    assert set(data) == {"interviews", "questions"}
    assert data["interviews"] == len(main)
    questions = data["questions"]
    assert set(questions["sector"]) == BASE_KEYS | {"counts"}
    assert set(questions["needs_unmet"]) == BASE_KEYS | {"counts"}
    assert set(questions["years_in_district"]) == NUMBER_KEYS
    assert set(questions["comments"]) == BASE_KEYS
    assert set(questions["contact_phone"]) == BASE_KEYS  # personal: never a value
    expected = Counter(col(r, "sector") for r in main)
    assert {k: v for k, v in questions["sector"]["counts"].items() if v} == dict(expected)
    consenting = [r for r in main if col(r, "consent") == "yes"]
    assert questions["housing_type"]["asked"] == len(consenting)


def test_results_filter_and_by(coordinator):
    ws, _facts = coordinator
    north = results_json(ws.data_dir, "--filter", "sector=north", "--filter", "sector=south")
    everyone = results_json(ws.data_dir)
    counts = everyone["questions"]["sector"]["counts"]
    assert north["interviews"] == counts["north"] + counts["south"]
    grouped = results_json(ws.data_dir, "--by", "consent")
    assert set(grouped) == {"interviews", "questions", "by", "groups"}
    assert sum(g["interviews"] for g in grouped["groups"].values()) == everyone["interviews"]
    assert set(grouped["groups"]["yes"]) == {"interviews", "questions"}


def test_results_crosstab(coordinator):
    ws, _facts = coordinator
    table = results_json(ws.data_dir, "--crosstab", "sector", "consent")
    assert table["total"] == sum(table["row_totals"].values())
    assert table["small_base"] is True
    done = run_cli("--data-dir", str(ws.data_dir), "results", "--crosstab", "sector", "consent")
    assert done.returncode == 0 and "warning: some bases are under 30" in done.stdout


def test_results_errors_are_one_clear_line(coordinator):
    ws, _facts = coordinator
    cases = [
        (["--filter", "nope=1"], "no question named 'nope'"),
        (["--filter", "sector=mars"], "has no choice 'mars'"),
        (["--filter", "sector=outside"], "aucun entretien ne correspond"),
        (["--by", "nope"], "no question named 'nope'"),
        (["--crosstab", "sector", "contact_phone"], "personal"),
        (["--filter", "sector"], "is not QUESTION=VALUE"),
        (["--from", "30/11/2026"], "'30/11/2026' is not a date (YYYY-MM-DD)"),
        (["--to", "2026-13-01"], "'2026-13-01' is not a date (YYYY-MM-DD)"),
    ]
    for args, message in cases:
        done = run_cli("--data-dir", str(ws.data_dir), "results", *args)
        assert done.returncode == 1, args
        assert message in done.stderr and done.stderr.startswith("error: "), done.stderr
        assert "Traceback" not in done.stderr


def test_report_command_writes_docx_and_its_plan(coordinator, tmp_path):
    ws, _facts = coordinator
    plan = tmp_path / "plan.json"
    out = tmp_path / "rapport.docx"
    done = run_cli(
        "--data-dir", str(ws.data_dir), "report", "--out", str(out), "--save-plan", str(plan)
    )
    assert done.returncode == 0, done.stderr
    assert "Qui a répondu" in [p.text for p in Document(str(out)).paragraphs]
    data = json.loads(plan.read_text("utf-8"))
    data["questions"] = ["sector"]
    plan.write_text(json.dumps(data), "utf-8")
    english = tmp_path / "report.docx"
    done = run_cli(
        "--data-dir",
        str(ws.data_dir),
        "report",
        "--out",
        str(english),
        "--plan",
        str(plan),
        "--language",
        "en",
    )
    assert done.returncode == 0, done.stderr
    headings = [p.text for p in Document(str(english)).paragraphs]
    assert "The answers, question by question" in headings
    bad = run_cli("--data-dir", str(ws.data_dir), "report", "--out", str(tmp_path / "r.txt"))
    assert bad.returncode == 1 and "must end in .docx or .pdf" in bad.stderr


def test_results_json_into_a_closed_pipe_ends_quietly(coordinator):
    """``surveyor results --json | head -1``: the reader goes away, the command stops without
    a traceback, with the status of a process ended by SIGPIPE (as other tools)."""
    import os
    import subprocess
    import sys

    ws, _facts = coordinator
    ws.close()
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "surveyor", "--data-dir", str(ws.data_dir), "results", "--json"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write_end)
    os.close(read_end)  # before the command prints anything: its first write finds no reader
    _out, err = process.communicate(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert err == "" and process.returncode == 141
