"""The coordinator's screens: import batches, resolve conflicts, overview, export.

``CoordinatorPage`` is one page of the main window (shown from "Coordination" when the
settings say "I am a coordinator"). Every store call runs on the database thread
(``TaskManager.run_db``); long work shows a progress dialog fed through a queued signal.
"""

from surveyor.ui.coordinator.page import CoordinatorPage

__all__ = ["CoordinatorPage"]
