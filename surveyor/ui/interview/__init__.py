"""The interview filling screen.

from surveyor.ui.interview import InterviewView
view = InterviewView(library, interview, session, tasks=tasks, read_only=False)
view.finalized       # Signal(object): the finalized Interview record
view.closed          # Signal(): the person went back home (everything already saved)
view.edit_requested  # Signal(object): "Edit" asked on a read-only finalized interview
view.position() -> str; view.go_to(location)
"""

from surveyor.ui.interview.view import InterviewView

__all__ = ["InterviewView"]
