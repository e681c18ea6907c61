"""What the interview screen needs from the data: three Workspace operations, each run on the
database thread, each given values taken on the GUI thread (never the live session: it has
one owner), and where what they changed is said.

The screen receives them from its caller, so it does not know where they come from: the main
window gives ``InterviewStorage.of_host(workspace_host)``, whose ``changed`` emits the
operations' :class:`~surveyor.workspace.Changes` on ``workspace_changed`` (home refreshes from
that); a screen on its own (tests, the self-test) gives ``InterviewStorage(workspace)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from typing import Any

from surveyor.ui.operations import changes_of

if TYPE_CHECKING:
    from surveyor.interviews.record import Interview
    from surveyor.services.interviews import Snapshot
    from surveyor.ui.operations import WorkspaceHost
    from surveyor.workspace import Changes
    from surveyor.workspace import Done
    from surveyor.workspace import Workspace


def _nobody(_changes: Changes, _initiator: object = None) -> None:
    """A screen on its own: no view to tell."""


class InterviewStorage:
    """The interview screen's operations on a :class:`~surveyor.workspace.Workspace`."""

    def __init__(
        self, workspace: Workspace, *, notify: Callable[[Changes, object], None] = _nobody
    ):
        self.workspace = workspace
        self._notify = notify

    @classmethod
    def of_host(cls, host: WorkspaceHost) -> InterviewStorage:
        """The app's workspace; what the operations change goes out on ``host.changed``."""
        return cls(host.workspace, notify=host.notify)

    # --- on the database thread ----------------------------------------------------------

    def save(self, interview: Interview, snapshot: Snapshot) -> Changes:
        """Write a draft's answers and position."""
        return self.workspace.save_snapshot(interview, snapshot)

    def finalize(self, interview: Interview, snapshot: Snapshot) -> Done[Interview]:
        """Store a ``final_snapshot()`` and finalize; ``.value`` is the finalized record."""
        return self.workspace.finalize_snapshot(interview, snapshot)

    def add_attachment(
        self, instance_id: str, filename: str, data: bytes, media_type: str
    ) -> Changes:
        return self.workspace.add_attachment(instance_id, filename, data, media_type)

    # --- on the GUI thread ---------------------------------------------------------------

    def changed(self, result: Any, initiator: object = None) -> None:
        """Say what an operation's result changed (its Changes), once it is done."""
        changes = changes_of(result)
        if changes:
            self._notify(changes, initiator)
