"""The merge rules alone (surveyor.interviews.merging): plain data in, decisions out."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from surveyor.interviews.merging import Action
from surveyor.interviews.merging import ConflictKind
from surveyor.interviews.merging import Counts
from surveyor.interviews.merging import Existing
from surveyor.interviews.merging import Ledger
from surveyor.interviews.merging import Version
from surveyor.interviews.merging import decide_encrypted
from surveyor.interviews.merging import describe_counts
from surveyor.interviews.merging import edit_loops
from surveyor.interviews.merging import ids_on_loops
from surveyor.interviews.merging import names_itself


def v(instance_id: str, content: str = "x", edits: str | None = None) -> Version:
    # a content hash covers the version it edits: the same words editing another version
    # are another content
    return Version(instance_id, f"{content}|{edits or ''}", edits)


# --- one decision at a time ------------------------------------------------------------------


def test_a_new_instance_id_without_an_edit_is_new():
    decision = Ledger().decide(v("a"))
    assert (decision.action, decision.fresh, decision.links) == (Action.NEW, True, ())


def test_the_same_content_again_is_a_duplicate_kept_once():
    ledger = Ledger([Existing("a", "x|")])
    decision = ledger.decide(v("a"))
    assert (decision.action, decision.fresh) == (Action.DUPLICATE, False)


def test_another_content_for_a_known_instance_id_is_a_same_id_conflict_then_a_duplicate():
    ledger = Ledger([Existing("a", "x|")])
    first = ledger.decide(v("a", "y"))
    assert (first.action, first.fresh) == (Action.CONFLICT, False)
    assert (first.conflict.kind, first.conflict.subject) == (ConflictKind.SAME_ID, "a")
    assert first.conflict.earlier == ("x|",)
    assert ledger.decide(v("a", "y")).action is Action.DUPLICATE  # kept aside already


def test_a_content_kept_aside_earlier_is_a_duplicate():
    ledger = Ledger([Existing("a", "x|", variants=frozenset({"y|"}))])
    assert ledger.decide(v("a", "y")).action is Action.DUPLICATE


def test_an_edit_supersedes_the_stored_version_it_names():
    decision = Ledger([Existing("o", "x|")]).decide(v("e", "y", "o"))
    assert decision.action is Action.UPDATED
    assert decision.links == (("o", "e"),)


def test_an_edit_of_a_version_not_stored_is_updated_without_a_link():
    decision = Ledger().decide(v("e", "y", "o"))
    assert (decision.action, decision.links) == (Action.UPDATED, ())


def test_an_edit_of_a_version_made_here_and_never_merged_supersedes_it():
    decision = Ledger([Existing("o", None)]).decide(v("e", "y", "o"))
    assert decision.links == (("o", "e"),)


def test_an_edit_equal_to_a_current_edit_is_a_duplicate_superseded_by_it():
    ledger = Ledger([Existing("o", "x|"), Existing("e1", "y|o", "o")])
    decision = ledger.decide(v("e2", "y", "o"))
    assert (decision.action, decision.fresh) == (Action.DUPLICATE, True)
    assert decision.links == (("e2", "e1"),)


def test_a_different_edit_of_an_edited_version_is_an_edit_conflict():
    ledger = Ledger([Existing("o", "x|", superseded_by="e1"), Existing("e1", "y|o", "o")])
    decision = ledger.decide(v("e2", "z", "o"))
    assert decision.action is Action.CONFLICT
    assert (decision.conflict.kind, decision.conflict.subject) == (ConflictKind.EDIT, "o")
    assert decision.conflict.earlier == ("e1",)
    assert decision.links == ()


def test_an_edit_made_here_and_never_merged_is_no_rival_of_an_arriving_edit():
    ledger = Ledger([Existing("o", "x|"), Existing("draft", None, "o")])
    assert ledger.decide(v("e", "y", "o")).action is Action.UPDATED


def test_an_original_arriving_after_its_edit_is_superseded_by_it():
    decision = Ledger([Existing("e", "y|o", "o")]).decide(v("o"))
    assert (decision.action, decision.links) == (Action.NEW, (("o", "e"),))


def test_an_original_arriving_after_two_different_edits_stays_until_a_person_chooses():
    ledger = Ledger([Existing("e1", "y|o", "o"), Existing("e2", "z|o", "o")])
    assert ledger.decide(v("o")).links == ()


def test_an_original_arriving_after_its_edit_that_was_edited_again_is_superseded():
    ledger = Ledger([Existing("e", "y|o", "o", superseded_by="f"), Existing("f", "z|e", "e")])
    assert ledger.decide(v("o")).links == (("o", "e"),)


def test_the_ledger_learns_each_decision_within_a_batch():
    ledger = Ledger()
    assert [ledger.decide(x).action for x in (v("o"), v("e1", "y", "o"), v("e2", "z", "o"))] == [
        Action.NEW,
        Action.UPDATED,
        Action.CONFLICT,
    ]
    assert ledger.superseded_by("o") == "e1"


def test_an_edit_naming_itself_is_refused():
    assert names_itself("a", "a")
    assert not names_itself("a", "b") and not names_itself("a", None)


def test_edit_loops_are_found_through_stored_versions():
    assert edit_loops({"a": "b"}, {"b": "a"}.get) == ["a"]
    assert edit_loops({"a": "a"}) == ["a"]
    assert edit_loops({"a": "b", "b": None}) == []
    assert ids_on_loops({"a": "b", "b": "a", "c": "a"}) == {"a", "b"}


def test_encrypted_payloads_are_compared_by_their_bytes():
    assert decide_encrypted("s1", []) is Action.NEW
    assert decide_encrypted("s1", ["s1"]) is Action.DUPLICATE
    assert decide_encrypted("s2", ["s1"]) is Action.CONFLICT


def test_counts_add_up_in_total_and_per_interviewer():
    a, b = Counts(), Counts()
    a.count("Amina", Action.NEW, 2)
    b.count("Amina", Action.CONFLICT)
    b.count("Bruno", "duplicates")
    b.conflict_ids.append(7)
    a.add(b)
    assert a.as_dict() == {"new": 2, "updated": 0, "duplicates": 1, "conflicts": 1}
    assert a.per_interviewer["Amina"] == {"new": 2, "updated": 0, "duplicates": 0, "conflicts": 1}
    assert a.conflict_ids == [7]
    assert describe_counts(a) == "2 new, 0 updated, 1 duplicate(s), 1 conflict(s)"


# --- properties ------------------------------------------------------------------------------


@dataclass
class Model:
    """A store in miniature: what the merge writes, reloaded into a Ledger per batch."""

    rows: dict[str, list] = field(default_factory=dict)  # id -> [content, edits, superseded_by]
    variants: dict[str, set[str]] = field(default_factory=dict)
    conflicts: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    counts: Counts = field(default_factory=Counts)

    def merge(self, batch: list[Version]) -> None:
        ledger = Ledger(
            Existing(i, c, d, s, frozenset(self.variants.get(i, ())))
            for i, (c, d, s) in self.rows.items()
        )
        for version in batch:
            decision = ledger.decide(version)
            if decision.fresh:
                self.rows[version.instance_id] = [
                    version.content_sha256,
                    version.deprecated_id,
                    None,
                ]
            for old, new in decision.links:
                self.rows[old][2] = new
            note = decision.conflict
            if note is not None:
                if note.kind is ConflictKind.SAME_ID:
                    self.variants.setdefault(version.instance_id, set()).add(version.content_sha256)
                    keys = {note.earlier[0], version.content_sha256}
                else:
                    keys = {*note.earlier, version.instance_id}
                self.conflicts.setdefault((note.kind, note.subject), set()).update(keys)
            self.counts.count("", decision.action)

    def state(self):
        return (
            {i: tuple(r) for i, r in self.rows.items()},
            {i: frozenset(s) for i, s in self.variants.items()},
            {k: frozenset(s) for k, s in self.conflicts.items()},
            self.counts.as_dict(),
        )


@st.composite
def histories(draw):
    """Versions of a few interviews: each instanceID edits an earlier one or none (no loop,
    as the checks before the rules guarantee), with one or two contents, some sent twice."""
    n = draw(st.integers(1, 6))
    versions = []
    for i in range(n):
        edits = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        target = f"i{edits}" if edits is not None else None
        for content in draw(st.lists(st.sampled_from("xyz"), min_size=1, max_size=2, unique=True)):
            versions.append(v(f"i{i}", content, target))
    versions += draw(st.lists(st.sampled_from(versions), max_size=3))
    return draw(st.permutations(versions))


@settings(max_examples=300, deadline=None)
@given(histories(), st.data())
@pytest.mark.slow
def test_how_versions_are_grouped_into_batches_never_changes_the_outcome(versions, data):
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(versions) - 1)))))
    together, apart = Model(), Model()
    together.merge(versions)
    for start, end in zip([0, *cuts], [*cuts, len(versions)], strict=True):
        apart.merge(versions[start:end])
    assert apart.state() == together.state()


@settings(max_examples=300, deadline=None)
@given(histories(), st.data())
def test_any_order_keeps_every_content_once_and_counts_every_version(versions, data):
    other = data.draw(st.permutations(versions))
    first, second = Model(), Model()
    first.merge(versions)
    second.merge(other)

    def kept(model):
        contents = {(i, r[0]) for i, r in model.rows.items()}
        return contents | {(i, c) for i, cs in model.variants.items() for c in cs}

    assert kept(first) == kept(second) == {(x.instance_id, x.content_sha256) for x in versions}
    assert sum(first.counts.as_dict().values()) == sum(second.counts.as_dict().values())
    assert sum(first.counts.as_dict().values()) == len(versions)


@settings(max_examples=300, deadline=None)
@given(histories(), st.data())
@pytest.mark.slow
def test_merging_the_same_versions_again_in_any_order_changes_nothing(versions, data):
    model = Model()
    model.merge(versions)
    before = model.state()[:3]
    model.counts = Counts()
    model.merge(data.draw(st.permutations(versions)))
    assert model.state()[:3] == before
    assert model.counts.as_dict()["duplicates"] == len(versions)


@st.composite
def chains(draw):
    """Interviews edited one after the other (each version edited at most once), every
    version sent once or twice, in any order."""
    versions = []
    for chain in range(draw(st.integers(1, 3))):
        previous = None
        for step in range(draw(st.integers(1, 4))):
            versions.append(v(f"c{chain}-{step}", f"{chain}{step}", previous))
            previous = f"c{chain}-{step}"
    versions += draw(st.lists(st.sampled_from(versions), max_size=3))
    return draw(st.permutations(versions))


@settings(max_examples=300, deadline=None)
@given(chains(), st.data())
def test_without_rival_edits_any_order_gives_the_same_replacements(versions, data):
    first, second = Model(), Model()
    first.merge(versions)
    second.merge(data.draw(st.permutations(versions)))
    replaced = {i: r[2] for i, r in first.rows.items() if r[2]}
    assert replaced == {i: r[2] for i, r in second.rows.items() if r[2]}
    assert replaced == {x.deprecated_id: x.instance_id for x in versions if x.deprecated_id}
    assert not first.conflicts
