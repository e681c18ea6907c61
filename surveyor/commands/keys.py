"""``surveyor keys``: the coordinator's key pair for encrypted forms (ODK's format).

``new`` makes a key pair, saves the private key protected by a passphrase (asked twice, or
read from ``--passphrase-file``) and prints the public key; ``public`` prints the public key
of a saved private key; ``add-to-form`` puts a public key into an XLSForm's settings.
``--key``/``--passphrase-file``/``--keychain`` (here and on ``merge`` and ``export``) give the
private key that decrypts the encrypted interviews.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from surveyor.commands.common import add_actions
from surveyor.commands.common import fail
from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError


def register(subparsers) -> None:
    actions = add_actions(
        subparsers,
        "keys",
        help="make and use the key pair of encrypted forms",
        description=(
            "Encrypted forms (a public_key in the XLSForm settings): the laptops encrypt each "
            "finalized interview for the public key; only the private key opens them. Keep "
            "the private key file and its passphrase safe: without them the interviews "
            "cannot be read by anyone."
        ),
    )

    new = actions.add_parser(
        "new",
        help="make a key pair: save the private key (with a passphrase), print the public key",
        description=(
            "Make an RSA key pair. The private key is saved to --out, protected by a "
            "passphrase (asked twice, or the first line of --passphrase-file), or kept in the "
            "OS keychain with --keychain NAME. The public key is printed: put it into the "
            "form with `surveyor keys add-to-form`."
        ),
    )
    new.add_argument("--out", metavar="KEY.pem", help="where to save the private key")
    new.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from this file")
    new.add_argument(
        "--keychain", metavar="NAME", help="keep the private key in the OS keychain under NAME"
    )
    new.set_defaults(handler=run_new)

    public = actions.add_parser(
        "public",
        help="print the public key of a saved private key",
        description="Print the public key (base64, for a form's public_key setting).",
    )
    add_key_options(public, required=True)
    public.set_defaults(handler=run_public)

    add = actions.add_parser(
        "add-to-form",
        help="put a public key into an XLSForm's settings (public_key)",
        description=(
            "Write the public key into the public_key column of the XLSForm's settings sheet "
            "(the sheet and the column are made if missing). Interviews of the form are then "
            "encrypted when they are finalized."
        ),
    )
    add.add_argument("form", metavar="FORM.xlsx", help="the XLSForm file")
    source = add.add_mutually_exclusive_group(required=True)
    source.add_argument("--public-key", metavar="BASE64", help="the public key text")
    source.add_argument("--public-key-file", metavar="FILE", help="a file holding it")
    add.add_argument("--out", metavar="FILE", help="write to this file (default: in place)")
    add.set_defaults(handler=run_add)


def add_key_options(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """--key, --passphrase-file and --keychain: the private key of encrypted forms."""
    group = parser.add_argument_group("private key (encrypted forms)")
    group.add_argument(
        "--key",
        metavar="KEY.pem",
        help="the private key file that decrypts the encrypted interviews"
        + ("" if required else " (they stay encrypted without it)"),
    )
    group.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the key's passphrase from this file (default: asked)",
    )
    group.add_argument(
        "--keychain", metavar="NAME", help="use the private key kept in the OS keychain as NAME"
    )


def _read_passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    if args.passphrase_file:
        try:
            text = Path(args.passphrase_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise EncryptionError(
                f"The passphrase file {args.passphrase_file} cannot be read "
                f"({exc.strerror or exc}).",
                code=ErrorCode.KEY_NOT_FOUND,
            ) from exc
        return text.splitlines()[0] if text.splitlines() else ""
    if not sys.stdin.isatty():
        raise EncryptionError(
            "No passphrase: give --passphrase-file FILE (no terminal to ask it).",
            code=ErrorCode.KEY_PASSPHRASE_WRONG,
        )
    passphrase = getpass.getpass("Passphrase of the private key: ")
    if confirm and getpass.getpass("The same passphrase again: ") != passphrase:
        raise EncryptionError(
            "The two passphrases differ; nothing was saved.",
            code=ErrorCode.KEY_PASSPHRASE_WRONG,
        )
    return passphrase


def load_key(args: argparse.Namespace):
    """The private key the options give, or None when none is given."""
    # on first use: `surveyor --help` must not load cryptography
    from surveyor.encryption.keys import load_from_keychain
    from surveyor.encryption.keys import load_private_key

    if getattr(args, "keychain", None):
        return load_from_keychain(args.keychain)
    if getattr(args, "key", None):
        return load_private_key(args.key, _read_passphrase(args, confirm=False))
    return None


def run_new(args: argparse.Namespace) -> int:
    # on first use: `surveyor --help` must not load cryptography
    from surveyor.encryption.keys import new_private_key
    from surveyor.encryption.keys import public_text_of
    from surveyor.encryption.keys import save_private_key
    from surveyor.encryption.keys import save_to_keychain

    if not args.out and not args.keychain:
        return fail("give --out KEY.pem (or --keychain NAME)", 2)
    try:
        passphrase = _read_passphrase(args, confirm=True) if args.out else ""
        key = new_private_key()
        if args.out:
            path = save_private_key(key, args.out, passphrase)
            print(
                f"Private key saved to {path} (keep it and its passphrase safe).", file=sys.stderr
            )
        if args.keychain:
            save_to_keychain(key, args.keychain)
            print(f"Private key kept in the OS keychain as {args.keychain!r}.", file=sys.stderr)
    except SurveyorError as exc:
        return fail(exc)
    print(public_text_of(key))
    return 0


def run_public(args: argparse.Namespace) -> int:
    # on first use: `surveyor --help` must not load cryptography
    from surveyor.encryption.keys import public_text_of

    try:
        key = load_key(args)
    except SurveyorError as exc:
        return fail(exc)
    if key is None:
        return fail("give --key KEY.pem (or --keychain NAME)", 2)
    print(public_text_of(key))
    return 0


def run_add(args: argparse.Namespace) -> int:
    # on first use: `surveyor --help` must not load cryptography
    from surveyor.encryption.keys import add_public_key_to_xlsform

    try:
        text = args.public_key
        if args.public_key_file:
            text = Path(args.public_key_file).read_text(encoding="utf-8").strip()
        path = add_public_key_to_xlsform(args.form, text, args.out)
    except OSError as exc:
        return fail(f"{args.public_key_file}: {exc.strerror or exc}")
    except SurveyorError as exc:
        return fail(exc)
    print(f"The public key is in {path}: its interviews will be encrypted when finalized.")
    return 0
