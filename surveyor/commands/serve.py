"""``surveyor serve``: run the campaign's OpenRosa server."""

from __future__ import annotations

import argparse
import logging
import os

from surveyor.commands.common import fail


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the campaign server (OpenRosa: ODK Collect and Surveyor sync to it)",
        description=(
            "Run the OpenRosa server: form list and download, submissions, and the "
            "coordinators' API. Default database: server.db (SQLite) in the data dir. "
            "Put it behind a TLS reverse proxy on a public network (docs/server.md)."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy URL, e.g. postgresql://user:pw@host/db (default: SQLite server.db)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes (1 is best with SQLite; several need a shared database)",
    )
    parser.add_argument("--access-log", action="store_true", help="log every request")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # on first use: uvicorn and the server (Starlette, SQLAlchemy: ~4 s measured)
    import uvicorn

    from surveyor.paths import resolve_data_dir
    from surveyor.server import db
    from surveyor.server.app import DATABASE_ENV

    url = args.database or db.default_url(resolve_data_dir(args.data_dir))
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        db.make_engine(url).dispose()  # create the tables once, before any worker starts
    except Exception as exc:
        return fail(f"cannot open the database: {exc}")
    os.environ[DATABASE_ENV] = url
    uvicorn.run(
        "surveyor.server.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        loop="uvloop",
        http="httptools",
        access_log=args.access_log,
        log_level="info",
        timeout_graceful_shutdown=30,
    )
    return 0
