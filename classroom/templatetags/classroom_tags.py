from django import template

from quizzes.answers import percent_rows

from ..models import ClassroomSession

register = template.Library()


@register.inclusion_tag("classroom/includes/run_live.html", takes_context=True)
def run_live_button(context, quiz):
    """"Run this quiz live with your class": on lessons and quizzes, for the quiz they hold, with
    the choice to add the module's evaluation when it has one (the lesson's context has the module)."""
    module = context.get("module")
    if module is None and quiz is not None:
        from lessons.models import ModulePage

        module = ModulePage.objects.ancestor_of(quiz).only("evaluation_id").first()
    return {"quiz": quiz, "request": context.get("request"), "has_evaluation": bool(getattr(module, "evaluation_id", None))}


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
