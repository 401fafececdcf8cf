from django import template

from quizzes.answers import percent_rows

from ..models import ClassroomSession

register = template.Library()


@register.inclusion_tag("classroom/includes/run_live.html", takes_context=True)
def run_live_button(context, quiz):
    """"Run this quiz live with your class": on lessons and quizzes, for the quiz they hold."""
    return {"quiz": quiz, "request": context.get("request")}


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
