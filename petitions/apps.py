from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from django.db.models.signals import post_delete

        from . import models, signals, tasks

        post_delete.connect(models.uncount_deleted_signature, sender=models.Signature,
                            dispatch_uid="petitions.uncount_deleted_signature")
        signals.signature_email_due.connect(tasks.queue_signature_email, dispatch_uid="petitions.queue_signature_email")
