"""``surveyor server``: accounts and forms of the campaign server."""

from __future__ import annotations

import argparse
from pathlib import Path

from surveyor.commands.common import add_actions
from surveyor.commands.common import fail
from surveyor.errors import SurveyorError


def register(subparsers) -> None:
    actions = add_actions(
        subparsers,
        "server",
        help="manage the campaign server: accounts and published forms",
        description="Manage the campaign server's database (the one `surveyor serve` uses).",
    )

    def add(name, help_text):
        sub = actions.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--database",
            metavar="URL",
            help="SQLAlchemy URL (default: SQLite server.db in the data dir)",
        )
        return sub

    add_user = add("add-user", "create an account and print its generated password")
    add_user.add_argument("name", metavar="NAME")
    add_user.add_argument("--role", choices=["interviewer", "coordinator"], required=True)
    add_user.set_defaults(handler=run_add_user)

    remove_user = add("remove-user", "revoke an account (within a minute on running servers)")
    remove_user.add_argument("name", metavar="NAME")
    remove_user.set_defaults(handler=run_remove_user)

    users = add("users", "list the accounts")
    users.set_defaults(handler=run_users)

    publish = add("publish", "publish an XLSForm (a new version replaces the old in the form list)")
    publish.add_argument("form", metavar="FORM", help="the XLSForm file (media files beside it)")
    publish.set_defaults(handler=run_publish)


def _engine(args):
    # on first use: SQLAlchemy and the server's schema, only for `surveyor server`
    from surveyor.paths import resolve_data_dir
    from surveyor.server import db

    return db.make_engine(args.database or db.default_url(resolve_data_dir(args.data_dir)))


def _guard(action):
    try:
        return action()
    except SurveyorError as exc:
        return fail(exc)


def run_add_user(args: argparse.Namespace) -> int:
    # on first use: the server's SQLAlchemy code (see _engine)
    from surveyor.server import service

    def action():
        password = service.add_user(_engine(args), args.name, args.role)
        print(password)
        return 0

    return _guard(action)


def run_remove_user(args: argparse.Namespace) -> int:
    # on first use: the server's SQLAlchemy code (see _engine)
    from surveyor.server import service

    def action():
        service.remove_user(_engine(args), args.name)
        print(f"{args.name} revoked")
        return 0

    return _guard(action)


def run_users(args: argparse.Namespace) -> int:
    # on first use: the server's SQLAlchemy code (see _engine)
    from surveyor.server import service

    for account in service.list_users(_engine(args)):
        print(f"{account.name}\t{account.role}\t{'revoked' if account.revoked else 'active'}")
    return 0


def run_publish(args: argparse.Namespace) -> int:
    # on first use: the form loader and the server (see _engine)
    from surveyor.forms import load_form
    from surveyor.server import service

    def action():
        form = load_form(args.form)
        entry, new = service.publish_form(
            _engine(args),
            form,
            media=service.media_beside(form, Path(args.form)),
            published_by="cli",
        )
        state = "published" if new else "already published"
        print(f"{entry.form_id} version {entry.version} {state} ({entry.hash})")
        return 0

    return _guard(action)
