"""The ``surveyor`` command: the desktop app by default, and headless sub-commands.

Each sub-command is a thin layer over the core services; errors of the core become one
clear line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from surveyor import __version__
from surveyor.commands import register_all
from surveyor.errors import SurveyorError
from surveyor.paths import STORE_PASSPHRASE_ENV


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="surveyor",
        description="Door-to-door surveys: fill XLSForm interviews offline, hand them in, sync.",
    )
    parser.add_argument("--version", action="version", version=f"surveyor {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the local database lives (default: $SURVEYOR_HOME, else the user data dir)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=(
            "the passphrase of a database protected at rest, read from FILE (its first line); "
            f"or set ${STORE_PASSPHRASE_ENV}"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the desktop app works on this computer (no window), print OK and exit",
    )
    parser.set_defaults(handler=_run_app)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    parser._subcommands = subparsers  # type: ignore[attr-defined]
    register_all(subparsers)
    return parser


def _run_app(args: argparse.Namespace) -> int:
    """Open the desktop app (imported lazily: the CLI never needs Qt)."""
    app = import_module("surveyor.ui.app")
    return app.run(data_dir=args.data_dir, self_test=getattr(args, "self_test", False))


def read_passphrase_file(path: str) -> str:
    """A passphrase file's first line, without its line ending."""
    with open(path, encoding="utf-8") as f:
        return f.readline().rstrip("\r\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.passphrase_file:
        try:
            passphrase = read_passphrase_file(args.passphrase_file)
        except OSError as exc:
            print(f"error: cannot read the passphrase file: {exc}", file=sys.stderr)
            return 1
        # every store this process (and its helper processes) opens finds it there
        os.environ[STORE_PASSPHRASE_ENV] = passphrase
    try:
        status = int(args.handler(args) or 0)
        sys.stdout.flush()  # here, so that a reader gone away is caught below
        return status
    except SurveyorError as exc:  # the safety net: a command that forgot to catch one
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return closed_stdout()


def closed_stdout() -> int:
    """The reader of stdout went away (``surveyor results --json | head -1``): stop quietly,
    as other command-line tools do (the status of a process ended by SIGPIPE, 128 + 13).
    What is still buffered goes to the null device, so that Python's own flush at exit
    does not print a traceback (the recipe of Python's signal documentation)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (an embedding, a test's capture)
        pass
    return 141


if __name__ == "__main__":
    sys.exit(main())
