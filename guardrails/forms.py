from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .checks import check


class ContentCheckedPageForm(WagtailAdminPageForm):
    """Submission and publishing wait until every flag is fixed or justified."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation or self.errors:
            return cleaned_data
        page = self.instance
        text_fields = {field.name for field in page._meta.concrete_fields if not field.is_relation}
        for name, value in cleaned_data.items():
            if name in text_fields:
                setattr(page, name, value)
        page.locale_id = page.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        flags = check(page)
        if flags and not cleaned_data.get("safeguarding_justification", "").strip():
            self.add_error(
                "safeguarding_justification",
                _("The content check found: %(flags)s Change the wording, or explain here why it is right, "
                  "so the safeguarding reviewer can decide.") % {"flags": " ".join(str(flag) for flag in flags)},
            )
        return cleaned_data
