"""A protocol's decision path: every answer leads somewhere, nothing goes round in a
circle, every step can be reached, and every path ends with the helplines."""

import pytest
from django.core.exceptions import ValidationError

from protocols.blocks import ProtocolStepsBlock, StepBlock
from protocols.paths import Step, paths, problems


def step(key, *next_keys, helplines=None):
    return Step(key=key, next_keys=next_keys, shows_helplines=bool(helplines if helplines is not None else not next_keys))


SOUND = [step("start", "adult", "pupil"), step("adult"), step("pupil", "after"), step("after")]


def test_a_sound_path_has_no_problems():
    assert problems(SOUND) == []


def test_every_path_from_the_first_step_to_an_end_is_listed():
    assert paths(SOUND) == [["start", "adult"], ["start", "pupil", "after"]]


def test_an_answer_leading_to_a_missing_step_is_a_problem():
    assert problems([step("start", "nowhere")]) == [("start", "unknown", "nowhere")]


def test_an_end_without_the_helplines_is_a_problem():
    assert problems([step("start", "end"), step("end", helplines=False)]) == [("end", "end_without_help", "end")]


def test_a_circle_is_a_problem():
    found = problems([step("start", "a"), step("a", "b", "end"), step("b", "a"), step("end")])
    assert found == [("a", "circle", "a")]


def test_a_step_nothing_leads_to_is_a_problem():
    assert problems([step("start", "end"), step("end"), step("lost")]) == [("lost", "unreachable", "lost")]


def test_two_steps_with_one_key_are_a_problem():
    assert problems([step("start", "end"), step("end"), step("end")]) == [("end", "duplicate", "end")]


# --- the blocks an editor writes with ---------------------------------------------------


def stream(*steps):
    return ProtocolStepsBlock().to_python([
        {"type": "step", "id": f"id-{index}", "value": {
            "key": key, "title": key.title(), "body": "<p>Do this.</p>", "show_helplines": not answers,
            "question": "Which?" if answers else "",
            "answers": [{"type": "item", "id": f"a-{index}-{n}", "value": {"label": target, "next_step": target}}
                        for n, target in enumerate(answers)],
        }}
        for index, (key, answers) in enumerate(steps)
    ])


def test_the_editor_is_told_which_answer_leads_nowhere():
    with pytest.raises(ValidationError) as raised:
        ProtocolStepsBlock().clean(stream(("start", ["adult", "elsewhere"]), ("adult", [])))
    assert "An answer of step “start” leads to “elsewhere”, which is not the key of any step." in str(
        raised.value.non_block_errors)


def test_a_sound_protocol_is_accepted():
    assert len(ProtocolStepsBlock().clean(stream(("start", ["adult"]), ("adult", [])))) == 2


def test_a_question_without_answers_is_refused():
    value = StepBlock().to_python({"key": "start", "title": "Start", "body": "<p>Do this.</p>", "show_helplines": True,
                                   "question": "Is anyone in danger?", "answers": []})
    with pytest.raises(ValidationError) as raised:
        StepBlock().clean(value)
    assert "A step either asks a question and gives its answers" in str(raised.value.block_errors["question"])


def test_a_step_key_must_be_lowercase_with_hyphens():
    value = StepBlock().to_python({"key": "Start Here", "title": "Start", "body": "<p>Do this.</p>",
                                   "show_helplines": True, "question": "", "answers": []})
    with pytest.raises(ValidationError) as raised:
        StepBlock().clean(value)
    assert "Use lowercase letters, digits and hyphens." in str(raised.value.block_errors["key"])
