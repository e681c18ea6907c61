"""The Workspace: one data dir opened once, the one object the app, the CLI and callers hold.

Anki's ``Collection`` is the model. A :class:`Workspace` owns the store (``surveyor.db``) and
the form library of a data dir, and offers everything done with them: forms, interviews,
hand-in and merge, sync, exports, the overview, backups. Nothing outside it needs to build a
``Store``, a ``FormLibrary`` or a ``MergeStore``.

    with Workspace.open(data_dir) as ws:
        form = ws.load_form("enquete.xlsx").value
        interview, session = ws.start_interview(form, interviewer="Amina").value
        ...
        done = ws.finalize_interview(interview, session)
        done.changes.interviews            # frozenset({interview.instance_id})

Every operation that changes something returns a :class:`Changes` (or a :class:`Done`: a
value and its Changes), so that a view refreshes from what changed rather than by hand
(Anki's ``OpChanges``). Reads return plain values.

Threads: the store belongs to the thread that opened it (``StoreThreadError`` otherwise);
open the Workspace on the thread that will use it (the app: its database thread), or call
:meth:`bind_to_current_thread`. :meth:`read_form` touches no database and runs anywhere.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any
from typing import Generic
from typing import TypeVar

from surveyor import batches
from surveyor import exports as _exports
from surveyor.batches.campaign import COORDINATOR_KEY
from surveyor.batches.campaign import PASSPHRASE
from surveyor.batches.campaign import SIGNER
from surveyor.batches.campaign import PackageSettings
from surveyor.encryption import signing
from surveyor.encryption.odk import load_public_key
from surveyor.errors import DecryptionError
from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.errors import SurveyorError
from surveyor.fieldwork.doorlist import door_list_columns
from surveyor.fieldwork.doorlist import write_entity_list
from surveyor.fieldwork.model import REVISIT_STATUSES
from surveyor.fieldwork.model import Door
from surveyor.fieldwork.model import FieldworkReport
from surveyor.fieldwork.model import RoundSheetRow
from surveyor.fieldwork.model import Visit
from surveyor.fieldwork.model import door_answers
from surveyor.fieldwork.tables import write_report
from surveyor.forms import load_form
from surveyor.forms.model import Form
from surveyor.forms.model import Kind
from surveyor.interviews.record import Interview
from surveyor.interviews.record import Status
from surveyor.interviews.record import format_timestamp
from surveyor.interviews.record import utc_now
from surveyor.paths import resolve_data_dir
from surveyor.privacy.personal import personal_fields
from surveyor.privacy.pseudonym import campaign_key
from surveyor.privacy.record import processing_record
from surveyor.privacy.settings import PrivacySettings
from surveyor.results import coding as _coding
from surveyor.results import reference as _reference
from surveyor.results import volunteers as _volunteers
from surveyor.results.bands import check_bands
from surveyor.results.compute import Crosstab
from surveyor.results.compute import Engine
from surveyor.results.compute import GroupedResults
from surveyor.results.compute import Ranking
from surveyor.results.compute import Results
from surveyor.results.compute import Row
from surveyor.results.compute import Selection
from surveyor.results.plan import ReportPlan
from surveyor.results.plan import default_plan
from surveyor.results.questions import Question
from surveyor.results.service import ResultsService
from surveyor.services import interviews as services
from surveyor.services import sealed
from surveyor.services.fieldwork import DoorImport
from surveyor.services.fieldwork import FieldworkService
from surveyor.services.fieldwork import MyDoors
from surveyor.services.identity import device_id as _device_id
from surveyor.services.overview import OverviewService
from surveyor.store import DB_NAME
from surveyor.store import InterviewSummary
from surveyor.store import Store
from surveyor.store import StoredForm
from surveyor.store import health
from surveyor.store import protection
from surveyor.store import rights
from surveyor.store.merge import Conflict
from surveyor.store.merge import HandInRecord
from surveyor.store.merge import MergeStore
from surveyor.sync.state import read_status
from surveyor.sync.state import release_held

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    from surveyor.interviews.session import InterviewSession
    from surveyor.services.campaign import CampaignFetched
    from surveyor.store.queries import OverviewFilter
    from surveyor.sync.campaign import CampaignPublished
    from surveyor.sync.campaign import ServerErasures
    from surveyor.sync.download import DownloadReport
    from surveyor.sync.fieldwork import FieldworkSent
    from surveyor.sync.forms import FetchReport
    from surveyor.sync.passes import SendAnswer
    from surveyor.sync.sender import SyncReport

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What an operation changed, for the views to refresh what shows it.

    ``interviews``: the instanceIDs created, saved, finalized, revised, deleted... or
    ``all_interviews`` when too many to name (a merge, a download, a sending pass).
    ``forms``: content hashes of form versions newly kept. ``conflicts``: the merge conflicts
    (new or resolved). ``hand_ins``: a batch was written. ``sync_state``: what the server
    sending remembers (held interviews, status) changed.
    """

    interviews: frozenset[str] = frozenset()
    all_interviews: bool = False
    forms: frozenset[str] = frozenset()
    conflicts: bool = False
    hand_ins: bool = False
    sync_state: bool = False
    doors: bool = False
    # results: themes, tags, quotes, personal marks or the report plan changed
    results: bool = False

    @classmethod
    def of_interviews(cls, *instance_ids: str) -> Changes:
        return cls(interviews=frozenset(i for i in instance_ids if i))

    @classmethod
    def of_download(cls, report: Any) -> Changes:
        """What a server download (its DownloadReport) changed."""
        changed = bool(report.new or report.updated or report.conflicts)
        doors = bool(getattr(report, "visits", 0) or getattr(report, "doors", 0))
        if not changed and not doors and not report.forms_fetched:
            return NO_CHANGES
        return cls(
            all_interviews=changed,
            conflicts=bool(report.conflicts),
            sync_state=True,
            doors=doors,
        )

    @property
    def interview_list(self) -> bool:
        """Whether a list of interviews (home, overview) may show something else now."""
        return self.all_interviews or bool(self.interviews)

    def touches(self, instance_id: str) -> bool:
        """Whether the interview ``instance_id`` may have changed."""
        return self.all_interviews or instance_id in self.interviews

    def __bool__(self) -> bool:
        return bool(
            self.interviews
            or self.all_interviews
            or self.forms
            or self.conflicts
            or self.hand_ins
            or self.sync_state
            or self.doors
            or self.results
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            interviews=self.interviews | other.interviews,
            all_interviews=self.all_interviews or other.all_interviews,
            forms=self.forms | other.forms,
            conflicts=self.conflicts or other.conflicts,
            hand_ins=self.hand_ins or other.hand_ins,
            sync_state=self.sync_state or other.sync_state,
            doors=self.doors or other.doors,
            results=self.results or other.results,
        )


NO_CHANGES = Changes()
DOORS_CHANGED = Changes(doors=True)


@dataclass(frozen=True)
class RetentionReport:
    """The retention period's effect now: ``days`` (None: no period set), the warning
    days, the interviews past it (``overdue``) and those reaching it soon."""

    days: int | None
    warn_days: int
    overdue: list[rights.RetentionDue] = field(default_factory=list)
    soon: list[rights.RetentionDue] = field(default_factory=list)
    visit_notes: int = 0  # door-to-door visit notes older than the period
    notes_before: str | None = None  # the visits made until then lose their notes


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an operation gave back (``value``) and what it changed (``changes``)."""

    value: T
    changes: Changes = field(default=NO_CHANGES)


class Workspace:
    """A data dir opened once: its store, its forms, and every operation on them."""

    def __init__(self, store: Store, *, cache_dir: Path | None = None):
        """Wrap an open store (:meth:`open` is the usual way)."""
        self.store = store
        self.data_dir = Path(store.path).parent
        self.library = services.FormLibrary(store, cache_dir=cache_dir)
        self._merge = MergeStore(store)
        self._overview = OverviewService(store, self.library)
        self._results = ResultsService(store, self.library.get)
        self._device_id: str | None = None
        self._fieldwork = FieldworkService(store, device_id=lambda: self.device_id)
        self._fold_personal_marks()

    def _fold_personal_marks(self) -> None:
        """The personal marks an older Surveyor kept in the store move to ``privacy.json``,
        the one list every reader uses (docs/privacy.md, "Personal fields")."""
        stored = _coding.stored_personal_marks(self.store)
        if stored:  # once (privacy.json is not read at every opening)
            try:
                settings = self.privacy_settings()
            except SurveyorError:  # an unreadable privacy.json: kept in the store until fixed
                return
            _coding.fold_personal_marks(stored, settings)
            self.save_privacy_settings(settings)
            _coding.forget_folded_marks(self.store)

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        backup: bool = True,
        cache_dir: Path | None = None,
        passphrase: str | None = None,
    ) -> Workspace:
        """Open the data dir (``--data-dir``, ``$SURVEYOR_HOME``, else the user data dir) on
        this thread. ``backup``: make the rolling backup when one is due (short-lived
        background connections say False). ``passphrase``: of a store encrypted at rest
        (else found as ``Store.open`` says). Raises the store's errors (damaged, busy,
        locked...)."""
        store = Store.open(data_dir, clock=clock, backup=backup, passphrase=passphrase)
        return cls(store, cache_dir=cache_dir)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def bind_to_current_thread(self) -> None:
        """Hand the store to the calling thread (it must be the only user from now on)."""
        self.store.bind_to_current_thread()

    @property
    def device_id(self) -> str:
        """This data dir's stable device id (``device.json``; written on first use)."""
        if self._device_id is None:
            self._device_id = _device_id(self.data_dir)
        return self._device_id

    @property
    def cache_dir(self) -> Path:
        return self.library.cache_dir

    # --- forms -------------------------------------------------------------------------------

    def read_form(self, path: str | Path, *, progress=None) -> Form:
        """Read an XLSForm file (compiled cache of this data dir); no database: any thread.
        ``progress`` is called with each ``LoadStep`` as it starts."""
        return load_form(Path(path), cache_dir=self.library.cache_dir, progress=progress)

    def register_form(self, form: Form) -> Changes:
        """Keep ``form``'s definition in the store (interviews reopen with their version)."""
        if self.library.register(form):
            return Changes(forms=frozenset({form.content_hash}))
        return NO_CHANGES

    def load_form(self, path: str | Path) -> Done[Form]:
        """Read an XLSForm file and keep its definition."""
        form = self.read_form(path)
        return Done(form, self.register_form(form))

    def form(self, content_hash: str) -> Form:
        """The form version with this content hash (rebuilt from the store if needed)."""
        return self.library.get(content_hash)

    def list_forms(
        self, *, form_id: str | None = None, with_content: bool = False
    ) -> list[StoredForm]:
        return self.store.list_forms(form_id=form_id, with_content=with_content)

    def form_titles(self) -> dict[str, str]:
        """form_id -> title of every stored form version that has one (the newest wins)."""
        return {f.form_id: f.title for f in self.store.list_forms() if f.title}

    def question_labels(self, form_hash: str, language_code: str = "") -> dict[str, str]:
        return services.question_labels(self.library, form_hash, language_code)

    # --- interviews --------------------------------------------------------------------------

    def start_interview(
        self,
        form: Form,
        *,
        interviewer: str = "",
        device_id: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> Done[tuple[Interview, InterviewSession]]:
        """A new draft of ``form``, stored at once; its running session."""
        interview, session = services.start_interview(
            self.library,
            form,
            interviewer=interviewer,
            device_id=self.device_id if device_id is None else device_id,
            clock=clock,
        )
        return Done((interview, session), Changes.of_interviews(interview.instance_id))

    def new_interview(self, form: Form) -> tuple[Interview, InterviewSession]:
        """A new interview of ``form`` and its running session, not stored (a trial: the
        app's self-test shows its first screen and leaves nothing behind)."""
        interview, session = services.new_interview(
            self.library, form, interviewer="", device_id=self.device_id, clock=None
        )
        interview.answers = session.answers()
        return interview, session

    def get_interview(self, instance_id: str) -> Interview:
        return self.store.get_interview(instance_id)

    def open_interview(self, instance_id: str, **options) -> tuple[Interview, InterviewSession]:
        """A stored interview and its running session, with its own form version.
        An interview encrypted at finalizing has no answers here: EncryptionError
        (``ENCRYPTED_READ_ONLY``)."""
        interview = self.store.get_interview(instance_id)
        if self.store.sealed_payload(instance_id) is not None:
            raise EncryptionError(
                f"Interview {instance_id} was encrypted when it was finalized: only the "
                "coordinator's private key opens it.",
                code=ErrorCode.ENCRYPTED_READ_ONLY,
            )
        return interview, services.open_session(self.library, interview, **options)

    def open_session(self, interview: Interview, **options) -> InterviewSession:
        return services.open_session(self.library, interview, **options)

    def save_snapshot(self, interview: Interview, snapshot: services.Snapshot) -> Changes:
        """Save answers taken from a session on its own thread (``take_snapshot``) durably."""
        services.save_snapshot(self.library, interview, snapshot)
        return Changes.of_interviews(interview.instance_id)

    def save_session(
        self, interview: Interview, session: InterviewSession, *, position: str | None = None
    ) -> Changes:
        """Save a session's answers (the session's owner calls this)."""
        return self.save_snapshot(interview, services.take_snapshot(session, position=position))

    def finalize_interview(
        self, interview: Interview, session: InterviewSession
    ) -> Done[Interview]:
        """Check everything and finalize; raises ValidationError listing what is wrong."""
        return self.finalize_snapshot(interview, services.final_snapshot(session))

    def finalize_snapshot(
        self, interview: Interview, snapshot: services.Snapshot
    ) -> Done[Interview]:
        """Store the answers of a ``final_snapshot`` (taken on the session's own thread) and
        finalize the interview (and the door it was made at, if any)."""
        finalized = services.finalize_snapshot(self.library, interview, snapshot)
        changes = Changes.of_interviews(finalized.instance_id)
        if self._record_done_at_door(finalized):
            changes = changes | DOORS_CHANGED
        return Done(finalized, changes)

    def revise_interview(self, interview: Interview) -> Done[tuple[Interview, InterviewSession]]:
        """A new draft revision of a finalized interview (``deprecatedID`` names it)."""
        revision, session = services.edit_interview(self.library, interview)
        return Done(
            (revision, session), Changes.of_interviews(revision.instance_id, interview.instance_id)
        )

    def fill_interview(
        self,
        form: Form,
        answers: dict,
        *,
        finalize: bool = False,
        interviewer: str = "",
        device_id: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> Done[services.FillResult]:
        """Run one interview without a screen (see :func:`services.fill_interview`)."""
        result = services.fill_interview(
            self.library,
            form,
            answers,
            finalize=finalize,
            interviewer=interviewer,
            device_id=self.device_id if device_id is None else device_id,
            clock=clock,
        )
        return Done(result, Changes.of_interviews(result.interview.instance_id))

    def add_attachment(
        self, instance_id: str, filename: str, data: bytes, media_type: str = ""
    ) -> Changes:
        self.store.add_attachment(instance_id, filename, data, media_type)
        return Changes.of_interviews(instance_id)

    def delete_interview(self, instance_id: str) -> Changes:
        """Move a draft to the bin (soft delete)."""
        self.store.delete(instance_id)
        return Changes.of_interviews(instance_id)

    def restore_interview(self, instance_id: str) -> Changes:
        """Bring a draft back from the bin."""
        self.store.restore(instance_id)
        return Changes.of_interviews(instance_id)

    def discard_empty_draft(self, instance_id: str) -> Changes:
        """Remove a "New interview" left without an answer (only a local draft goes)."""
        if self.store.discard_empty_draft(instance_id):
            return Changes.of_interviews(instance_id)
        return NO_CHANGES

    def list_interviews(self, **options) -> list[InterviewSummary]:
        """Interviews without answers, newest change first (see ``Store.list_interviews``)."""
        return self.store.list_interviews(**options)

    def replaced_ids(self) -> set[str]:
        """Interviews replaced by a correction (see ``Store.replaced_ids``)."""
        return self.store.replaced_ids()

    def counts(self, form_id: str | None = None) -> dict[str, int]:
        """How many interviews are in each status (every status present)."""
        return self.store.count_by_status(form_id)

    def render_submission(self, interview: Interview) -> str:
        return services.render_submission(self.library, interview)

    # --- rights: erasure ----------------------------------------------------------------------

    def find_interviews(self, text: str, *, limit: int = 50) -> list[InterviewSummary]:
        """Interviews whose instanceID, name, interviewer or any answer matches ``text`` (the
        search of the lists), deleted ones included: to find a resident's data."""
        return self.store.list_interviews(search=text, include_deleted=True, limit=limit)

    def interview_history(self, instance_id: str) -> list[str]:
        """The instanceIDs an erasure of ``instance_id`` removes (every version of it);
        empty when nothing of it is stored."""
        with self.store.reading("read an interview's history") as db:
            if not rights.known(db.conn, instance_id):
                return []
            return rights.history_of(db.conn, instance_id)

    def erase_interview(self, instance_id: str) -> Done[rights.Erased]:
        """Erase one interview everywhere in this data dir: every version of it, its
        attachments, conflicts, search words, and the copies in the backups; logged in the
        erasure log (instanceID and time, never an answer). InterviewNotFound if unknown."""
        erased = rights.erase(self.store, [instance_id], origin="coordinator")
        return Done(erased, Changes(all_interviews=True, conflicts=bool(erased.conflicts)))

    def erasures(self) -> list[dict[str, str]]:
        """The erasure log: ``{"instance_id", "erased_at"}``, oldest first."""
        return rights.list_erasures(self.store)

    def write_erasures(self, folder: str | Path) -> Path:
        """Write the erasure log to ``folder/erasures.json`` (the shared folder, the USB key),
        signed with the campaign's signing key, for the laptops: they erase their copies when
        they next hand in there (the campaign package carries the same list)."""
        return rights.write_erasures_file(
            Path(folder),
            self.erasures(),
            key=self._signing_key(),
            campaign_id=self._fieldwork.doors.campaign_value("campaign_id") or "",
        )

    def _signing_key(self):
        """The coordinator's signing key (``surveyor/encryption/signing.py``), derived from
        the campaign's secret in this data dir."""
        return signing.signing_key(campaign_key(self.data_dir))

    def apply_erasures(self, path: str | Path) -> Done[rights.Erased]:
        """Erase the interviews an ``erasures.json`` names (a laptop); a file that is not one,
        or is not signed by the coordinator whose package this laptop took, changes nothing
        (a logged warning)."""
        ids = rights.read_erasures_file(Path(path), self._fieldwork.doors.campaign_value(SIGNER))
        if not ids:
            return Done(rights.Erased())
        erased = rights.erase(self.store, ids, origin=f"list:{Path(path).name}", strict=False)
        if not erased.instance_ids:
            return Done(erased)
        return Done(erased, Changes(interviews=frozenset(erased.instance_ids)))

    def _erasures_beside(self, destination: Path) -> Changes:
        folder = destination if destination.is_dir() else destination.parent
        path = folder / rights.ERASURES_FILE
        try:
            present = path.is_file()
        except OSError:
            return NO_CHANGES
        return self.apply_erasures(path).changes if present else NO_CHANGES

    # --- rights: retention --------------------------------------------------------------------

    def privacy_settings(self) -> PrivacySettings:
        """The campaign's privacy settings (``privacy.json``: retention, personal fields)."""
        return PrivacySettings.load(self.data_dir)

    def save_privacy_settings(self, settings: PrivacySettings) -> None:
        settings.save(self.data_dir)

    def personal_fields(self, form_hash: str) -> frozenset[str]:
        """The personal fields of one stored form version (the forms' marks and the campaign's
        list and marks; see ``surveyor/privacy/personal.py``)."""
        form = self.library.get(form_hash)
        return personal_fields(form, self.privacy_settings().marks_for(form.form_id))

    def retention_report(self, *, now: datetime | None = None) -> RetentionReport:
        """Which interviews' personal fields are past the retention period (``overdue``) or
        reach it within the warning days (``soon``). Nothing when no period is set."""
        settings = self.privacy_settings()
        days = settings.retention_days
        if not days:
            return RetentionReport(None, settings.warn_days)
        moment = now or utc_now()
        until = format_timestamp(moment + timedelta(days=settings.warn_days))
        present = format_timestamp(moment)
        notes_before = format_timestamp(moment - timedelta(days=days))
        with self.store.reading("read the retention of the interviews") as db:
            due = rights.retention_due(db.conn, days, until)
            notes = rights.visit_notes_due(db.conn, notes_before)
        return RetentionReport(
            days,
            settings.warn_days,
            overdue=[d for d in due if d.due <= present],
            soon=[d for d in due if d.due > present],
            visit_notes=notes,
            notes_before=notes_before,
        )

    def apply_retention(
        self, *, now: datetime | None = None, handed_in_only: bool = False
    ) -> Done[int]:
        """Remove the personal fields of every interview past the retention period, and the
        notes of the door-to-door visits older than it (here and in the backups); the number
        of personal values removed (the notes: ``retention_report().visit_notes`` before).
        ``handed_in_only`` (a laptop): only the interviews already handed in or sent, and the
        notes of the visits already handed in or sent (or recorded on another laptop), so a
        purge never takes what the coordinator has not received."""
        report = self.retention_report(now=now)
        overdue = report.overdue
        keep = (
            rights.Undelivered(self.device_id, self._fieldwork.doors.sent_mark())
            if handed_in_only
            else None
        )
        if handed_in_only and overdue:
            with self.store.reading("read which interviews were handed in") as db:
                gone = {
                    r[0]
                    for r in db.execute(
                        "SELECT instance_id FROM interviews WHERE status IN (?, ?)",
                        [Status.HANDED_IN.value, Status.SENT.value],
                    )
                }
            overdue = [d for d in overdue if d.instance_id in gone]
        targets = {d.instance_id: self.personal_fields(d.form_hash) for d in overdue}
        removed, notes = rights.apply_retention(
            self.store,
            targets,
            notes_before=report.notes_before if report.visit_notes else None,
            keep=keep,
        )
        if not targets and not notes:
            return Done(0)
        return Done(removed, Changes(interviews=frozenset(targets), doors=bool(notes)))

    # --- rights: the record of processing -------------------------------------------------

    def processing_record(self, *, language: str = "fr", now: datetime | None = None) -> str:
        """The record of processing (Markdown, "fr" or "en") of this campaign: its forms
        (the newest version of each), their personal fields, where the data is, who reads it,
        for how long (``surveyor/privacy/record.py``)."""
        newest: dict[str, str] = {}
        for stored in self.store.list_forms():  # oldest first: the last one wins
            newest[stored.form_id] = stored.content_hash
        forms = [self.library.get(h) for _form_id, h in sorted(newest.items())]
        return processing_record(
            forms,
            self.privacy_settings(),
            language=language,
            data_dir=str(self.data_dir),
            now=now,
        )

    # --- hand-in and merge -------------------------------------------------------------------

    def count_to_hand_in(self) -> int:
        """Interviews a hand-in would write (finalized or already handed in, this laptop's)."""
        return len(self._merge.hand_in_candidates(None))

    def hand_in(
        self,
        destination: str | Path,
        *,
        interviewer: str = "",
        device_label: str = "",
        instance_ids: list[str] | None = None,
        clock: Callable[[], datetime] | None = None,
        protect_for: str | None = None,
        protect: bool | None = None,
    ) -> Done[batches.HandInResult]:
        """Write a batch file (``destination``: a file, or a folder to name it in);
        ``protect_for``: encrypted whole for that public key; else ``protect`` (default: yes
        when the campaign package brought the coordinator's key, :meth:`coordinator_key`)
        protects it for the coordinator's key. An ``erasures.json`` the coordinator left
        there (signed) is applied first."""
        protect_for = self._protection(protect_for, protect)
        erased = self._erasures_beside(Path(destination))
        result = batches.hand_in(
            self.store,
            Path(destination),
            interviewer=interviewer,
            device_id=self.device_id,
            device_label=device_label,
            instance_ids=instance_ids,
            clock=clock,
            protect_for=protect_for,
        )
        changes = Changes(interviews=frozenset(result.instance_ids), hand_ins=True)
        return Done(result, changes | erased)

    def sync_shared_folder(
        self,
        folder: str | Path,
        *,
        interviewer: str = "",
        device_label: str = "",
        clock: Callable[[], datetime] | None = None,
        protect: bool | None = None,
    ) -> Done[batches.SyncResult]:
        """Hand in to a shared folder if there is something new (never raises for the folder),
        protected for the coordinator's key as :meth:`hand_in`. An ``erasures.json`` the
        coordinator left there (signed) is applied first."""
        protect_for = self._protection(None, protect)
        try:
            erased = self._erasures_beside(Path(folder))
        except (SurveyorError, OSError):
            erased = NO_CHANGES  # (the folder's other troubles are the hand-in's to say)
        result = batches.sync_shared_folder(
            self.store,
            Path(folder),
            interviewer=interviewer,
            device_id=self.device_id,
            device_label=device_label,
            clock=clock,
            protect_for=protect_for,
        )
        if result.hand_in is None:
            return Done(result, erased)
        ids = frozenset(result.hand_in.instance_ids)
        return Done(result, Changes(interviews=ids, hand_ins=True) | erased)

    def coordinator_key(self) -> str | None:
        """The coordinator's public key the campaign package brought (a laptop's hand-ins are
        protected for it by default), or None."""
        return self._fieldwork.doors.campaign_value(COORDINATOR_KEY) or None

    def _protection(self, protect_for: str | None, protect: bool | None) -> str | None:
        if protect_for or protect is False:
            return protect_for
        key = self.coordinator_key()
        if protect and not key:
            raise EncryptionError(
                "The hand-in cannot be protected: no campaign package brought the "
                "coordinator's key to this laptop.",
                code=ErrorCode.KEY_NOT_FOUND,
            )
        return key

    def hand_ins(self) -> list[HandInRecord]:
        """The batches this laptop wrote, newest first."""
        return self._merge.list_hand_ins()

    def last_hand_in_to(self, folder: str | Path) -> str | None:
        """When this laptop last wrote a batch into ``folder`` (UTC timestamp), if ever."""
        try:
            folder = Path(folder).resolve()
        except OSError:
            return None
        for record in self.hand_ins():
            try:
                if Path(record.path).resolve().parent == folder:
                    return record.created_at
            except OSError:
                continue
        return None

    def merge_batches(
        self,
        paths: Iterable[str | Path],
        *,
        progress: Callable[[int, int, Path], None] | None = None,
        private_key: RSAPrivateKey | None = None,
    ) -> Done[batches.MergeReport]:
        """Merge batch files (folders: every batch in them), each all or nothing.

        With the coordinator's ``private_key``, the encrypted interviews are then decrypted
        and merged as interviews; a key that opens none of them raises DecryptionError before
        anything is merged; a damaged one stops the decryption (``report.decrypt_error``),
        the batches stay merged and their encrypted interviews are kept as received."""
        paths = [Path(p) for p in paths]
        if private_key is not None:
            sealed.check_key_for_batches(self.store, paths, private_key)
        report = batches.merge_batches(
            self.store, paths, progress=progress, private_key=private_key
        )
        if private_key is not None and sealed.waiting_count(self.store):
            try:
                opened = self.decrypt_received(private_key).value
                report.decrypted = opened.decrypted  # already counted as received, once
            except DecryptionError as exc:  # a damaged one: merged, all kept encrypted
                report.decrypt_error = str(exc)
        report.still_encrypted = sealed.waiting_count(self.store)
        changed = bool(report.new or report.updated or report.conflicts)
        doors = bool(report.visits or report.doors)
        return Done(
            report,
            Changes(all_interviews=changed, conflicts=bool(report.conflicts), doors=doors)
            if changed or doors
            else NO_CHANGES,
        )

    def encrypted_waiting(self) -> int:
        """How many received encrypted interviews wait for their form's private key."""
        return sealed.waiting_count(self.store)

    def decrypt_received(self, private_key: RSAPrivateKey) -> Done[sealed.DecryptReport]:
        """Decrypt the received encrypted interviews this key opens and merge them (all or
        nothing; DecryptionError if it opens none or one is damaged: nothing changed)."""
        report = sealed.decrypt_received(self.store, self.library, private_key)
        counts = report.counts
        changed = bool(counts.new or counts.updated or counts.conflicts)
        return Done(
            report,
            Changes(all_interviews=True, conflicts=bool(counts.conflicts))
            if changed
            else NO_CHANGES,
        )

    def conflicts(self, *, include_resolved: bool = False) -> list[Conflict]:
        return self._merge.list_conflicts(include_resolved=include_resolved)

    def resolve_conflict(self, conflict_id: int, keep: str) -> Done[Conflict]:
        """Keep one version of a conflict; the others stay, superseded."""
        conflict = self._merge.resolve_conflict(conflict_id, keep)
        return Done(conflict, Changes(all_interviews=True, conflicts=True))

    def superseded(self) -> dict[str, str]:
        """instanceID -> the instanceID that replaces it, for every superseded version."""
        return self._merge.superseded()

    # --- sync with a server ------------------------------------------------------------------
    # The sync modules are imported when first used: they pull httpx in (about 1 s measured
    # here), which the app's start, `surveyor interviews` and the merge never need.

    def send_pending(self, transport, **options) -> Done[SyncReport]:
        """One sending pass of the finalized interviews (see ``sync.sender.send_pending``)."""
        # httpx: on first use (see above)
        from surveyor.sync.sender import send_pending

        report = send_pending(self.store, self.library, transport, **options)
        ids = frozenset(r.instance_id for r in report.results)
        return Done(report, Changes(interviews=ids, sync_state=True))

    def send_fieldwork(self, transport, **options) -> Done[FieldworkSent]:
        """Send the visits and field doors recorded here that the server has not acknowledged
        (Surveyor's server only: another answers 404 and ``.unsupported`` is True)."""
        # httpx: on first use (see above)
        from surveyor.sync.fieldwork import send_fieldwork

        return Done(send_fieldwork(self.store, transport, self.device_id, **options))

    def release_held(self, instance_ids: list[str] | None = None) -> Done[list[str]]:
        """Let the interviews held for a decision be sent again."""
        released = release_held(self.data_dir, instance_ids)
        return Done(released, Changes(sync_state=True) if released else NO_CHANGES)

    def count_to_send(self) -> int:
        """Interviews waiting to be sent to the server (not those held for a person)."""
        # httpx: on first use (see above)
        from surveyor.sync.passes import pending_count

        return pending_count(self.store)

    def sync_status(self) -> dict:
        """What the sending passes left in ``sync-status.json`` (last success, last error)."""
        return read_status(self.data_dir)

    def fetch_forms(self, transport, **options) -> Done[FetchReport]:
        """Download and keep the server's form versions this data dir lacks."""
        # httpx: on first use (see above)
        from surveyor.sync.forms import fetch_forms

        known = {f.content_hash for f in self.store.list_forms()}
        report = fetch_forms(transport, self.library, **options)
        new = {f.content_hash for f in self.store.list_forms()} - known
        return Done(report, Changes(forms=frozenset(new)) if new else NO_CHANGES)

    def download_submissions(
        self, server_url: str, user: str | None, password: str | None, **options
    ) -> Done[DownloadReport]:
        """The coordinator: fetch the server's new submissions and merge them; with
        ``private_key``, the encrypted ones are then decrypted (:meth:`decrypt_received`)."""
        # httpx: on first use (see above)
        from surveyor.sync.download import download_submissions

        private_key = options.pop("private_key", None)
        options.setdefault("library", self.library)
        self.retry_server_erasures(server_url, user, password)  # first: erased stays erased
        report = download_submissions(self.store, server_url, user, password, **options)
        changes = Changes.of_download(report)
        if private_key is not None and sealed.waiting_count(self.store):
            changes = changes | self.decrypt_received(private_key).changes
        return Done(report, changes)

    def download_central(
        self, base: str, project: int, email: str, password: str, **options
    ) -> Done[DownloadReport]:
        """The coordinator: fetch an ODK Central project's submissions and merge them."""
        # httpx: on first use (see above)
        from surveyor.sync.central import download_central

        options.setdefault("library", self.library)
        report = download_central(self.store, base, project, email, password, **options)
        return Done(report, Changes.of_download(report))

    # --- exports and the overview ------------------------------------------------------------

    def export(
        self,
        out_dir: str | Path,
        *,
        format: str = "csv",  # noqa: A002 - the CLI option's name
        form_ids: Iterable[str] | None = None,
        options: _exports.ExportOptions | None = None,
        progress: Callable[[int, int], None] | None = None,
        private_key: RSAPrivateKey | None = None,
    ) -> list[Path]:
        """Write the interviews as CSV or XLSX files; the files written. The personal fields
        follow ``options.personal`` (default: left out); pseudonyms use this campaign's key
        and the privacy settings' personal fields and marks. With the coordinator's
        ``private_key``, the encrypted interviews waiting are decrypted and merged first
        (DecryptionError, nothing written, if the key opens none of them)."""
        if private_key is not None and sealed.waiting_count(self.store):
            self.decrypt_received(private_key)
        options = options or _exports.ExportOptions()
        if options.privacy is None:
            options = replace(options, privacy=self.privacy_settings())
        if options.personal == "pseudonymise" and options.pseudonym_key is None:
            options = replace(options, pseudonym_key=campaign_key(self.data_dir))
        return _exports.export(
            self.store,
            out_dir,
            format=format,
            form_ids=form_ids,
            options=options,
            progress=progress,
            library=self.library,
        )

    @property
    def overview(self) -> OverviewService:
        """Counts and lists of every interview for the coordinator (one query each)."""
        return self._overview

    def overview_list(
        self, flt: OverviewFilter | None = None, *, limit: int | None = 500, offset: int = 0
    ) -> list[InterviewSummary]:
        return self._overview.list(flt, limit=limit, offset=offset)

    def overview_rows(
        self, flt: OverviewFilter | None = None, *, limit: int | None = 500, offset: int = 0
    ) -> list[tuple[InterviewSummary, str]]:
        """The overview's list with each interview's day, as "by day" counts it."""
        return self._overview.rows(flt, limit=limit, offset=offset)

    # --- door-to-door fieldwork (docs/fieldwork.md) ------------------------------------------

    @property
    def fieldwork_service(self) -> FieldworkService:
        return self._fieldwork

    def import_doors(
        self,
        path: str | Path,
        *,
        mapping: dict[str, str] | None = None,
        sector_column: str | None = None,
    ) -> Done[DoorImport]:
        """Import a door list (CSV, XLSX, or an ODK Central Entity list CSV), all or nothing;
        ``mapping``: {file column: field} for columns not recognised. DoorListError names the
        first bad row."""
        result = self._fieldwork.import_doors(path, mapping=mapping, sector_column=sector_column)
        return Done(result, DOORS_CHANGED if result.doors else NO_CHANGES)

    def add_door(self, address: dict[str, Any], *, interviewer: str = "") -> Done[Door]:
        """Add a door not on the list, on the spot (``address``: number, street, building,
        staircase, floor, door, sector, postcode, city, lon, lat; street required)."""
        return Done(self._fieldwork.add_door(address, interviewer=interviewer), DOORS_CHANGED)

    def assign_doors(
        self,
        interviewer: str,
        *,
        sector: str | None = None,
        door_ids: Iterable[str] | None = None,
    ) -> Done[int]:
        """Give a sector's doors, or these doors, to ``interviewer``; how many changed hands."""
        changed = self._fieldwork.assign(interviewer, sector=sector, door_ids=door_ids)
        return Done(changed, DOORS_CHANGED if changed else NO_CHANGES)

    def record_visit(
        self,
        door_id: str,
        outcome: str,
        *,
        at: str | datetime | None = None,
        appointment: str | datetime | None = None,
        note: str = "",
        interviewer: str = "",
        instance_id: str | None = None,
    ) -> Done[Visit]:
        """Record a visit; FieldworkError (nothing written) for an unknown door or outcome, an
        appointment missing or in the past, a visit in the future."""
        visit = self._fieldwork.record_visit(
            door_id,
            outcome,
            at=at,
            appointment=appointment,
            note=note,
            interviewer=interviewer,
            instance_id=instance_id,
        )
        return Done(visit, DOORS_CHANGED)

    def start_interview_at_door(
        self, form: Form, door_id: str, *, interviewer: str = ""
    ) -> Done[tuple[Interview, InterviewSession]]:
        """Start an interview from a door: the door is checked first, then the draft is made
        and a visit "started" names it (the interview knows its door; finalizing it records
        "done")."""
        door = self._fieldwork.doors.get_door(door_id)  # DoorNotFound before anything is made
        done = self.start_interview(form, interviewer=interviewer)
        interview, session = done.value
        answers = door_answers(door)
        filled = False
        for node in form.fields():
            if node.name in answers and not _in_repeat(node) and not node.bind.calculate:
                session.set_answer(node.path, answers[node.name])
                filled = True
        if filled:  # the form shows the door's address (its door_* fields)
            self.save_session(interview, session)
        self._fieldwork.record_visit(
            door_id, "started", interviewer=interviewer, instance_id=interview.instance_id
        )
        return Done(done.value, done.changes | DOORS_CHANGED)

    def _record_done_at_door(self, interview: Interview) -> bool:
        """A finalized interview started from a door records "done" at that door (once)."""
        ids = [interview.instance_id]
        if interview.deprecated_id:
            ids.append(interview.deprecated_id)
        links = self._fieldwork.doors.door_of_interviews(ids)
        door_id = links.get(interview.instance_id) or links.get(interview.deprecated_id or "")
        if not door_id:
            return False
        visits = self._fieldwork.doors.visits_of(door_id)
        if any(v.outcome == "done" and v.instance_id in ids for v in visits):
            return False
        started = [v for v in visits if v.instance_id in ids]
        self._fieldwork.record_visit(
            door_id,
            "done",
            interviewer=interview.interviewer or (started[-1].interviewer if started else ""),
            instance_id=interview.instance_id,
        )
        return True

    def door(self, door_id: str) -> Door:
        """One door (DoorNotFound otherwise)."""
        return self._fieldwork.doors.get_door(door_id)

    def doors(self, *, limit: int | None = None, offset: int = 0, **filters: Any) -> list[Door]:
        """Doors in street order, filtered as :func:`door_filters` says."""
        return self._fieldwork.doors.list_doors(
            limit=limit, offset=offset, **door_filters(**filters)
        )

    def count_doors(self, **filters: Any) -> int:
        """How many doors :meth:`doors` lists with these filters and no limit."""
        return self._fieldwork.doors.count_doors(**door_filters(**filters))

    def door_visits(self, door_id: str) -> list[Visit]:
        """A door's visits, oldest first."""
        return self._fieldwork.doors.visits_of(door_id)

    def my_doors(self, interviewer: str | None = None, *, day: str | None = None) -> MyDoors:
        """ "Mes portes": to visit, to revisit, appointments of ``day`` (ISO date; today)."""
        return self._fieldwork.my_doors(interviewer, day=day)

    def appointments_due(
        self, day: str | None = None, *, interviewer: str | None = None
    ) -> list[Door]:
        """Doors with an appointment pending on ``day`` (ISO date; default today), by time."""
        return self._fieldwork.appointments_due(day, interviewer=interviewer)

    def doors_to_revisit(
        self, *, interviewer: str | None = None, sector: str | None = None
    ) -> list[Door]:
        """Doors knocked at that need another visit (absent, come back later, started)."""
        return self._fieldwork.doors.list_doors(
            statuses=REVISIT_STATUSES, interviewer=interviewer, sector=sector
        )

    def doors_never_visited(
        self, *, interviewer: str | None = None, sector: str | None = None
    ) -> list[Door]:
        return self._fieldwork.doors.list_doors(
            statuses=["new"], interviewer=interviewer, sector=sector
        )

    def sectors(self) -> list[str]:
        """The sectors of the door list ("" for doors without one)."""
        return self._fieldwork.doors.sectors()

    def door_interviewers(self) -> list[str]:
        """The interviewers doors are assigned to ("" for doors not assigned)."""
        return self._fieldwork.doors.door_interviewers()

    def fieldwork(self, *, by_day: bool = True) -> FieldworkReport:
        """The funnel: overall, per sector, per interviewer and (``by_day``) per day."""
        return self._fieldwork.report(by_day=by_day)

    def round_sheet(
        self, *, interviewer: str | None = None, sector: str | None = None, open_only: bool = True
    ) -> list[RoundSheetRow]:
        """The rows of a printable round sheet ("feuille de route"), in street order
        (``open_only``: only the doors still to visit or revisit)."""
        return self._fieldwork.round_sheet(
            interviewer=interviewer, sector=sector, open_only=open_only
        )

    def export_fieldwork(self, path: str | Path) -> Path:
        """Write the funnel (overall, per sector, per interviewer, per day) as ``.csv`` (one
        table with a ``scope`` column) or ``.xlsx`` (a sheet per scope)."""
        return write_report(Path(path), self.fieldwork())

    def door_of_interview(self, instance_id: str) -> str | None:
        """The door an interview was made at, if it was started from one."""
        return self._fieldwork.doors.door_of_interviews([instance_id]).get(instance_id)

    def export_entity_list(self, path: str | Path) -> int:
        """Write the door list as an ODK Central Entity list CSV; the number of doors."""
        return write_entity_list(Path(path), self._fieldwork.doors.list_doors())

    def door_list_columns(self, path: str | Path) -> list[tuple[str, str | None]]:
        """A door list's columns, each with the field it is recognised as (None: not
        recognised, to be mapped by the person before ``import_doors``)."""
        return door_list_columns(path)

    def export_campaign(
        self,
        path: str | Path,
        *,
        passphrase: str | None = None,
        public_key: str | None = None,
        protect_store: bool = False,
    ) -> Done[batches.CampaignExport]:
        """Write the campaign package (forms, doors and assignments, visits known here, the
        privacy settings, the erasure log), signed by this campaign's signing key.
        ``passphrase``: protected by it (8 characters or more). ``public_key``: the
        coordinator's public key (base64) the laptops protect their hand-ins for; remembered,
        so later packages carry it too. ``protect_store``: it asks the laptops to encrypt
        their store at rest."""
        fieldwork = self._fieldwork.doors
        if public_key:
            load_public_key(public_key)  # not a key: refused before anything is written
            with self.store.transaction("remember the coordinator's public key"):
                fieldwork.set_campaign_value(COORDINATOR_KEY, public_key.strip())
        privacy = self.privacy_settings()
        settings = PackageSettings(
            coordinator_public_key=fieldwork.campaign_value(COORDINATOR_KEY) or None,
            retention_days=privacy.retention_days,
            warn_days=privacy.warn_days,
            personal=list(privacy.personal),
            marks=privacy.marks,
            erasures=self.erasures(),
        )
        result = batches.export_campaign(
            self.store,
            Path(path),
            device_id=self.device_id,
            settings=settings,
            signing_key=self._signing_key(),
            passphrase=passphrase,
            protect_store=protect_store,
        )
        return Done(result)

    def package_passphrase(self) -> str | None:
        """The passphrase of the last protected package written or opened here."""
        return self._fieldwork.doors.campaign_value(PASSPHRASE) or None

    @property
    def protection_requested(self) -> bool:
        """The campaign package asks this laptop to encrypt its store, and it is not yet."""
        if self.protected:
            return False
        return self._fieldwork.doors.campaign_value("protect_store") == "1"

    def import_campaign(
        self, path: str | Path, *, passphrase: str | None = None, now: datetime | None = None
    ) -> Done[batches.CampaignImport]:
        """Bring a newer campaign package in (nothing recorded here is lost but the erased
        interviews it names; a damaged, foreign, older or wrongly signed package, or a wrong
        passphrase, raises CampaignError and changes nothing). A protected package opens with
        ``passphrase`` or the one kept from the last package (else CampaignError
        ``CAMPAIGN_PASSPHRASE_NEEDED``). The campaign's retention period is then applied
        here to what was handed in (``now``: the clock, for tests)."""
        return self._campaign_taken(
            lambda: batches.import_campaign(self.store, Path(path), passphrase=passphrase), now
        )

    def import_newest_campaign(
        self, folder: str | Path, *, passphrase: str | None = None, now: datetime | None = None
    ) -> Done[batches.CampaignImport | None]:
        """Import the newest campaign package found in ``folder`` (the shared folder, a USB
        key) when it is newer than the one here; None when the folder holds no package."""
        return self._campaign_taken(
            lambda: batches.import_newest_campaign(self.store, Path(folder), passphrase=passphrase),
            now,
        )

    def _campaign_taken(self, take, now: datetime | None) -> Done:
        known = {f.content_hash for f in self.store.list_forms()}
        result = take()
        if result is None or not result.changed:
            return Done(result)
        new_forms = {f.content_hash for f in self.store.list_forms()} - known
        changes = Changes(forms=frozenset(new_forms), doors=True)
        if result.erased:
            changes = changes | Changes(interviews=frozenset(result.erased))
        if result.settings is not None:  # the coordinator's privacy settings reach the laptop
            privacy = self.privacy_settings()
            privacy.retention_days = result.settings.retention_days
            privacy.warn_days = result.settings.warn_days
            privacy.personal = list(result.settings.personal)
            privacy.marks = result.settings.marks
            self.save_privacy_settings(privacy)
            purged = self.apply_retention(now=now, handed_in_only=True)
            result.retention_purged = purged.value
            result.retention_soon = len(self.retention_report(now=now).soon)  # warned first
            changes = changes | purged.changes
        return Done(result, changes)

    def fetch_campaign(self, transport) -> Done[CampaignFetched]:
        """A laptop: fetch the server's campaign package when it is newer than the one taken
        last time (its ETag) and import it as a file import does (nothing removed; an older,
        foreign or damaged package is refused: ``.refused`` says why, nothing changed)."""
        # httpx: on first use (see "sync with a server")
        from surveyor.services.campaign import fetch_campaign

        result = fetch_campaign(self.store, transport)
        if not result.changed:
            return Done(result)
        return Done(result, Changes(forms=result.forms, doors=True))

    def publish_campaign(self, transport) -> Done[CampaignPublished]:
        """The coordinator: write a new revision of the campaign package and send it to the
        server (``.unsupported`` when the server is not a Surveyor server)."""
        # httpx: on first use (see "sync with a server")
        from surveyor.sync.campaign import publish_package

        # written as "Campaign package…" writes it (signed, settings, erasure log)
        with tempfile.TemporaryDirectory(prefix=".publish-", dir=self.data_dir) as folder:
            written = self.export_campaign(folder).value
            return Done(publish_package(transport, written.path))

    def erase_on_server(self, transport, instance_ids: list[str]) -> Done[ServerErasures]:
        """The coordinator, after :meth:`erase_interview`: ask the server to erase them too;
        what cannot be asked now waits in ``server-erasures.json`` for the next sync."""
        # httpx: on first use (see "sync with a server")
        from surveyor.sync.campaign import erase_on_server

        return Done(erase_on_server(transport, self.data_dir, list(instance_ids)))

    def retry_server_erasures(
        self, server_url: str, user: str | None, password: str | None
    ) -> ServerErasures | None:
        """Ask ``server_url`` again for the erasures queued for it; None when none waits."""
        # httpx: on first use (see "sync with a server")
        from surveyor.sync.campaign import queued_erasures
        from surveyor.sync.campaign import retry_erasures
        from surveyor.sync.transport import OpenRosaTransport
        from surveyor.sync.transport import normalize_base

        base = normalize_base(server_url)
        if not queued_erasures(self.data_dir, base):
            return None
        with OpenRosaTransport(base, user, password) as transport:
            return retry_erasures(transport, self.data_dir)

    def queue_server_erasures(self, server_url: str, instance_ids: list[str]) -> None:
        """Remember erasures to ask ``server_url`` for at the next sync (no password now)."""
        # httpx: on first use (see "sync with a server")
        from surveyor.sync.campaign import queue_erasures

        queue_erasures(self.data_dir, server_url, list(instance_ids))

    def fieldwork_to_hand_in(self) -> int:
        """Visits and doors added here that no batch carried yet."""
        return self._fieldwork.doors.count_to_hand_in(self.device_id)

    # --- results and the report (docs/results.md, "API for the UI") ------------------------

    def result_forms(self) -> list[str]:
        """Form ids that have interviews results count (finalized, current versions)."""
        return self._results.form_ids()

    def result_questions(
        self, form_id: str | None = None, *, language: str | None = None
    ) -> dict[str, Question]:
        """name -> Question (kind, label in ``language``, choices, repeat, personal) of the
        form's newest version, in the form's order: what a view offers to pick."""
        return dict(self._results.engine(form_id, language).questions)

    def result_interviewers(self, form_id: str | None = None) -> list[str]:
        """The interviewers of the interviews results count, sorted (for a filter)."""
        rows = self._results.engine(form_id).rows
        return sorted({r.interviewer for r in rows if r.interviewer})

    def _selected(
        self, selection: Selection | None, language: str | None
    ) -> tuple[Engine, list[Row]]:
        """The results engine of the selection's form, and the rows of the interviews the
        selection keeps (every one when None)."""
        selection = selection or Selection()
        engine = self._results.engine(selection.form_id, language)
        return engine, engine.select(selection)

    def results(
        self,
        selection: Selection | None = None,
        *,
        by: str | None = None,
        questions: Iterable[str] | None = None,
        language: str | None = None,
        bands: Mapping[str, Sequence[float]] | None = None,
    ) -> Results | GroupedResults:
        """Figures per question over the selected interviews (``by``: for each value of that
        question too, for each band of a number). ``bands``: question -> edges, over the
        campaign's (see :meth:`bands`). Raises ResultsError: an unknown question or value,
        no interview, bad edges."""
        engine, rows = self._selected(selection, language)
        if by:
            return engine.grouped(rows, by, questions, self._bands(engine, bands))
        return engine.results(rows, questions)

    def crosstab(
        self,
        row: str,
        column: str,
        selection: Selection | None = None,
        *,
        language: str | None = None,
        bands: Mapping[str, Sequence[float]] | None = None,
    ) -> Crosstab:
        """Question ``row`` by question ``column`` (counts, row and column %, totals); a
        number question in its bands (``bands`` as for :meth:`results`)."""
        engine, rows = self._selected(selection, language)
        return engine.crosstab(rows, row, column, self._bands(engine, bands))

    def ranking(
        self,
        question: str,
        selection: Selection | None = None,
        *,
        by: str | None = None,
        language: str | None = None,
        bands: Mapping[str, Sequence[float]] | None = None,
    ) -> Ranking:
        """A choice question as a ranking (needs ranked), optionally for each value of ``by``
        (each band of a number, ``bands`` as for :meth:`results`)."""
        engine, rows = self._selected(selection, language)
        return engine.ranking(rows, question, by, self._bands(engine, bands))

    def bands(self, form_id: str | None = None) -> dict[str, tuple[float, ...]]:
        """The campaign's band edges per number question (what the coordinator set; the
        others get automatic bands, docs/results.md)."""
        form_id = self._results.pick_form(form_id)
        saved = _coding.get_setting(self.store, f"bands:{form_id}") or {}
        return {name: tuple(edges) for name, edges in saved.items()}

    def band_edges(self, question: str, form_id: str | None = None) -> tuple[float, ...]:
        """The edges ``question`` is cut at now: the campaign's, else the automatic ones."""
        engine = self._results.engine(form_id)
        banding = engine.banding(engine.question(question), self.bands(engine.form.form_id))
        if banding is None:
            raise ResultsError(
                f"The question {question} is not a number question: it has no bands.",
                code=ErrorCode.RESULTS_BANDS_INVALID,
            )
        return banding.edges

    def set_bands(
        self, question: str, edges: Sequence[float] | str | None, form_id: str | None = None
    ) -> Changes:
        """Keep ``edges`` (numbers that increase, or "15,30,45") as the campaign's bands of
        the number question ``question``; None: back to the automatic bands. Bad edges raise
        ResultsError (RESULTS_BANDS_INVALID) and change nothing."""
        engine = self._results.engine(form_id)
        form_id = engine.form.form_id
        saved = dict(self.bands(form_id))
        if edges is None:
            engine.question(question)
            saved.pop(question, None)
        else:
            saved.update(check_bands(engine, {question: edges}))
        value = {name: list(e) for name, e in saved.items()} or None
        _coding.set_setting(self.store, f"bands:{form_id}", value)
        return Changes(results=True)

    def _bands(self, engine: Engine, bands: Mapping[str, Sequence[float]] | None) -> dict:
        """The campaign's bands with ``bands`` over them (checked). Saved bands of a question
        the form no longer has as a number (removed, marked personal) are left out."""
        saved = {
            name: edges
            for name, edges in self.bands(engine.form.form_id).items()
            if name in engine.questions and engine.is_number(engine.questions[name])
        }
        return {**saved, **check_bands(engine, bands)}

    def volunteers(
        self,
        selection: Selection | None = None,
        *,
        skill: str | None = None,
        need: str | None = None,
        language: str | None = None,
    ):
        """The people who want to act (personal data, for the coordinator only): residents
        who agreed to be recontacted and offered skills, hours or interest in working for the
        counter; ``skill``/``need``: only those offering that skill / with that need."""
        selection = selection or Selection()
        engine = self._results.engine(selection.form_id, language)
        return _volunteers.volunteers(engine, selection, skill=skill, need=need)

    def export_volunteers(self, out: str | Path, people, headers=None) -> Path:
        """Write the list of people who want to act as CSV or XLSX (by ``out``'s suffix)."""
        return _volunteers.export(people, out, headers or _volunteers.COLUMNS)

    def form_personal_fields(self, form_id: str) -> frozenset[str]:
        """The personal fields of every stored version of a form (XLSForm column, bind
        attribute, privacy.json's list and marks, defaults)."""
        return self._results.personal(form_id)

    def mark_personal(self, form_id: str, name: str, personal: bool | None) -> Changes:
        """Mark a field of ``form_id`` personal or not (None: drop the mark, back to the
        campaign's list and the form's own say). Kept in ``privacy.json``'s ``marks``, which
        exports, retention, the record of processing, the campaign package and the results
        all read."""
        settings = self.privacy_settings()
        settings.mark(form_id, name, personal)
        self.save_privacy_settings(settings)
        return Changes(results=True)

    def themes(self, form_id: str, question: str | None = None) -> list[_coding.Theme]:
        return _coding.themes(self.store, form_id, question)

    def add_theme(self, form_id: str, question: str, label: str) -> Done[_coding.Theme]:
        self._results.engine(form_id).question(question)  # an unknown question is refused
        theme = _coding.add_theme(self.store, form_id, question, label)
        return Done(theme, Changes(results=True))

    def rename_theme(self, theme_id: int, label: str) -> Changes:
        _coding.rename_theme(self.store, theme_id, label)
        return Changes(results=True)

    def delete_theme(self, theme_id: int) -> Changes:
        _coding.delete_theme(self.store, theme_id)
        return Changes(results=True)

    def tag_verbatim(self, verbatim: str, theme_ids: Iterable[int], *, on: bool = True) -> Changes:
        """Tag a verbatim (its key, from ``QuestionResult.verbatims``) with themes, or untag."""
        _coding.tag(self.store, verbatim, list(theme_ids), on=on)
        return Changes(results=True)

    def verbatim_tags(self, form_id: str, question: str) -> dict[str, list[int]]:
        """verbatim key -> ids of its themes."""
        return _coding.tags(self.store, form_id, question)

    def theme_counts(
        self, question: str, selection: Selection | None = None
    ) -> list[tuple[_coding.Theme, int]]:
        """Each theme of ``question`` and how many of the selection's verbatims carry it."""
        selection = selection or Selection()
        form_id = self._results.pick_form(selection.form_id)
        result = self.results(selection, questions=[question])
        present = {key for key, _text in result.questions[question].verbatims}
        tagged = _coding.tags(self.store, form_id, question)
        counts: dict[int, int] = {}
        for key, ids in tagged.items():
            if key in present:
                for theme_id in ids:
                    counts[theme_id] = counts.get(theme_id, 0) + 1
        return [(t, counts.get(t.id, 0)) for t in _coding.themes(self.store, form_id, question)]

    def quotes(self, form_id: str, question: str | None = None) -> list[tuple[str, str]]:
        """(question, verbatim key) picked for the report, in order."""
        return _coding.quotes(self.store, form_id, question)

    def pick_quote(self, form_id: str, question: str, verbatim: str, *, on: bool = True) -> Changes:
        self._results.engine(form_id).question(question)
        _coding.pick_quote(self.store, form_id, question, verbatim, on)
        return Changes(results=True)

    def report_plan(self, form_id: str | None = None):
        """The campaign's saved report plan for the form (a ReportPlan), or the default one.
        A question of the saved plan marked personal since is left out of it (the mark wins)."""

        form_id = self._results.pick_form(form_id)
        saved = _coding.get_setting(self.store, f"report_plan:{form_id}")
        if saved is not None:
            plan = ReportPlan.from_json(saved).without(self._results.personal(form_id))
        else:
            plan = default_plan(self._results.engine(form_id))
        # the campaign's bands: kept in one place, the view may have changed them since
        plan.bands = self._bands(self._results.engine(form_id), None)
        return plan

    def save_report_plan(self, plan) -> Changes:
        """Keep ``plan`` as the campaign's report plan for its form."""
        engine = self._results.engine(plan.form_id)
        plan.check(engine)
        form_id = engine.form.form_id
        _coding.set_setting(self.store, f"report_plan:{form_id}", plan.to_json())
        # its bands join the campaign's (a dialog opened before the view's Bands… changed
        # others must not undo them)
        bands = {**self.bands(form_id), **plan.bands}
        value = {name: list(edges) for name, edges in bands.items()} or None
        _coding.set_setting(self.store, f"bands:{form_id}", value)
        return Changes(results=True)

    def references(self, form_id: str | None = None) -> dict[str, _reference.Reference]:
        """The neighbourhood's reference figures typed in for the form, by question name."""
        return _reference.load(self.store, self._results.pick_form(form_id))

    def set_reference(
        self,
        form_id: str | None,
        question: str,
        shares: Mapping[str, float | str],
        *,
        source: str,
        year: int | str | None = None,
    ) -> Changes:
        """Keep the neighbourhood's shares (%) for ``question`` (its choice codes, or bands
        ``LOW-HIGH``/``LOW+`` for a number), replacing any it had. Raises ResultsError
        (``results_reference_invalid``...) and changes nothing when they cannot be kept."""
        engine = self._results.engine(form_id)
        ref = _reference.make_reference(engine.question(question), shares, source=source, year=year)
        references = _reference.load(self.store, engine.form.form_id)
        references[ref.question] = ref
        _reference.save(self.store, engine.form.form_id, references)
        return Changes(results=True)

    def clear_reference(self, form_id: str | None, question: str | None = None) -> Changes:
        """Forget ``question``'s reference figures (every question's when None)."""
        engine = self._results.engine(form_id)
        if question is not None:
            engine.question(question)  # an unknown question is refused
        form_id = engine.form.form_id
        references = _reference.load(self.store, form_id)
        kept = {n: r for n, r in references.items() if question is not None and n != question}
        _reference.save(self.store, form_id, kept)
        return Changes(results=True)

    def compare_references(
        self,
        selection: Selection | None = None,
        *,
        questions: Iterable[str] | None = None,
        language: str | None = None,
    ) -> list[_reference.Comparison]:
        """Who answered (the selected interviews) against the neighbourhood's reference
        figures, for each question that has some (only ``questions`` when given)."""
        engine, rows = self._selected(selection, language)
        references = _reference.load(self.store, engine.form.form_id)
        if questions is not None:
            wanted = {engine.question(n).name for n in questions}
            references = {n: r for n, r in references.items() if n in wanted}
        return _reference.compare_all(engine, rows, references)

    def write_report(
        self,
        out: str | Path,
        *,
        plan=None,
        language: str = "fr",
        fieldwork: Callable[[], object] | None = None,
    ) -> Path:
        """Write the funders' report (``.docx`` or ``.pdf``, by ``out``'s suffix).

        ``plan``: a ReportPlan (default: the saved one, else every question). ``fieldwork``:
        a function giving the door-to-door funnel (a ``FieldworkFunnel``, or None to leave
        the section out); default: the campaign's doors and visits, when there are some."""
        # the report (matplotlib, ~1 s) loads only when a report is asked for
        from surveyor.results.report import build_report
        from surveyor.results.report import funnel_of
        from surveyor.results.report import write_report

        plan = plan or self.report_plan(None)
        engine = self._results.engine(plan.form_id, language)
        # a plan file without bands gets the campaign's; its own win
        plan = replace(plan, bands=self._bands(engine, plan.bands))
        if fieldwork is None:
            funnel = funnel_of(self.fieldwork(by_day=False).overall, language)
        else:
            funnel = fieldwork()
        report = build_report(engine, plan, language=language, store=self.store, fieldwork=funnel)
        return write_report(report, Path(out))

    # --- health --------------------------------------------------------------------------

    def backup(self, *, reason: str) -> Path | None:
        """A rolling copy of the database now (``backups/``), if one is due."""
        return self.store.backup(reason=reason)

    @staticmethod
    def check(
        data_dir: str | Path | None = None, *, passphrase: str | None = None
    ) -> health.CheckReport:
        """Check a data dir's database completely, without opening it for work."""
        folder = resolve_data_dir(data_dir)
        key = protection.unlock(folder, passphrase)
        return health.check(folder / DB_NAME, key=key)

    @staticmethod
    def repair(
        data_dir: str | Path | None = None, *, passphrase: str | None = None
    ) -> health.RepairReport:
        """Rebuild a damaged database into a new file (the damaged one is kept aside)."""
        folder = resolve_data_dir(data_dir)
        key = protection.unlock(folder, passphrase)
        return health.repair(folder / DB_NAME, now=utc_now(), key=key)

    # --- the store encrypted at rest (docs/privacy.md) -------------------------------------

    @property
    def protected(self) -> bool:
        """Whether this workspace's store is encrypted at rest."""
        return self.store.key is not None

    @staticmethod
    def protection_of(data_dir: str | Path | None = None) -> protection.Method | None:
        """How the data dir's store is protected at rest: keychain, passphrase, or None."""
        return protection.method_of(resolve_data_dir(data_dir))

    @staticmethod
    def protect(
        data_dir: str | Path | None = None,
        *,
        passphrase: str | None = None,
        keychain: bool = False,
    ) -> protection.ProtectionReport:
        """Encrypt the data dir's store at rest (close it first; nothing open on it)."""
        folder = resolve_data_dir(data_dir)
        return protection.protect(folder, passphrase=passphrase, keychain=keychain)

    @staticmethod
    def unprotect(
        data_dir: str | Path | None = None, *, passphrase: str | None = None
    ) -> protection.ProtectionReport:
        """Make the data dir's store a plain database again (close it first)."""
        return protection.unprotect(resolve_data_dir(data_dir), passphrase)


__all__ = ["NO_CHANGES", "Changes", "Done", "Workspace"]


def _in_repeat(node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.kind is Kind.REPEAT:
            return True
        parent = parent.parent
    return False


def server_pass(data_dir: Path, url: str, user: str, password: str | None, **options) -> SendAnswer:
    """The app's pass with the server (``sync.passes.send_pass``) with the campaign package's
    fetch and import as its last step (it needs the batches, above the sync modules). Opens
    its own Store: call it off the database thread."""
    # httpx: on first use (see "sync with a server")
    from surveyor.services.campaign import fetch_campaign
    from surveyor.sync.passes import send_pass

    return send_pass(data_dir, url, user, password, campaign=fetch_campaign, **options)


def door_filters(
    *,
    status: str | Iterable[str] | None = None,
    sector: str | None = None,
    interviewer: str | None = None,
    search: str = "",
) -> dict[str, Any]:
    """The door list's filters of the Workspace (``status``: one ``DoorStatus`` or several;
    ``search``: words found in the id or the address), as the store takes them."""
    statuses = [status] if isinstance(status, str) else status
    return {"statuses": statuses, "sector": sector, "interviewer": interviewer, "search": search}
