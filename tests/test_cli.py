"""The real ``surveyor`` command, run as a person would."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

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


def test_every_command_made_of_actions_asks_for_one_the_same_way(capsys):
    """``surveyor keys`` alone, like ``surveyor doors`` alone, names the missing ACTION on
    stderr and exits with 2 (argparse's usage error), and lists its actions under "actions"
    in its help."""
    from surveyor.cli import build_parser

    parser = build_parser()
    with_actions = [
        name
        for name, sub in parser._subcommands.choices.items()
        if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions)
    ]
    assert {"keys", "form", "doors", "store"} <= set(with_actions)
    for name in with_actions:
        try:
            parser.parse_args([name])
        except SystemExit as exit:
            assert exit.code == 2, name
        else:
            raise AssertionError(f"surveyor {name} without an action was accepted")
        assert "required: ACTION" in capsys.readouterr().err, name
        with pytest.raises(SystemExit):
            parser.parse_args([name, "--help"])
        assert "\nactions:\n" in capsys.readouterr().out, name
