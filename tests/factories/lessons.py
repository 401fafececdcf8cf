import factory
import wagtail_factories

from lessons.models import LessonFinderPage, LessonPage, ModulePage


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


class LessonFinderPageFactory(wagtail_factories.PageFactory):
    title = "Find a lesson"

    class Meta:
        model = LessonFinderPage
