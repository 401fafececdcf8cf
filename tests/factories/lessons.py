import factory
import wagtail_factories

from lessons.models import DisclosureCard, LessonPage, ModulePage, TeacherGuidePage


def lesson_body():
    return [
        {"type": "help", "value": {"heading": "", "text": "", "show_reporting_routes": False}},
        {"type": "text", "value": "<p>Ask before you post a photo of a friend.</p>"},
        {"type": "key_message", "value": {"text": "Ask first."}},
        {"type": "help", "value": {"heading": "", "text": "", "show_reporting_routes": True}},
    ]


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")
    intro = "What this module is about."

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    intro = "What this lesson is about."
    age_min = 12
    age_max = 14
    duration = 45
    content_note = "This lesson talks about photos of friends."
    learning_objectives = factory.LazyFunction(lambda: [{"type": "objective", "value": "Explain why asking matters"}])
    body = factory.LazyFunction(lesson_body)

    class Meta:
        model = LessonPage


class DisclosureCardFactory(factory.django.DjangoModelFactory):
    title = "If a pupil tells you something has happened"
    body = "<ul><li>Listen calmly.</li><li>Never promise to keep it secret.</li></ul>"

    class Meta:
        model = DisclosureCard


def plan(*minutes):
    return [
        {"type": "step", "value": {"minutes": m, "activity": f"Step {i + 1}", "description": "<p>Do it.</p>", "notes": ""}}
        for i, m in enumerate(minutes)
    ]


class TeacherGuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Teacher guide {n}")
    slug = "teacher-guide"
    preparation = "<p>Read the lesson.</p>"
    ground_rules = factory.LazyFunction(lambda: [{"type": "rule", "value": "We listen with respect."}])
    lesson_plan = factory.LazyFunction(lambda: plan(10, 20, 15))
    discussion_prompts = factory.LazyFunction(
        lambda: [{"type": "prompt", "value": {"question": "What could Noor do?", "points": ["Ask first"]}}]
    )
    disclosure_card = factory.SubFactory(DisclosureCardFactory)
    parent_letter = "<p>Dear parent or carer,</p>"

    class Meta:
        model = TeacherGuidePage
