from django import template

from cms import page_cache
from lessons.models import ModulePage
from quizzes.answers import percent_rows

from ..models import ClassroomSession

register = template.Library()


@register.inclusion_tag("classroom/includes/run_live.html", takes_context=True)
def run_live_button(context, quiz):
    """"Run this quiz live with your class": on lessons and quizzes, for the quiz they hold, with
    the choice to add the module's evaluation when it has one."""
    has_evaluation = quiz is not None and any(quiz.path.startswith(path) for path in _modules_with_an_evaluation())
    return {"quiz": quiz, "request": context.get("request"), "has_evaluation": has_evaluation}


def _modules_with_an_evaluation():
    """The tree paths of the modules that have an evaluation, read once per publish."""
    return page_cache.for_generation("modules-with-an-evaluation", lambda: list(
        ModulePage.objects.filter(evaluation__isnull=False).values_list("path", flat=True)))


@register.simple_tag(takes_context=True)
def hosted_session(context, quiz):
    """The live session of this quiz that the visitor's device runs, if any (presenter mode offers it)."""
    request = context.get("request")
    if quiz is None or request is None:
        return None
    for session in ClassroomSession.objects.filter(quiz=quiz).exclude(state=ClassroomSession.State.ENDED):
        if session.is_active and session.is_hosted_by(request):
            return session
    return None


@register.simple_tag
def distribution_rows(options, counts):
    """[(option, count, percent)] for the class's bar chart."""
    return percent_rows(options, counts, key=lambda option: option.id)
