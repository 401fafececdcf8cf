import uuid

import factory
import wagtail_factories

from quizzes.models import QuizPage


def option(text, correct=False, feedback=None, option_id=None):
    return {
        "type": "item",
        "id": option_id or str(uuid.uuid4()),
        "value": {"text": text, "correct": correct, "feedback": feedback if feedback is not None else f"About {text}."},
    }


def question(kind, question_id=None, **value):
    value.setdefault("question", f"A {kind} question?")
    value.setdefault("explanation", "The point to remember.")
    value.setdefault("lesson_section", "")
    return {"type": kind, "id": question_id or str(uuid.uuid4()), "value": value}


def single_choice(question_id="single", **value):
    value.setdefault("options", [option("Ask first", True, option_id="s-right"), option("Just post it", option_id="s-wrong")])
    return question("single_choice", question_id, **value)


def multiple_choice(question_id="multiple", **value):
    value.setdefault("options", [
        option("Report it", True, option_id="m-a"),
        option("Tell a trusted adult", True, option_id="m-b"),
        option("Forward it", option_id="m-c"),
    ])
    return question("multiple_choice", question_id, **value)


def true_false(question_id="truefalse", answer="false", **value):
    value.update(answer=answer, feedback_true="About true.", feedback_false="About false.")
    return question("true_false", question_id, **value)


def scenario(question_id="scenario", **value):
    value.setdefault("story", "Noor sees a photo of Milan in the class chat.")
    value.setdefault("options", [
        option("Message Milan privately", True, option_id="c-good-1"),
        option("Tell a teacher", True, option_id="c-good-2"),
        option("Add a laughing emoji", option_id="c-bad"),
    ])
    return question("scenario", question_id, **value)


def opinion_scale(question_id="opinion", **value):
    return question("opinion_scale", question_id, **value)


def all_question_types():
    return [single_choice(), multiple_choice(), true_false(), scenario(), opinion_scale()]


class QuizPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Quiz {n}")
    slug = "quiz"
    intro = "Check what you learned."
    questions = factory.LazyFunction(all_question_types)

    class Meta:
        model = QuizPage
