"""Door-to-door fieldwork on the command line (docs/fieldwork.md): ``surveyor doors``,
``surveyor visit``, ``surveyor fieldwork`` and ``surveyor campaign``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from surveyor.commands.common import add_actions
from surveyor.commands.common import fail
from surveyor.commands.common import run_in_workspace
from surveyor.commands.sync import add_server_arguments
from surveyor.commands.sync import resolve_account
from surveyor.errors import AuthError
from surveyor.errors import SurveyorError
from surveyor.errors import TransportError
from surveyor.fieldwork.doorlist import parse_mapping
from surveyor.fieldwork.model import ADDRESS_FIELDS
from surveyor.fieldwork.model import OUTCOMES
from surveyor.fieldwork.model import STATUSES


def register(subparsers) -> None:
    _register_doors(subparsers)
    _register_visit(subparsers)
    _register_fieldwork(subparsers)
    _register_campaign(subparsers)


def _register_doors(subparsers) -> None:
    commands = add_actions(
        subparsers,
        "doors",
        help="the door list of a door-to-door campaign: import, list, assign",
        description="The doors of the campaign (docs/fieldwork.md).",
    )
    imp = commands.add_parser(
        "import",
        help="import a door list from a CSV or XLSX file (or an ODK Central Entity list)",
        description=(
            "Import doors from a CSV or XLSX file. Columns are recognised in French and "
            "English (numéro, rue/voie, bâtiment, escalier, étage, porte, secteur/quartier, "
            "code postal, commune, longitude/latitude, as in the national address base's "
            "exports); name others with --map. The whole file is checked first: a bad row is "
            "named and nothing is imported."
        ),
    )
    imp.add_argument("file", metavar="FILE", help="the CSV or XLSX file")
    imp.add_argument(
        "--map",
        metavar="COLUMN=FIELD",
        action="append",
        default=[],
        help="read the file's COLUMN as FIELD (number, suffix, street, building, staircase, "
        "floor, door, sector, postcode, city, lon, lat, interviewer, door_id); repeatable",
    )
    imp.add_argument("--sector-column", metavar="NAME", help="the column holding the sector")
    imp.set_defaults(handler=run_import)

    lst = commands.add_parser(
        "list",
        help="list the doors in street order",
        description="List the doors in street order, with their status.",
    )
    lst.add_argument(
        "--status", metavar="S", help=f"only doors in this status ({', '.join(STATUSES)})"
    )
    lst.add_argument("--sector", metavar="S", help="only the doors of this sector")
    lst.add_argument("--interviewer", metavar="NAME", help="only the doors assigned to NAME")
    lst.add_argument("--json", action="store_true", help="print a JSON list")
    lst.set_defaults(handler=run_list)

    assign = commands.add_parser(
        "assign",
        help="assign a sector's doors (or some doors) to an interviewer",
        description="Assign every door of a sector, or the doors named, to an interviewer.",
    )
    assign.add_argument("--sector", metavar="S", help="the sector whose doors are assigned")
    assign.add_argument(
        "--door", metavar="DOOR_ID", action="append", help="a door to assign; repeatable"
    )
    assign.add_argument("--interviewer", metavar="NAME", required=True, help="who gets them")
    assign.set_defaults(handler=run_assign)

    add = commands.add_parser(
        "add",
        help="add a door not on the list, on the spot",
        description="Add a door found in the field (not on the list); prints its new id.",
    )
    for name, text in (
        ("number", "the number (12, 12 bis)"),
        ("street", "the street (required)"),
        ("building", "the building"),
        ("staircase", "the staircase"),
        ("floor", "the floor"),
        ("door", "the door or flat"),
        ("sector", "the sector"),
        ("postcode", "the postcode"),
        ("city", "the town"),
    ):
        add.add_argument(f"--{name}", default="", required=name == "street", help=text)
    add.add_argument("--interviewer", default="", metavar="NAME", help="who it is assigned to")
    add.set_defaults(handler=run_add)

    entities = commands.add_parser(
        "export-entities",
        help="write the door list as an ODK Central Entity list CSV",
        description="Write the doors as a CSV ready for an ODK Central Entity list "
        "(label, then one column per property).",
    )
    entities.add_argument("--out", metavar="FILE", required=True, help="the CSV file to write")
    entities.set_defaults(handler=run_export_entities)


def _register_visit(subparsers) -> None:
    parser = subparsers.add_parser(
        "visit",
        help="record a visit at a door",
        description=(
            "Record one visit at a door: its outcome, when (default: now), an appointment's "
            "date and time (required with --outcome appointment, not in the past), a note, "
            "the interview it started or finished."
        ),
    )
    parser.add_argument("door_id", metavar="DOOR_ID", help="the door (see `surveyor doors list`)")
    parser.add_argument(
        "--outcome", required=True, metavar="OUTCOME", help=f"one of {'|'.join(OUTCOMES)}"
    )
    parser.add_argument("--at", metavar="ISO", help="when (default: now; local time if no offset)")
    parser.add_argument("--appointment", metavar="ISO", help="the appointment's date and time")
    parser.add_argument("--note", metavar="TEXT", default="", help="a note")
    parser.add_argument("--interviewer", metavar="NAME", default="", help="who visited")
    parser.add_argument("--interview", metavar="INSTANCE_ID", help="the interview it concerns")
    parser.set_defaults(handler=run_visit)


def _register_fieldwork(subparsers) -> None:
    parser = subparsers.add_parser(
        "fieldwork",
        help="the campaign's funnel: doors, visited, contacted, absent, refused...",
        description=(
            "The funnel of the door-to-door campaign, overall, per sector and per interviewer "
            "(--json: also per day). Rates: contact_rate = contacted / (visited - vacant); "
            "response_rate = done / (visited - vacant - ineligible); see docs/fieldwork.md."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run_fieldwork)


def _register_campaign(subparsers) -> None:
    commands = add_actions(
        subparsers,
        "campaign",
        help="the campaign package: forms, doors and assignments for the laptops",
        description="The campaign package carries the forms, the doors, their assignments "
        "and the visits known to the coordinator to the laptops (docs/fieldwork.md).",
    )
    export = commands.add_parser(
        "export",
        help="write the campaign package (coordinator)",
        description="Write the campaign package; each export is a new revision.",
    )
    export.add_argument("--out", metavar="FILE", required=True, help="the file (or folder)")
    export.add_argument(
        "--protect-passphrase-file",
        metavar="FILE",
        help="protect the package with the passphrase on the first line of FILE (8 characters "
        "or more; tell it to the volunteers): the addresses and notes on the USB key are then "
        "encrypted. Without it, a package holding doors is written in clear, with a warning",
    )
    export.add_argument(
        "--coordinator-key",
        metavar="PUBLIC_KEY",
        help="the coordinator's public key (base64 as `surveyor keys new` prints it, or a file "
        "holding it): the laptops then protect every hand-in for it. Remembered for the next "
        "packages",
    )
    export.add_argument(
        "--protect-store",
        action="store_true",
        help="ask the laptops to encrypt their database at rest (docs/privacy.md)",
    )
    export.set_defaults(handler=run_campaign_export)
    imp = commands.add_parser(
        "import",
        help="bring a newer campaign package in (laptop)",
        description="Bring a newer campaign package in: nothing recorded on this laptop is "
        "lost. A damaged, older or foreign package is refused and nothing is changed.",
    )
    imp.add_argument("file", metavar="FILE", help="the package")
    imp.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="a protected package: its passphrase, on the first line of FILE (default: the "
        "one kept from the last package)",
    )
    imp.set_defaults(handler=run_campaign_import)
    publish = commands.add_parser(
        "publish",
        help="write a new revision and put it on Surveyor's server (coordinator)",
        description="Write a new revision of the campaign package and put it on the "
        "campaign's Surveyor server (a coordinator account); the laptops take it at their "
        "next sync. Exit status: 0 done, 1 refused or not reached, 2 authentication failed.",
    )
    add_server_arguments(publish)
    publish.set_defaults(handler=run_campaign_publish)
    fetch = commands.add_parser(
        "fetch",
        help="take the server's newer campaign package (laptop)",
        description="Fetch the campaign package from Surveyor's server when it is newer than "
        "the one taken last time, and import it as `surveyor campaign import` does. Another "
        "kind of server (ODK Central) has none: nothing happens.",
    )
    add_server_arguments(fetch)
    fetch.set_defaults(handler=run_campaign_fetch)


# --- handlers ----------------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    def action(ws) -> int:
        result = ws.import_doors(
            args.file, mapping=parse_mapping(args.map), sector_column=args.sector_column
        ).value
        print(f"{result.doors} door(s) imported from {args.file}")
        if result.door_ids:
            print(f"door ids {result.door_ids[0]} to {result.door_ids[-1]}")
        if result.ignored:
            print(f"columns not used: {', '.join(result.ignored)}")
        return 0

    return run_in_workspace(args, action)


def run_list(args: argparse.Namespace) -> int:
    def action(ws) -> int:
        if args.status is not None and args.status not in STATUSES:
            print(
                f"error: there is no door status {args.status!r}: use one of "
                f"{', '.join(STATUSES)}.",
                file=sys.stderr,
            )
            return 2
        doors = ws.doors(status=args.status, sector=args.sector, interviewer=args.interviewer)
        if args.json:
            print(json.dumps([d.to_dict() for d in doors], ensure_ascii=False, indent=2))
            return 0
        for door in doors:
            print(
                "\t".join((door.door_id, door.status, door.sector, door.interviewer, door.address))
            )
        return 0

    return run_in_workspace(args, action)


def run_assign(args: argparse.Namespace) -> int:
    if (args.sector is None) == (not args.door):
        return fail("give either --sector or --door.", 2)

    def action(ws) -> int:
        changed = ws.assign_doors(args.interviewer, sector=args.sector, door_ids=args.door).value
        print(f"{changed} door(s) assigned to {args.interviewer}")
        return 0

    return run_in_workspace(args, action)


def run_add(args: argparse.Namespace) -> int:
    def action(ws) -> int:
        address = {name: getattr(args, name) for name in ADDRESS_FIELDS}
        door = ws.add_door(address, interviewer=args.interviewer).value
        print(door.door_id)
        print(f"door {door.door_id} added: {door.address}")
        return 0

    return run_in_workspace(args, action)


def run_export_entities(args: argparse.Namespace) -> int:
    def action(ws) -> int:
        try:
            count = ws.export_entity_list(args.out)
        except OSError as exc:
            return fail(f"could not write {args.out} ({exc.strerror or exc}).")
        print(f"{count} door(s) written to {args.out}")
        return 0

    return run_in_workspace(args, action)


def run_visit(args: argparse.Namespace) -> int:
    def action(ws) -> int:
        visit = ws.record_visit(
            args.door_id,
            args.outcome,
            at=args.at,
            appointment=args.appointment,
            note=args.note,
            interviewer=args.interviewer,
            instance_id=args.interview,
        ).value
        door = ws.door(args.door_id)
        text = f"visit {visit.visit_id} recorded: door {door.door_id} {visit.outcome}"
        if visit.appointment:
            text += f" (appointment {visit.appointment})"
        print(f"{text}; the door is now {door.status}")
        return 0

    return run_in_workspace(args, action)


def run_fieldwork(args: argparse.Namespace) -> int:
    def action(ws) -> int:
        report = ws.fieldwork()
        if args.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
            return 0
        print(_funnel_line("All doors", report.overall))
        if report.by_sector:
            print("By sector:")
            for name, funnel in report.by_sector.items():
                print(_funnel_line(f"  {name or '(no sector)'}", funnel))
        if report.by_interviewer:
            print("By interviewer:")
            for name, funnel in report.by_interviewer.items():
                print(_funnel_line(f"  {name or '(not assigned)'}", funnel))
        print(
            "contact rate = contacted / (visited - vacant); "
            "response rate = done / (visited - vacant - ineligible)"
        )
        return 0

    return run_in_workspace(args, action)


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def _funnel_line(title: str, f) -> str:
    return (
        f"{title}: {f.doors} doors, {f.visited} visited, {f.contacted} contacted, "
        f"{f.absent} absent, {f.refused} refused, {f.appointments} appointments, "
        f"{f.vacant} vacant, {f.ineligible} not eligible, {f.done} done; "
        f"contact rate {_rate(f.contact_rate)}, response rate {_rate(f.response_rate)}"
    )


def _first_line(path: str | None, what: str) -> str | None:
    """The first line of the file ``path`` (a passphrase, a key), or None without one."""
    if not path:
        return None
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SurveyorError(
            f"The {what} file {path} cannot be read ({exc.strerror or exc})."
        ) from exc
    return lines[0].strip() if lines else ""


def run_campaign_export(args: argparse.Namespace) -> int:
    def action(ws) -> int:
        key = args.coordinator_key
        if key and Path(key).is_file():
            key = _first_line(key, "public key")
        passphrase = _first_line(args.protect_passphrase_file, "passphrase")
        result = ws.export_campaign(
            args.out, passphrase=passphrase, public_key=key, protect_store=args.protect_store
        ).value
        print(result.path)
        print(
            f"revision {result.revision}: {result.forms} form(s), {result.doors} door(s), "
            f"{result.visits} visit(s), {result.erasures} erasure(s)"
            + (", protected by a passphrase" if result.protected else "")
        )
        if result.doors and not result.protected:
            print(
                "warning: the package holds the addresses in clear; protect it with "
                "--protect-passphrase-file (docs/privacy.md)",
                file=sys.stderr,
            )
        return 0

    return run_in_workspace(args, action)


def run_campaign_import(args: argparse.Namespace) -> int:
    def action(ws) -> int:
        passphrase = _first_line(args.passphrase_file, "passphrase")
        result = ws.import_campaign(args.file, passphrase=passphrase).value
        print(result)
        if ws.protection_requested:
            print(
                "The coordinator asks to encrypt this laptop's database at rest: close "
                "Surveyor and run `surveyor store protect --keychain` (or --passphrase-file)."
            )
        return 0

    return run_in_workspace(args, action)


def _with_server(args: argparse.Namespace, action) -> int:
    """``action(ws, transport)`` with the account of --server/--user (as `surveyor sync`)."""
    # on first use: the sync modules pull httpx in (~0.4 s measured)
    from surveyor.sync.passes import open_transport

    account = resolve_account(args)
    if isinstance(account, int):
        return account
    url, user, password = account

    def with_transport(ws) -> int:
        with open_transport(ws.store, url, user, password) as transport:
            try:
                return action(ws, transport)
            except AuthError as exc:
                return fail(f"authentication failed: {exc}", 2)
            except TransportError as exc:
                return fail(f"{url}: {exc}")

    return run_in_workspace(args, with_transport)


def run_campaign_publish(args: argparse.Namespace) -> int:
    def action(ws, transport) -> int:
        published = ws.publish_campaign(transport).value
        print(published)
        return 1 if published.unsupported else 0

    return _with_server(args, action)


def run_campaign_fetch(args: argparse.Namespace) -> int:
    def action(ws, transport) -> int:
        fetched = ws.fetch_campaign(transport).value
        if fetched.coordinator:
            print("This data folder makes the campaign's packages: nothing to fetch.")
            return 0
        print(fetched)
        return 1 if fetched.refused else 0

    return _with_server(args, action)
