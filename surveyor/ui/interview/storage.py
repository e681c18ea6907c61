"""What the interview screen needs from the data: three operations, each run on the database
thread, each given values taken on the GUI thread (never the live session: it has one owner).

The screen receives them from its caller, so it does not know where they come from:
``InterviewStorage.of_library(library)`` builds them from the interview services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from surveyor.interviews.record import Interview
from surveyor.services.interviews import (
    FormLibrary,
    Snapshot,
    add_attachment,
    finalize_snapshot,
    save_snapshot,
)


@dataclass(frozen=True, slots=True)
class InterviewStorage:
    # save(interview, snapshot): write a draft's answers and position
    save: Callable[[Interview, Snapshot], None]
    # finalize(interview, snapshot) -> the finalized record, from a final_snapshot()
    finalize: Callable[[Interview, Snapshot], Interview]
    # add_attachment(instance_id, filename, data, media_type)
    add_attachment: Callable[[str, str, bytes, str], None]

    @classmethod
    def of_library(cls, library: FormLibrary) -> InterviewStorage:
        return cls(
            save=partial(save_snapshot, library),
            finalize=partial(finalize_snapshot, library),
            add_attachment=partial(add_attachment, library),
        )
