"""Entry point of the PyInstaller bundle: the ``surveyor`` command."""

import multiprocessing
import sys

from surveyor.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
