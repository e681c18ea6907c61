"""The interview filling screen.

from surveyor.ui.interview import InterviewStorage, InterviewView
view = InterviewView(InterviewStorage.of_host(workspace_host), interview, session,
                     tasks=tasks, read_only=False)
view.finalized       # Signal(object): the finalized Interview record
view.closed          # Signal(): the person went back home (everything already saved)
view.edit_requested  # Signal(object): "Edit" asked on a read-only finalized interview
view.position() -> str; view.go_to(location); view.flush(final=False); view.refresh()

``InterviewStorage`` is the three Workspace operations the screen needs (save a snapshot,
finalize from a snapshot, add a file); they run on the database thread, and what they
changed goes out on the host's ``workspace_changed``.
"""

from surveyor.ui.interview.storage import InterviewStorage
from surveyor.ui.interview.view import InterviewView

__all__ = ["InterviewStorage", "InterviewView"]
