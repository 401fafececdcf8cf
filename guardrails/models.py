from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class FlaggedPhrase(models.Model):
    """A phrase the content check flags in one language, with the rule it breaks
    and a kinder wording. Editors extend the lists in the admin."""

    class Kind(models.TextChoices):
        BLAME = "blame", _("Blames the person in the image")
        FEAR = "fear", _("Teaches fear instead of skills")
        IMAGE = "image", _("Tells someone to keep or copy an image")

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("language"))
    phrase = models.CharField(_("phrase"), max_length=120, help_text=_("Matched without regard to capitals or accents."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    rule = models.CharField(_("rule it breaks"), max_length=300)
    suggestion = models.CharField(_("kinder wording"), max_length=300)

    panels = [FieldPanel("locale"), FieldPanel("phrase"), FieldPanel("kind"), FieldPanel("rule"), FieldPanel("suggestion")]

    class Meta:
        verbose_name = _("flagged phrase")
        verbose_name_plural = _("flagged phrases")
        ordering = ["locale", "kind", "phrase"]
        constraints = [models.UniqueConstraint(fields=["locale", "phrase"], name="one_flag_per_phrase_and_language")]

    def __str__(self):
        return self.phrase


class JustifiedContent(models.Model):
    """For pages under the content check: a written reason to submit a flagged page anyway."""

    safeguarding_justification = models.TextField(
        _("why the flagged wording is right here"),
        blank=True,
        help_text=_("Only needed when the content check flags something. The safeguarding reviewer reads it."),
    )

    class Meta:
        abstract = True
