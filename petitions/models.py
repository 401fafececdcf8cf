import unicodedata
import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from guardrails.forms import ContentCheckedPageForm
from guardrails.models import JustifiedContent

from .signals import signature_email_due


# Beside the campaign's story (CONTENT_GUIDE rule 10): the suicide-prevention lines.
ORIGIN_HELP_BOX = {
    "heading": _("If this brings something up for you"),
    "text": _("You don't have to deal with it alone. These services listen, for free."),
    "show_suicide_prevention": True,
}


class PetitionPage(RoutablePageMixin, JustifiedContent, Page):
    """A petition: signable here (or elsewhere, through its external link)."""

    summary = models.TextField(_("summary"), max_length=500, help_text=_("One or two sentences for the call to action."))
    demand = RichTextField(_("what we ask"), features=RICH_TEXT_FEATURES)
    addressed_to = models.CharField(_("addressed to"), max_length=200)
    why_it_matters = RichTextField(_("why it matters"), features=RICH_TEXT_FEATURES)
    story_content_note = models.CharField(
        _("content note before the story"), max_length=300, blank=True,
        help_text=_("Shown before the campaign's story, which stays folded until a reader opens it. "
                    "Say plainly what the story mentions (for example a death by suicide)."),
    )
    origin_story = RichTextField(
        _("how the campaign began"), features=RICH_TEXT_FEATURES, blank=True,
        help_text=_("Told briefly and with care: no method, no single cause. "
                    "The suicide-prevention lines are shown beside it."),
    )
    goal = models.PositiveIntegerField(_("signature goal"), default=1000)
    opens_on = models.DateField(_("opens on"), default=timezone.localdate)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    external_url = models.URLField(
        _("external petition address"), blank=True,
        help_text=_("When the campaign is hosted elsewhere, the call to action points there instead."),
    )
    phone_number = models.CharField(
        _("phone route: number"), max_length=30, blank=True,
        help_text=_("Optional: a public number people can call to hear the story and sign. Never a private number."),
    )
    phone_text = models.CharField(_("phone route: what callers hear"), max_length=250, blank=True)
    keep_personal_data_days = models.PositiveSmallIntegerField(
        _("keep signers' personal data for (days after closing)"), default=90,
        help_text=_("After that, purge_petition_data removes names and email addresses and keeps only the counts."),
    )

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("demand"),
        FieldPanel("addressed_to"),
        FieldPanel("why_it_matters"),
        MultiFieldPanel([FieldPanel("story_content_note"), FieldPanel("origin_story")], heading=_("The campaign's story")),
        MultiFieldPanel(
            [FieldPanel("goal"), FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
             FieldPanel("keep_personal_data_days")],
            heading=_("Signing"),
        ),
        MultiFieldPanel(
            [FieldPanel("external_url"), FieldPanel("phone_number"), FieldPanel("phone_text")],
            heading=_("Other ways to sign"),
        ),
        FieldPanel("safeguarding_justification"),
    ]
    base_form_class = ContentCheckedPageForm
    search_fields = Page.search_fields + [index.SearchField("summary")]

    class Meta:
        verbose_name = _("petition")

    def clean(self):
        super().clean()
        if self.closes_on and self.opens_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The petition cannot close before it opens.")})
        if self.origin_story and not self.story_content_note:
            raise ValidationError({"story_content_note": _("The campaign's story needs a content note before it.")})

    @property
    def is_open(self):
        today = timezone.localdate()
        return self.opens_on <= today and (self.closes_on is None or today <= self.closes_on)

    @property
    def signable_here(self):
        return self.is_open and not self.external_url

    def counts(self):
        """The numbers the call to action shows, from the tally (one indexed row)."""
        counts = PetitionTally.objects.filter(petition_id=self.pk).values("signatures", "supports").first()
        counts = counts or {"signatures": 0, "supports": 0}
        total = counts["signatures"] + counts["supports"]
        return {
            **counts,
            "total": total,
            "goal": self.goal or 0,
            "percent": min(100, round(100 * total / self.goal)) if self.goal else None,
        }

    def record_support(self):
        """An anonymous "I support this": one more, counted in the same transaction."""
        with transaction.atomic():
            Support.objects.create(petition=self)
            PetitionTally.add(self.pk, supports=1)

    def sign(self, data, site_url):
        """Store a named signature (or find the one this address already made) and ask for its
        email, at most once a day per signature (the email task listens: tasks.py). Returns it."""
        now = timezone.now()
        with transaction.atomic():
            try:
                with transaction.atomic():
                    signature = Signature.objects.create(
                        petition=self,
                        first_name=data["first_name"],
                        email=data["email"].strip(),
                        postcode_or_country=data["postcode_or_country"],
                        updates_opt_in=data["updates_opt_in"],
                    )
            except IntegrityError:
                signature = Signature.objects.select_for_update().get(
                    petition=self, email_normalised=normalise_email(data["email"])
                )
            due = signature.email_requested_at is None or now - signature.email_requested_at >= EMAIL_AT_MOST_EVERY
            if due:
                Signature.objects.filter(pk=signature.pk).update(email_requested_at=now)
        if due:
            signature_email_due.send(sender=Signature, signature_id=signature.pk, site_url=site_url)
        return signature

    def get_context(self, request, *args, **kwargs):
        from .forms import SignatureForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", SignatureForm(petition=self))
        context["counts"] = self.counts()
        context["origin_help_box"] = ORIGIN_HELP_BOX
        return context

    @path("")
    def index(self, request):
        from . import views

        return views.petition(request, self)

    @path("confirm/<str:token>/", name="confirm")
    def confirm(self, request, token):
        from . import views

        return views.confirm(request, self, token)

    @path("withdraw/<str:token>/", name="withdraw")
    def withdraw(self, request, token):
        from . import views

        return views.withdraw(request, self, token)


def normalise_email(email):
    """The form used to tell whether two addresses are the same person's."""
    return unicodedata.normalize("NFKC", email or "").strip().casefold()


class SignatureQuerySet(models.QuerySet):
    def anonymise(self):
        """Remove the personal data; the signatures still count."""
        return self.filter(anonymised_at__isnull=True).update(
            first_name="", email="", email_normalised=None, postcode_or_country="",
            updates_opt_in=False, secret=None, anonymised_at=timezone.now(),
        )


class Signature(models.Model):
    """A named signature (16 and over). It counts once its email is confirmed;
    deleting a confirmed one (a withdrawal, an editor) takes it off the count (signals.py)."""

    petition = models.ForeignKey(PetitionPage, on_delete=models.CASCADE, related_name="signatures")
    first_name = models.CharField(_("first name"), max_length=60, blank=True)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    email_normalised = models.CharField(max_length=254, null=True, editable=False)
    postcode_or_country = models.CharField(_("postcode or country"), max_length=60, blank=True)
    updates_opt_in = models.BooleanField(_("wants updates"), default=False)
    secret = models.UUIDField(default=uuid.uuid4, null=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("signed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True)
    email_requested_at = models.DateTimeField(_("last email asked for at"), null=True, blank=True, editable=False)
    email_sent_at = models.DateTimeField(_("last email sent at"), null=True, blank=True, editable=False)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "email_normalised"],
                condition=Q(email_normalised__isnull=False),
                name="one_signature_per_email_per_petition",
            )
        ]

    def __str__(self):
        return f"{self.first_name} ({self.petition})" if self.first_name else str(_("Anonymised signature"))

    def save(self, *args, **kwargs):
        self.email_normalised = normalise_email(self.email) or None
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def confirm(self):
        """Confirm once; True when this call confirmed it. The count goes up in the same transaction."""
        with transaction.atomic():
            confirmed = Signature.objects.filter(pk=self.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
            if confirmed:
                PetitionTally.add(self.petition_id, signatures=1)
        return bool(confirmed)

    def anonymise(self):
        Signature.objects.filter(pk=self.pk).anonymise()


class PetitionTally(models.Model):
    """The numbers a petition shows, kept in the database and changed in the same
    transaction as what they count (a confirmation, a support, a withdrawal), so
    they can never go stale or lose a count under concurrent requests."""

    petition = models.OneToOneField(PetitionPage, on_delete=models.CASCADE, related_name="tally", primary_key=True)
    signatures = models.IntegerField(default=0)
    supports = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("petition tally")

    @classmethod
    def add(cls, petition_id, signatures=0, supports=0):
        """Add to the counts atomically (an UPDATE ... SET n = n + 1, never read-then-write)."""
        changes = {"signatures": F("signatures") + signatures, "supports": F("supports") + supports}
        if cls.objects.filter(petition_id=petition_id).update(**changes):
            return
        try:
            with transaction.atomic():
                cls.objects.create(petition_id=petition_id)
        except IntegrityError:  # created by a concurrent request in between
            pass
        cls.objects.filter(petition_id=petition_id).update(**changes)

    @classmethod
    def recount(cls, petition_id):
        """Count again from the rows (after a bulk change an editor made)."""
        cls.objects.update_or_create(petition_id=petition_id, defaults={
            "signatures": Signature.objects.filter(petition_id=petition_id, confirmed_at__isnull=False).count(),
            "supports": Support.objects.filter(petition_id=petition_id).count(),
        })


class Support(models.Model):
    """An anonymous “I support this”: no personal data at all, only the day."""

    petition = models.ForeignKey(PetitionPage, on_delete=models.CASCADE, related_name="supports")
    created_on = models.DateField(default=timezone.localdate)

    class Meta:
        verbose_name = _("anonymous support")




@register_setting(icon="pick")
class PetitionSettings(BaseSiteSetting):
    default_petition = models.ForeignKey(
        "petitions.PetitionPage",
        verbose_name=_("default petition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Modules without a petition of their own point here; each language shows its translation."),
    )

    panels = [FieldPanel("default_petition")]

    class Meta:
        verbose_name = _("petition settings")


UNCONFIRMED_SIGNATURES_KEPT = timedelta(days=7)
EMAIL_AT_MOST_EVERY = timedelta(days=1)
# However long a petition stays open, a signer's personal data goes two years after signing.
SIGNERS_DATA_KEPT_AT_MOST = timedelta(days=730)


def uncount_deleted_signature(sender, instance, **kwargs):
    """A confirmed signature that is deleted, however it happens (withdrawn by its signer,
    removed by an editor), comes off its petition's count in the same transaction."""
    if instance.confirmed_at is not None:
        # Only an existing tally changes: when the petition itself is being deleted there is nothing to keep.
        PetitionTally.objects.filter(petition_id=instance.petition_id).update(signatures=F("signatures") - 1)
