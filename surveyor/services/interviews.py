"""Interview services: the operations the desktop app, the CLI and the server share.

They tie the form loader, the interview engine and the store together, so that no caller
reaches into SQL or rebuilds the engine by hand. An interview always reopens with the exact
form definition it was made with (the store keeps the XLSForm file by content hash).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from pathlib import Path

from surveyor.encryption import encrypt_submission
from surveyor.errors import FormError
from surveyor.errors import ValidationError
from surveyor.forms import load_form
from surveyor.forms.model import Form
from surveyor.forms.xform import xform_matches
from surveyor.interviews import record
from surveyor.interviews.compiled import CompiledForm
from surveyor.interviews.compiled import compile_form
from surveyor.interviews.record import Interview
from surveyor.interviews.record import Status
from surveyor.interviews.record import format_timestamp
from surveyor.interviews.session import InterviewSession
from surveyor.interviews.session import Problem
from surveyor.store import Store


class FormLibrary:
    """Loaded and compiled forms, by content hash, with the on-disk compiled cache."""

    def __init__(self, store: Store, *, cache_dir: Path | None = None):
        self.store = store
        self.cache_dir = cache_dir or (store.path.parent / "cache" / "forms")
        self._forms: dict[str, Form] = {}
        self._compiled: dict[str, CompiledForm] = {}

    def load_file(self, path: str | Path) -> Form:
        """Load an XLSForm file and keep its definition in the store."""
        form = load_form(Path(path), cache_dir=self.cache_dir)
        self.register(form)
        return form

    def register(self, form: Form) -> bool:
        """Keep ``form``'s definition in the store; True if this library had not kept it yet."""
        if form.content_hash in self._forms:
            return False
        self.store.save_form(
            form_id=form.form_id,
            version=form.version,
            title=form.title,
            content_hash=form.content_hash,
            source_name=form.source_name,
            source_bytes=form.source_bytes,
            xform=form.xform,
            media=form.media_files or None,
        )
        self._forms[form.content_hash] = form
        return True

    def get(self, content_hash: str) -> Form:
        """The form with this content hash, rebuilt from the store if needed.

        Only bytes that match the hash are used: the stored XForm must have it (else
        FormError: the definition is damaged); the stored XLSForm file (it gives question
        rows for messages) is used only if it converts to exactly that XForm, else the form
        is built from the XForm itself (another pyxform version, a file changed since).
        Forms merged from batches keep no XLSForm: they are always built from their XForm.
        """
        form = self._forms.get(content_hash)
        if form is None:
            stored = self.store.get_form(content_hash)
            if not xform_matches(content_hash, stored.xform):
                raise FormError(
                    f"The stored definition of the form {stored.form_id} ({content_hash}) is "
                    "damaged: its XForm does not match its hash; it cannot be used."
                )
            form = None
            source = stored.source_bytes
            if source and not source.lstrip().startswith(b"<"):
                try:
                    form = self._load_stored(Path(stored.source_name).name, source, stored.media)
                except FormError:
                    form = None  # e.g. a file this Surveyor cannot read: the XForm will do
                if form is not None and form.content_hash != content_hash:
                    form = None
            if form is None:
                name = (Path(stored.source_name).stem or stored.form_id or "form") + ".xml"
                form = self._load_stored(name, stored.xform.encode("utf-8"), stored.media)
                if form.content_hash != content_hash:  # a stale cache entry, at worst
                    raise FormError(
                        f"The stored definition of the form {stored.form_id} ({content_hash}) "
                        "cannot be rebuilt from its XForm."
                    )
            self._forms[content_hash] = form
        return form

    def _load_stored(self, name: str, data: bytes, media: dict[str, bytes] | None) -> Form:
        """Load a stored form file, with its media beside it (through the compiled cache)."""
        with tempfile.TemporaryDirectory(prefix="surveyor-form-") as tmp:
            folder = Path(tmp)
            source = folder / (name if name not in ("", ".", "..") else "form.xlsx")
            source.write_bytes(data)
            for media_name, content in (media or {}).items():
                (folder / Path(media_name).name).write_bytes(content)
            # stored: its interviews stay readable even if it has a ring (refused today)
            return load_form(source, cache_dir=self.cache_dir, refuse_cycles=False)

    def compiled(self, form: Form) -> CompiledForm:
        compiled = self._compiled.get(form.content_hash)
        if compiled is None:
            compiled = compile_form(form, cache_dir=self.cache_dir)
            self._compiled[form.content_hash] = compiled
        return compiled


@dataclass
class FillResult:
    interview: Interview
    session: InterviewSession
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def new_interview(
    library: FormLibrary,
    form: Form,
    *,
    interviewer: str,
    device_id: str,
    clock: Callable[[], datetime] | None,
) -> tuple[Interview, InterviewSession]:
    """A new interview record and its running session (the form kept, the interview not
    stored yet)."""
    library.register(form)
    options = {"clock": clock} if clock else {}
    interview = Interview.new(
        form_id=form.form_id,
        form_version=form.version,
        form_hash=form.content_hash,
        interviewer=interviewer,
        device_id=device_id,
        **options,
    )
    session = InterviewSession(
        form,
        compiled=library.compiled(form),
        instance_id=interview.instance_id,
        interviewer=interviewer,
        device_id=device_id,
        **options,
    )
    return interview, session


def start_interview(
    library: FormLibrary,
    form: Form,
    *,
    interviewer: str = "",
    device_id: str = "",
    clock: Callable[[], datetime] | None = None,
) -> tuple[Interview, InterviewSession]:
    """A new draft interview of ``form``, stored at once (so it is never lost)."""
    interview, session = new_interview(
        library, form, interviewer=interviewer, device_id=device_id, clock=clock
    )
    interview.answers = session.answers()
    interview.instance_name = session.instance_name()
    interview.answered, interview.answerable = session.progress()
    library.store.create_interview(interview)
    return interview, session


def _stored_session(library: FormLibrary, interview: Interview, **options) -> InterviewSession:
    """A session of a stored interview's own form version, its identity, no answers yet (the
    first-load calculations are not run: the answers come from the store)."""
    form = library.get(interview.form_hash)
    return InterviewSession(
        form,
        compiled=library.compiled(form),
        instance_id=interview.instance_id,
        deprecated_id=interview.deprecated_id,
        interviewer=interview.interviewer,
        device_id=interview.device_id,
        run_first_load=False,
        **options,
    )


def open_session(library: FormLibrary, interview: Interview, **options) -> InterviewSession:
    """Rebuild the running interview of a stored one, with its own form version."""
    session = _stored_session(library, interview, **options)
    session.load_answers(interview.answers, restore=True)
    return session


@dataclass(frozen=True, slots=True)
class Snapshot:
    """An interview's answers as they were at one moment, taken on the thread that owns its
    session (a session has one owner) and written on another (the app's database thread).

    ``answers`` is a copy made for the snapshot: nothing else holds it."""

    answers: dict
    instance_name: str
    progress: tuple[int, int]
    position: str | None = None


def take_snapshot(session: InterviewSession, *, position: str | None = None) -> Snapshot:
    """The draft answers of ``session`` now (non-relevant answers kept, as in a draft)."""
    return Snapshot(
        answers=session.answers(),
        instance_name=session.instance_name(),
        progress=session.progress(),
        position=position,
    )


def final_snapshot(session: InterviewSession) -> Snapshot:
    """Check everything, fill the finalize-time metadata (``end``) and take the answers as the
    submission holds them; raise ValidationError listing what is wrong."""
    problems = session.validate()
    if problems:
        raise ValidationError(f"{len(problems)} answer(s) missing or invalid", problems=problems)
    session.finalize_metadata()
    return Snapshot(
        answers=session.answers(include_hidden=False),
        instance_name=session.instance_name(),
        progress=session.progress(),
    )


def save_snapshot(library: FormLibrary, interview: Interview, snapshot: Snapshot) -> None:
    """Save answers taken from a session earlier (the app takes them on the GUI thread and
    saves them on the database thread, since a session has one owner)."""
    interview.answers = snapshot.answers
    interview.instance_name = snapshot.instance_name
    interview.answered, interview.answerable = snapshot.progress
    library.store.save_answers(
        interview.instance_id,
        snapshot.answers,
        position=snapshot.position,
        instance_name=snapshot.instance_name,
        progress=snapshot.progress,
    )


def finalize_snapshot(library: FormLibrary, interview: Interview, snapshot: Snapshot) -> Interview:
    """Store the answers of a :func:`final_snapshot` and finalize the interview.

    A form with a ``public_key`` is encrypted now (ODK's format): the store keeps only the
    encrypted submission, never these answers (see :func:`seal_interview`).
    """
    if library.get(interview.form_hash).public_key:
        interview.answers = snapshot.answers
        interview.instance_name = snapshot.instance_name
        return seal_interview(library, interview)
    save_snapshot(library, interview, snapshot)
    return library.store.finalize(interview.instance_id)


def seal_interview(library: FormLibrary, interview: Interview) -> Interview:
    """Finalize a draft of an encrypted form: encrypt its submission (its XML rendered from
    ``interview.answers``, and its attached files) for the form's public key and store only
    that. Raises EncryptionError (the form's key is not one) before anything changes."""
    form = library.get(interview.form_hash)
    store = library.store
    stored = store.get_interview(interview.instance_id)
    record.check_transition(stored, "finalize")
    xml = render_submission(library, interview).encode("utf-8")
    media = [
        (a.filename, store.get_attachment(interview.instance_id, a.filename))
        for a in stored.attachments
    ]
    sealed = encrypt_submission(
        xml,
        media,
        form_id=form.form_id,
        version=form.version,
        instance_id=interview.instance_id,
        public_key=form.public_key or "",
    )
    return store.seal(interview.instance_id, sealed.to_bytes())


def finalize_interview(
    library: FormLibrary, interview: Interview, session: InterviewSession
) -> Interview:
    """Check everything and finalize; raise ValidationError listing what is wrong."""
    return finalize_snapshot(library, interview, final_snapshot(session))


def fill_interview(
    library: FormLibrary,
    form: Form,
    answers: dict,
    *,
    finalize: bool = False,
    interviewer: str = "",
    device_id: str = "",
    clock: Callable[[], datetime] | None = None,
) -> FillResult:
    """Run one interview without a screen: apply ``answers`` and store it (one durable write).

    Answers to questions that are not relevant are dropped. On a problem the interview is
    stored as a draft (nothing is lost) and the problems are returned; with ``finalize`` and
    no problem it is stored finalized.
    """
    interview, session = new_interview(
        library, form, interviewer=interviewer, device_id=device_id, clock=clock
    )
    options = {"clock": clock} if clock else {}
    problems = session.load_answers(answers)
    checked = session.validate()
    problems += checked if finalize else [p for p in checked if p.code != "required"]
    if finalize and not problems:
        session.finalize_metadata()
    interview.answers = session.answers(include_hidden=False)
    interview.instance_name = session.instance_name()
    interview.answered, interview.answerable = session.progress()
    record.stamp_consents(interview, {}, interview.updated_at)
    if finalize and not problems and form.public_key:
        library.store.create_interview(interview)  # a draft, encrypted at once
        interview = seal_interview(library, interview)
        return FillResult(interview=interview, session=session, problems=problems)
    if finalize and not problems:
        record.finalize(interview, **options)
    library.store.create_interview(interview)
    return FillResult(interview=interview, session=session, problems=problems)


def render_submission(library: FormLibrary, interview: Interview) -> str:
    """The OpenRosa submission XML of a stored interview, exactly from its stored answers.

    Nothing is recomputed, so sending it again gives the same bytes (a calculation with
    now() or random() would otherwise change, and the server would see a conflict).
    """
    session = _stored_session(library, interview)
    session.freeze(interview.answers, instance_name=interview.instance_name)
    return session.to_xml()


def question_labels(library: FormLibrary, form_hash: str, language_code: str = "") -> dict:
    """Field name -> question label of a stored form, in the form's language whose name
    carries ``language_code`` (``"fr"`` matches "Français (fr)"), else its default one."""
    form = library.get(form_hash)
    wanted = None
    for language in form.languages:
        if language_code and (
            f"({language_code})" in language or language.lower().startswith(language_code)
        ):
            wanted = language
            break
    labels = {}
    for node in form.root.walk():
        texts = node.label
        text = (
            texts.get(wanted or "")
            or texts.get(form.default_language or "")
            or next((t for t in texts.values() if t), "")
        )
        if node is not form.root and text:
            labels.setdefault(node.name, " ".join(text.split()))
    return labels


def interview_json(interview: Interview) -> dict:
    """The interview as one JSON object (answers as the submission holds them)."""
    data = interview.to_dict()
    data["status"] = str(interview.status)
    return data


def edit_interview(
    library: FormLibrary, interview: Interview
) -> tuple[Interview, InterviewSession]:
    """Make a new draft revision of a finalized interview (``deprecatedID`` names it)."""
    revision = library.store.revise(interview.instance_id)
    return revision, open_session(library, revision)


__all__ = [
    "FillResult",
    "FormLibrary",
    "Snapshot",
    "Status",
    "edit_interview",
    "fill_interview",
    "final_snapshot",
    "finalize_interview",
    "finalize_snapshot",
    "format_timestamp",
    "interview_json",
    "open_session",
    "question_labels",
    "render_submission",
    "save_snapshot",
    "seal_interview",
    "start_interview",
    "take_snapshot",
]
