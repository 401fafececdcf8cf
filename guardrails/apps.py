from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuardrailsConfig(AppConfig):
    name = "guardrails"
    verbose_name = _("Editorial guardrails")
