"""The real ``surveyor`` command, run as a person would."""

from __future__ import annotations

import subprocess
import sys

from surveyor import __version__


def run_cli(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", *args], capture_output=True, text=True, **kwargs
    )


def test_version_prints_the_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"surveyor {__version__}"
    assert __version__ != "0.0.0+unknown"


def test_help_lists_every_command_with_help_text():
    from surveyor.cli import build_parser

    parser = build_parser()
    sub = parser._subcommands
    for name, subparser in sub.choices.items():
        assert subparser.description or subparser.format_help().strip(), name
        for action in sub._choices_actions:
            assert action.help, f"command {action.dest} has no help text"
