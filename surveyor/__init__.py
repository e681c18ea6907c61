"""Surveyor: door-to-door surveys for neighbourhood associations."""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version

try:
    __version__ = version("surveyor")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"
