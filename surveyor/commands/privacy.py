"""``surveyor privacy``: the campaign's record of processing, and its privacy settings."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from surveyor.commands.common import add_actions
from surveyor.commands.common import in_workspace


def register(subparsers) -> None:
    actions = add_actions(
        subparsers,
        "privacy",
        help="the record of processing (registre des traitements) and the privacy settings",
        description=(
            "privacy record: write the campaign's record of processing (what is collected, "
            "where it is stored, who can read it, for how long), generated from the stored "
            "forms and privacy.json, as Markdown in French or English, for the association's "
            "DPO or the CNIL. privacy set: the controller, the purpose and the fields the "
            "campaign adds to the personal ones. See docs/privacy.md."
        ),
    )
    record = actions.add_parser(
        "record",
        help="write the record of processing",
        description="Write the record of processing (Markdown) to FILE.",
    )
    record.add_argument("--out", metavar="FILE", required=True, help="the Markdown file to write")
    record.add_argument("--language", choices=["fr", "en"], default="fr", help="fr (default) or en")
    record.set_defaults(handler=run_record)
    settings = actions.add_parser(
        "set",
        help="set the controller, the purpose, the campaign's personal fields",
        description="Change the privacy settings (privacy.json in the data dir).",
    )
    settings.add_argument("--controller", help="who is responsible (the association, its DPO)")
    settings.add_argument("--purpose", help="why the data is collected")
    settings.add_argument(
        "--personal",
        metavar="FIELD",
        action="append",
        help="a field name to treat as personal (repeat for several)",
    )
    settings.set_defaults(handler=run_set)


@in_workspace
def run_record(args: argparse.Namespace, ws) -> int:
    text = ws.processing_record(language=args.language)
    out = Path(args.out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    print(out)
    return 0


@in_workspace
def run_set(args: argparse.Namespace, ws) -> int:
    settings = ws.privacy_settings()
    if args.controller is not None:
        settings.controller = args.controller
    if args.purpose is not None:
        settings.purpose = args.purpose
    if args.personal:
        settings.personal = sorted(set(settings.personal) | set(args.personal))
    ws.save_privacy_settings(settings)
    return 0
