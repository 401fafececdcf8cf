import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.forms import DescribedErrorsMixin

STARTED_SALT = "petitions.form-started"


def plain_text(value):
    """What a person typed, without control or invisible characters (a vertical tab
    breaks a spreadsheet, a zero-width space hides a duplicate), spaces collapsed."""
    value = unicodedata.normalize("NFC", value)
    return " ".join("".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in value).split())


class SignatureForm(DescribedErrorsMixin, forms.Form):
    """A named signature, for people aged 16 and over."""

    first_name = forms.CharField(label=_("First name"), max_length=60)
    email = forms.EmailField(
        label=_("Email"), max_length=254,
        help_text=_("We send you a link to confirm. Your signature counts once you confirm it."),
    )
    postcode_or_country = forms.CharField(
        label=_("Postcode, or country if you live outside Belgium"), max_length=60
    )
    age_confirmed = forms.BooleanField(
        label=_("I am 16 or older"),
        error_messages={"required": _("Only people aged 16 or older can sign with their name. "
                                      "Younger? Use “I support this” instead: it counts too.")},
    )
    privacy_consent = forms.BooleanField(
        label=_("I agree that my name, email and postcode are kept for this petition, as the privacy notice explains"),
        error_messages={"required": _("Please agree to the privacy notice, or use “I support this” without giving any details.")},
    )
    updates_opt_in = forms.BooleanField(label=_("Send me updates about this campaign (optional)"), required=False)
    # Bots fill in every field; people never see this one.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, petition, **kwargs):
        super().__init__(*args, **kwargs)
        self.petition = petition
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=STARTED_SALT)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["postcode_or_country"].widget.attrs["autocomplete"] = "postal-code"

    def _clean_plain(self, name):
        value = plain_text(self.cleaned_data[name])
        if not value:
            raise ValidationError(_("Please write this with letters or digits."), code="invalid")
        return value

    def clean_first_name(self):
        return self._clean_plain("first_name")

    def clean_postcode_or_country(self):
        return self._clean_plain("postcode_or_country")

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError(_("We could not accept this signature."), code="bot")
        return ""

    def clean_started(self):
        try:
            started = signing.loads(self.cleaned_data["started"], salt=STARTED_SALT, max_age=24 * 3600)
        except (signing.BadSignature, TypeError, ValueError):
            raise ValidationError(_("This form has expired. Please fill it in again."), code="expired") from None
        if time.time() - float(started) < settings.UPSTANDER_PETITION_MIN_FILL_SECONDS:
            raise ValidationError(
                _("That was very quick. Please check your details and send the form again."), code="too_fast"
            )
        return started

    @property
    def looks_automated(self):
        return self.has_error("website", "bot")

