"""Sub-commands of the ``surveyor`` CLI.

Every module here defines ``register(subparsers)`` which adds its command(s) with help text
and sets ``handler`` to a function ``(args) -> int``. The CLI discovers them, so adding a
command never means editing a shared file. Commands are thin: they parse arguments, call the
core services and print; errors of the core become one line on stderr (``common.py``: what
the commands share).
"""

from __future__ import annotations

import importlib
import pkgutil


def register_all(subparsers) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
