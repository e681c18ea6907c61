"""The OpenRosa submission of a stored interview, and rendering many in a second process.

Rendering builds the submission exactly from the stored answers
(``services.interviews.render_submission``: nothing is recomputed, so the bytes never change
between two sends): about 3 ms of CPU each. In a large pass that CPU competed, in the same interpreter (one GIL), with the
threads that talk to the server; :class:`SubmissionRenderer` then renders ahead in a second process
(spawned, reading the same store: SQLite's WAL lets it read while the sender writes) and
falls back to rendering here if that process cannot start or dies. The bytes are the same
either way: the same engine renders the same stored interview.
"""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from surveyor.encryption import Sealed
from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError
from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import render_submission
from surveyor.store import Store
from surveyor.store import protection
from surveyor.sync.transport import SendOutcome
from surveyor.sync.transport import SendResult
from surveyor.sync.transport import Submission

PROCESS_FROM = 300  # pending interviews from which a second process renders them
CHUNK = 20  # interviews per request to that process
AHEAD = 6  # chunks asked for ahead of the sending


def build_submission(
    store: Store, library: FormLibrary, instance_id: str
) -> tuple[Submission, str]:
    """The OpenRosa submission of a stored interview (its XML and files) and its name."""
    sealed = store.sealed_payload(instance_id)
    if sealed is not None:  # encrypted at finalizing: the manifest and the .enc files
        parts = Sealed.from_bytes(sealed)
        files = [(name, "application/octet-stream", data) for name, data in parts.files]
        return Submission(instance_id, parts.manifest, files), ""
    interview = store.get_interview(instance_id)
    xml = render_submission(library, interview).encode("utf-8")
    files = [
        (a.filename, a.media_type, store.get_attachment(instance_id, a.filename))
        for a in interview.attachments
    ]
    return Submission(instance_id, xml, files), interview.instance_name


def render(
    store: Store, library: FormLibrary, instance_id: str
) -> tuple[Submission | SendResult, str]:
    """:func:`build_submission`, or a refusal saying why the interview cannot be rendered."""
    try:
        return build_submission(store, library, instance_id)
    except SurveyorError as exc:
        return SendResult(
            SendOutcome.REJECTED, f"cannot be rendered: {exc}", code=ErrorCode.SYNC_NOT_RENDERED
        ), ""


# -- in the second process ------------------------------------------------------------------

_worker: tuple[Store, FormLibrary] | None = None


def _start_worker(data_dir: str, cache_dir: str, key: bytes | None = None) -> None:
    global _worker
    if key is not None:  # a store encrypted at rest: the key this process unlocked
        protection.remember(Path(data_dir), key)
    store = Store.open(Path(data_dir))
    _worker = (store, FormLibrary(store, cache_dir=Path(cache_dir)))


def _render_chunk(ids: list[str]) -> list[tuple[Submission | SendResult, str]]:
    assert _worker is not None
    return [render(*_worker, instance_id) for instance_id in ids]


class SubmissionRenderer:
    """The submissions of ``ids``, asked for in that order (:meth:`get`).

    With ``process`` (default: from :data:`PROCESS_FROM` interviews) they are rendered ahead
    in a second process, ``CHUNK`` at a time; otherwise, or if that process fails, here.
    Close it (or use it as a context manager) to stop that process.
    """

    def __init__(
        self, store: Store, library: FormLibrary, ids: list[str], *, process: bool | None = None
    ):
        self.store, self.library, self.ids = store, library, ids
        self.position = {instance_id: i for i, instance_id in enumerate(ids)}
        self._chunks: dict[int, Future] = {}
        self._pool: ProcessPoolExecutor | None = None
        if process is None:
            process = len(ids) >= PROCESS_FROM
        if process and ids:
            try:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(str(Path(store.path).parent), str(library.cache_dir), store.key),
                )
            except (OSError, RuntimeError):
                self._pool = None

    @property
    def in_process(self) -> bool:
        return self._pool is not None

    def _ask(self, chunk: int) -> None:
        if self._pool is None or chunk in self._chunks or chunk * CHUNK >= len(self.ids):
            return
        try:
            self._chunks[chunk] = self._pool.submit(
                _render_chunk, self.ids[chunk * CHUNK : (chunk + 1) * CHUNK]
            )
        except (BrokenProcessPool, OSError, RuntimeError):
            self._broken()

    def _broken(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self._chunks.clear()

    def get(self, instance_id: str) -> tuple[Submission | SendResult, str]:
        index = self.position.get(instance_id)
        if self._pool is not None and index is not None:
            chunk = index // CHUNK
            for ahead in range(chunk, chunk + AHEAD):
                self._ask(ahead)
            for done in [c for c in self._chunks if c < chunk]:
                del self._chunks[done]  # skipped (never asked for again)
            future = self._chunks.get(chunk)
            if future is not None:
                try:
                    return future.result()[index - chunk * CHUNK]
                except (BrokenProcessPool, OSError, RuntimeError, EOFError):
                    self._broken()  # render here from now on
                except Exception:  # noqa: BLE001 - this chunk only: rendered here
                    pass
        return render(self.store, self.library, instance_id)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._chunks.clear()

    def __enter__(self) -> SubmissionRenderer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
