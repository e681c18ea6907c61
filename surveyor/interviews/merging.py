"""The merge rules: what becomes of a version of an interview reaching the coordinator.

Pure: plain data in, a decision out; no SQL, no store. The store loads what it knows of the
versions involved (:class:`Existing`), a :class:`Ledger` decides each arriving
:class:`Version` in turn (:class:`Decision`), and the store writes what was decided. Batches,
the download from a Surveyor server and the download from ODK Central all merge this way.

The rules (``docs/batch-format.md``):

- a version whose instanceID is stored with the same content (or with a content already kept
  aside) is a **duplicate**: kept once;
- with a different content it is a **same_id conflict**: the newcomer is kept aside (a
  variant) and the conflict listed;
- a new instanceID without ``deprecated_id`` is **new**;
- an edit (``deprecated_id``) is **updated**: it supersedes the version it names (when that
  one is stored); an edit with the same content as another current edit of the same version
  is a **duplicate** (superseded by the earlier one); a different one is an **edit
  conflict**: both kept, the conflict listed until a person chooses;
- an original arriving after its edit is superseded by it at once, unless it has two
  different edits (a conflict);
- a version naming itself, or an edit chain that comes back to where it started, is
  **refused** (:func:`names_itself`, :func:`edit_loops`): it would hide itself from every
  export.

A :class:`Ledger` learns from each decision, so the versions of one batch are decided as if
they had arrived one at a time, in the batch's order: how versions are grouped into batches
(or pages of a download) never changes the outcome.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from enum import StrEnum
from typing import Any


class Action(StrEnum):
    """What a version became; the value is the name of its count (:class:`Counts`)."""

    NEW = "new"
    UPDATED = "updated"
    DUPLICATE = "duplicates"
    CONFLICT = "conflicts"


class ConflictKind(StrEnum):
    EDIT = "edit"  # two different edits of one version; the subject is the edited one
    SAME_ID = "same_id"  # two contents for one instanceID; the subject is that instanceID


@dataclass(frozen=True, slots=True)
class Version:
    """One version of an interview as the merge sees it: its identity and its content."""

    instance_id: str
    content_sha256: str
    deprecated_id: str | None = None  # the version it edits (ODK meta/deprecatedID)


@dataclass(frozen=True, slots=True)
class Existing:
    """A stored version, as far as the rules need to know it.

    ``content_sha256`` is None for an interview stored but never seen by a merge (made on
    this computer and not handed in): it can be edited (superseded) but does not count as
    a current edit of anything.
    """

    instance_id: str
    content_sha256: str | None
    deprecated_id: str | None = None
    superseded_by: str | None = None
    variants: frozenset[str] = frozenset()  # contents kept aside (same_id conflicts)


@dataclass(frozen=True, slots=True)
class ConflictNote:
    """A conflict to open (or to join, when one on the same subject is open)."""

    kind: ConflictKind
    subject: str
    earlier: tuple[str, ...]  # edit: the current edits already there; same_id: stored content


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with an arriving version (the one given to :meth:`Ledger.decide`).

    ``fresh``: its instanceID is new, so it is written as an interview (even a duplicate
    edit, which ``links`` then supersedes). ``links``: (old, new) pairs, ``old`` now
    superseded by ``new``.
    """

    action: Action
    fresh: bool
    conflict: ConflictNote | None = None
    links: tuple[tuple[str, str], ...] = ()


def content_sha256(
    form_hash: str,
    deprecated_id: str | None,
    answers_json: str,
    attachments: Iterable[tuple[str, str]],
) -> str:
    """The identity of an interview's content: form, edited version, answers and files.

    ``answers_json`` is the answers as the store keeps them (compact JSON, in the order the
    engine wrote them: the same interview always gives the same text). Status, timestamps and
    hand-in history are left out: handing the same interview in twice gives the same hash.
    """
    h = hashlib.sha256()
    h.update(f"{form_hash}\n{deprecated_id or ''}\n".encode())
    h.update(answers_json.encode())
    for filename, sha in sorted(attachments):
        h.update(f"\n{filename}\x00{sha}".encode())
    return h.hexdigest()


def names_itself(instance_id: str, deprecated_id: str | None) -> bool:
    """An edit that names itself as the version it replaces (refused)."""
    return deprecated_id is not None and deprecated_id == instance_id


def edit_loops(
    links: dict[str, str | None], lookup: Callable[[str], str | None] | None = None
) -> list[str]:
    """The ids of ``links`` (instanceID -> the deprecated_id it edits) whose edit chain comes
    back to them, in ``links``' order. ``lookup`` gives the deprecated_id of an id not in
    ``links`` (e.g. a stored interview). An interview that names itself is a loop of one."""
    looping = []
    for start, target in links.items():
        seen = {start}
        current = target
        while current:
            if current == start:
                looping.append(start)
                break
            if current in seen:
                break  # a loop further down that does not pass through ``start``
            seen.add(current)
            current = links[current] if current in links else (lookup(current) if lookup else None)
    return looping


def ids_on_loops(previous: dict[str, str]) -> set[str]:
    """The ids on a loop of ``previous`` (instanceID -> the one it edits, or old -> the one
    replacing it): a damaged chain, whose versions would hide each other from every export."""
    state: dict[str, int] = {}  # 1: being followed, 2: done
    looping: set[str] = set()
    for start in previous:
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in state:
            state[node] = 1
            path.append(node)
            node = previous.get(node)
        if node is not None and state[node] == 1:  # came back onto the current path
            looping.update(path[path.index(node) :])
        for visited in path:
            state[visited] = 2
    return looping


def decide_encrypted(sha256: str, stored: Iterable[str]) -> Action:
    """An encrypted interview (opaque: compared by its bytes' sha256) against the payloads
    stored for its instanceID: the same one is a duplicate, another one a conflict."""
    stored = set(stored)
    if sha256 in stored:
        return Action.DUPLICATE
    return Action.CONFLICT if stored else Action.NEW


class Ledger:
    """What the merge knows of the versions involved, kept current as each one is decided.

    Give it, oldest first, every stored version with an arriving instanceID or with an
    instanceID the arriving ones edit, and every merged edit of those (the store's
    ``MergeStore._known``); then :meth:`decide` each arriving version in order.
    """

    def __init__(self, existing: Iterable[Existing] = ()):
        self._content: dict[str, str | None] = {}
        self._variants: dict[str, set[str]] = {}
        self._superseded: dict[str, str | None] = {}
        self._edits: dict[str, list[str]] = {}  # deprecated_id -> merged edits, oldest first
        for item in existing:
            self._learn(
                item.instance_id, item.content_sha256, item.deprecated_id, item.superseded_by
            )
            if item.variants:
                self._variants[item.instance_id] = set(item.variants)

    def _learn(
        self, instance_id: str, content: str | None, deprecated_id: str | None, superseded_by
    ) -> None:
        if self._content.get(instance_id) is not None or (
            instance_id in self._content and content is None
        ):
            return  # known already (a version given twice: the one with a content wins)
        self._content[instance_id] = content
        self._superseded[instance_id] = superseded_by
        if deprecated_id and content is not None:
            self._edits.setdefault(deprecated_id, []).append(instance_id)

    def superseded_by(self, instance_id: str) -> str | None:
        return self._superseded.get(instance_id)

    def _current_edits(self, of: str, besides: str) -> list[str]:
        return [e for e in self._edits.get(of, ()) if e != besides and self._superseded[e] is None]

    def decide(self, version: Version) -> Decision:
        """The decision for ``version`` (see the module docstring); the ledger then knows it."""
        instance_id, sha = version.instance_id, version.content_sha256
        if instance_id in self._content:
            known = self._content[instance_id]
            variants = self._variants.setdefault(instance_id, set())
            if known == sha or sha in variants:
                return _DUPLICATE
            variants.add(sha)
            note = ConflictNote(ConflictKind.SAME_ID, instance_id, (known or "",))
            return Decision(Action.CONFLICT, fresh=False, conflict=note)
        target = version.deprecated_id
        self._learn(instance_id, sha, target, None)
        if not target and instance_id not in self._edits:
            return _NEW  # the common case, kept cheap: a merge decides thousands
        links: list[tuple[str, str]] = []
        note = None
        if not target:
            action = Action.NEW
        else:
            others = self._current_edits(target, instance_id)
            same = [e for e in others if self._content[e] == sha]
            if same:
                links.append((instance_id, same[0]))
                action = Action.DUPLICATE
            elif not others:
                if target in self._content:
                    links.append((target, instance_id))
                action = Action.UPDATED
            else:
                note = ConflictNote(ConflictKind.EDIT, target, tuple(others))
                action = Action.CONFLICT
        for old, new in links:
            self._superseded[old] = new
        # an original arriving after its edit: linked to it when it is the only one (an edit
        # replaced by another edit of the original, a duplicate or a conflict's loser, does
        # not count; one replaced by an edit of its own still does: a chain)
        if self._superseded[instance_id] is None:
            edits = self._edits.get(instance_id, [])
            children = [e for e in edits if self._superseded[e] not in edits]
            if len(children) == 1:
                links.append((instance_id, children[0]))
                self._superseded[instance_id] = children[0]
        return Decision(action, fresh=True, conflict=note, links=tuple(links))


_NEW = Decision(Action.NEW, fresh=True)
_DUPLICATE = Decision(Action.DUPLICATE, fresh=False)


# --- what a merge counts ---------------------------------------------------------------------

COUNT_NAMES = tuple(str(a) for a in Action)  # "new", "updated", "duplicates", "conflicts"


def zero_counts() -> dict[str, int]:
    return dict.fromkeys(COUNT_NAMES, 0)


def describe_counts(counts: Any) -> str:
    """``3 new, 1 updated, 0 duplicate(s), 0 conflict(s)`` (a mapping or a :class:`Counts`)."""
    get = counts.get if isinstance(counts, dict) else lambda k: getattr(counts, k)
    return (
        f"{get('new')} new, {get('updated')} updated, {get('duplicates')} duplicate(s), "
        f"{get('conflicts')} conflict(s)"
    )


@dataclass(kw_only=True)
class Counts:
    """What a merge did: totals, the same per interviewer, and the conflicts it opened.

    The one "counts" record: a store's merge, a batch's report, a merge of many batches and a
    download all are (or extend) this.
    """

    new: int = 0
    updated: int = 0
    duplicates: int = 0
    conflicts: int = 0
    conflict_ids: list[int] = field(default_factory=list)
    per_interviewer: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, interviewer: str, what: Action | str, n: int = 1) -> None:
        what = str(what)
        setattr(self, what, getattr(self, what) + n)
        row = self.per_interviewer.setdefault(interviewer, zero_counts())
        row[what] += n

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts (totals, per interviewer, conflicts) to these."""
        for name in COUNT_NAMES:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.conflict_ids += other.conflict_ids
        for who, theirs in other.per_interviewer.items():
            row = self.per_interviewer.setdefault(who, zero_counts())
            for name, n in theirs.items():
                row[name] += n

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in COUNT_NAMES}

    def by_interviewer_lines(self) -> list[str]:
        return [
            f"  {name or '(no name)'}: {describe_counts(c)}"
            for name, c in sorted(self.per_interviewer.items())
        ]
