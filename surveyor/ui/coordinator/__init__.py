"""The coordinator's screens: import batches, resolve conflicts, overview, export.

``CoordinatorPage`` is one page of the main window (shown from "Coordination" when the
settings say "I am a coordinator"). Every workspace call is a ``DbOp`` on the database
thread (``surveyor/ui/operations.py``); long work shows its progress dialog, fed through a
queued signal. The tabs refresh from the operations' Changes (``on_workspace_changed``).
"""

from surveyor.ui.coordinator.page import CoordinatorPage

__all__ = ["CoordinatorPage"]
