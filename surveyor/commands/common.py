"""What the commands share: the one way to say an error, to run in the data dir's Workspace
(or with its class, for the database file itself),
and to declare a command made of actions (``surveyor batch export``, ``surveyor doors
import``...).

Not a command itself (no ``register``); light, as every command module imports it.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.errors import SurveyorError

if TYPE_CHECKING:
    from surveyor.workspace import Workspace


def fail(message: object, status: int = 1) -> int:
    """Say ``message`` on stderr as the one line ``error: …`` and give the exit status."""
    print(f"error: {message}", file=sys.stderr)
    return status


def run_in_workspace(args: argparse.Namespace, action: Callable[[Workspace], int]) -> int:
    """Open the data dir's Workspace (``--data-dir``) and give ``action(ws)``'s exit status; a
    SurveyorError or an OSError is one line on stderr and the status 1."""
    # here, not at the top: `surveyor --help` must not load the store and the engine (~2 s
    # measured on a busy machine)
    from surveyor.workspace import Workspace

    try:
        with Workspace.open(args.data_dir) as ws:
            return action(ws)
    except (SurveyorError, OSError) as exc:
        return fail(exc)


def in_workspace(
    handler: Callable[[argparse.Namespace, Workspace], int],
) -> Callable[[argparse.Namespace], int]:
    """A command's handler ``(args, ws) -> int`` made ``(args) -> int``: it runs in the data
    dir's Workspace as :func:`run_in_workspace` says."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        return run_in_workspace(args, lambda ws: handler(args, ws))

    return run


def with_workspace_class(
    run: Callable[[argparse.Namespace, type[Workspace]], int],
) -> Callable[[argparse.Namespace], int]:
    """A command's handler ``(args, Workspace) -> int`` made ``(args) -> int``, for the
    commands that act on the data dir's database file rather than in an open Workspace
    (``surveyor doctor``, ``surveyor store``): a SurveyorError or an OSError is one line on
    stderr and the status 1."""

    @functools.wraps(run)
    def handler(args: argparse.Namespace) -> int:
        # here, not at the top: `surveyor --help` must not load the store
        from surveyor.workspace import Workspace

        try:
            return run(args, Workspace)
        except (SurveyorError, OSError) as exc:
            return fail(exc)

    return handler


def name_value_pairs(
    items: list[str], *, what: str, form: str, code: ErrorCode
) -> list[tuple[str, str]]:
    """Options written ``NAME=VALUE`` (``--filter``, ``--bands``, a reference's shares) as
    ``(name, value)`` pairs, stripped; one without "=" or with an empty side is refused: a
    ResultsError with ``code``, saying that ``what`` (as "The filter") is not ``form``."""
    pairs = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise ResultsError(f"{what} {item!r} is not {form}.", code=code)
        pairs.append((name.strip(), value.strip()))
    return pairs


def add_actions(
    subparsers, name: str, *, help: str, description: str
) -> argparse._SubParsersAction:
    """Add the command ``name``, made of actions (one is required, listed under "actions" in
    its help); gives what to add them to."""
    parser = subparsers.add_parser(name, help=help, description=description)
    return parser.add_subparsers(title="actions", metavar="ACTION", required=True)
