from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from cms import page_cache

        from . import models, signals, tasks

        # A changed default petition shows on every page: the cached pages and call to action are renewed.
        post_save.connect(page_cache.new_generation, sender=models.PetitionSettings, dispatch_uid="petitions.settings_saved")

        post_delete.connect(models.uncount_deleted_signature, sender=models.Signature,
                            dispatch_uid="petitions.uncount_deleted_signature")
        signals.signature_email_due.connect(tasks.queue_signature_email, dispatch_uid="petitions.queue_signature_email")
