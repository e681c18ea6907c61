"""The server address and account name from the app's settings, and the password.

The app keeps its settings in ``settings.json`` (:mod:`surveyor.settings`: in
``<data_dir>/settings.json`` when a data dir is given (``--data-dir`` or ``SURVEYOR_HOME``),
else in platformdirs' user config dir); the CLI reads the same file the same way. Keys used
for sync:

- ``server_url``: the server's base address (``https://host``, an ODK Central app-user URL
  ``https://host/v1/key/TOKEN/projects/ID``, or ``https://kc.kobotoolbox.org/USER``);
- ``server_user``: the account name (empty for a Central app-user URL).

Passwords never go into a file. Order: the system keychain (``keyring``, service
``"surveyor"``, name ``server_url + user``), then ``$SURVEYOR_PASSWORD``, then a prompt when
interactive.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable

from surveyor.errors import NoPassword
from surveyor.settings import AppSettings
from surveyor.settings import settings_path

KEYRING_SERVICE = "surveyor"
PASSWORD_ENV = "SURVEYOR_PASSWORD"
NO_KEYCHAIN = (
    "No system keychain is available: set SURVEYOR_PASSWORD or type the password each time."
)


def server_settings(
    data_dir: str | os.PathLike | None = None,
    *,
    server: str | None = None,
    user: str | None = None,
) -> tuple[str, str]:
    """``(server_url, server_user)`` from the app's settings ("" when unset or unreadable);
    ``server`` and ``user``, when given (the CLI's ``--server``, ``--user``), win."""
    settings = AppSettings.load(settings_path(data_dir))
    return (
        server or settings.server_url,
        user if user is not None else settings.server_user,
    )


def keyring_name(server_url: str, user: str) -> str:
    return f"{server_url}{user}"


def keychain_available() -> bool:
    """Whether a real system keychain backend is there (not keyring's "fail" backend)."""
    try:
        # optional: keyring may be missing; ~0.5 s measured, loaded only for a password
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken backend is no backend
        return False
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


def keychain_password(server_url: str, user: str) -> str | None:
    """The password from the system keychain, or None (also when there is no keychain)."""
    try:
        # optional: keyring may be missing; ~0.5 s measured, loaded only for a password
        import keyring
        from keyring.errors import KeyringError
        from keyring.errors import NoKeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_name(server_url, user))
    except (NoKeyringError, KeyringError, RuntimeError):
        return None


def store_password(server_url: str, user: str, password: str) -> bool:
    """Keep the password in the system keychain; False (and nothing written anywhere) when
    there is no keychain."""
    if not keychain_available():
        return False
    # keyring: ~0.5 s measured, loaded only for a password
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_name(server_url, user), password)
    except (KeyringError, RuntimeError):
        return False
    return True


def get_password(
    server_url: str,
    user: str,
    *,
    interactive: bool | None = None,
    prompt: Callable[[str], str] = getpass.getpass,
    notice: Callable[[str], None] | None = None,
) -> str:
    """The password for ``user`` on ``server_url`` (see the module docstring).

    ``notice`` receives the plain sentence about a missing keychain before prompting.
    Raises :class:`NoPassword` when none is found and nobody can be asked.
    """
    password = keychain_password(server_url, user)
    if password:
        return password
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if interactive is None:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    if not keychain_available() and notice is not None:
        notice(NO_KEYCHAIN)
    if not interactive:
        raise NoPassword(
            f"No password for {user} on {server_url}: "
            + (
                NO_KEYCHAIN
                if not keychain_available()
                else f"save it in the system keychain or set {PASSWORD_ENV}."
            )
        )
    return prompt(f"Password for {user} on {server_url}: ")
