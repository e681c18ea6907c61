"""The interview engine's pieces: the instance nodes carry their own state, the pieces
(answers, validation, submission, labels) work on a session, and the old names still import."""

from __future__ import annotations

import pytest

from surveyor.errors import LimitError
from surveyor.interviews import answers
from surveyor.interviews import labels
from surveyor.interviews import submission
from surveyor.interviews import validation
from surveyor.interviews.instance import InstanceNode
from tests.interviews.test_session import HOUSEHOLD
from tests.interviews.test_session import make_form
from tests.interviews.test_session import session_of


def test_the_session_module_still_offers_its_public_names():
    from surveyor.interviews.session import ALL  # noqa: F401
    from surveyor.interviews.session import MAX_REPEAT_INSTANCES  # noqa: F401
    from surveyor.interviews.session import METADATA_TYPES  # noqa: F401
    from surveyor.interviews.session import InterviewSession  # noqa: F401
    from surveyor.interviews.session import Problem  # noqa: F401
    from surveyor.interviews.session import check_type  # noqa: F401
    from surveyor.interviews.session import new_instance_id  # noqa: F401
    from surveyor.interviews.session import normalize_answer  # noqa: F401

    assert Problem is validation.Problem
    assert METADATA_TYPES is answers.METADATA_TYPES
    assert MAX_REPEAT_INSTANCES == validation.MAX_REPEAT_INSTANCES


def test_each_instance_node_carries_its_form_node_and_relevance(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    adult = s.nodes_of("/data/adult")[0]
    job = s.nodes_of("/data/adult/job")[0]
    assert isinstance(job, InstanceNode)
    assert job.template is form.node("/data/adult/job") is s.template_of(job)
    s.set_answer("/data/age", "40")
    s.set_answer(job, "baker")
    assert (adult.hidden, job.hidden, job.kept) == (False, False, "")
    s.set_answer("/data/age", "12")  # the group is no longer relevant
    assert (adult.relevant_alone, adult.hidden, job.hidden) == (False, True, True)
    assert (job.text, job.kept, s.value(job)) == ("", "baker", "baker")
    s.set_answer("/data/age", "30")
    assert (adult.hidden, job.hidden, job.text, job.kept) == (False, False, "baker", "")


def test_a_removed_instance_takes_its_hidden_answer_with_it(tmp_path):
    s = session_of(make_form(tmp_path, HOUSEHOLD))
    first = s.add_repeat("/data/member")
    s.set_answer(s.nodes_of("/data/member/school", under=first)[0], "Jules Ferry")
    s.set_answer(s.nodes_of("/data/member/mage", under=first)[0], "40")  # school hidden
    s.remove_repeat(first)
    second = s.add_repeat("/data/member")
    school = s.nodes_of("/data/member/school", under=second)[0]
    assert (school.hidden, school.kept, s.value(school)) == (True, "", "")
    s.set_answer(s.nodes_of("/data/member/mage", under=second)[0], "10")
    assert (school.hidden, school.text) == (False, "")
    # the instance the form starts with, then the new one
    assert s.answers()["member"][-1] == {"mname": "", "mage": "10", "child": "0", "school": ""}
    assert len(s.answers()["member"]) == 2


def test_the_pieces_are_what_the_session_methods_call(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    problems = answers.load(s, {"name": "Ana", "age": "-1", "member": [{"mage": "4"}]})
    assert problems == []
    assert answers.collect(s) == s.answers()
    assert [p.code for p in validation.validate(s)] == ["constraint"]
    assert submission.to_xml(s) == s.to_xml()
    assert labels.translate({"fr": "Nom", "en": "Name"}, "fr", "en") == "Nom"
    assert labels.translate({"en": "Name"}, "fr", "en") == "Name"


def test_freeze_shows_every_stored_value_even_a_hidden_one(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    s.set_answer("/data/age", "12")  # hides the adult group
    assert s.nodes_of("/data/adult")[0].hidden
    s.freeze({"name": "Ana", "age": "12", "job": "baker", "member": [{"mage": "4"}]})
    job = s.nodes_of("/data/adult/job")[0]
    assert (job.hidden, job.relevant_alone, job.text) == (False, True, "baker")
    assert "<job>baker</job>" in s.to_xml()


def test_the_repeat_limit_is_the_sessions_and_read_when_it_starts(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    s.max_repeat_instances = 2
    s.add_repeat("/data/member")  # the second, after the one the form starts with
    with pytest.raises(LimitError, match="at most 2"):
        s.add_repeat("/data/member")
    problems = s.load_answers({"member": [{}, {}, {}]})
    assert [(p.name, p.code) for p in problems] == [("member", "limit")]
