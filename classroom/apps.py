from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClassroomConfig(AppConfig):
    name = "classroom"
    verbose_name = _("Classroom sessions")

    def ready(self):
        from wagtail.signals import page_published

        from . import state
        from .models import ClassroomSession

        def forget_questions(sender, instance, **kwargs):
            """A quiz published while classes run it: its sessions read its questions afresh."""
            state.forget_meta(ClassroomSession.objects.filter(quiz_id=instance.pk).values_list("pk", flat=True))

        page_published.connect(forget_questions, dispatch_uid="classroom.forget_questions", weak=False)
