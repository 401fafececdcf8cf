from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from cms.forms import DescribedErrorsMixin

from .age_bands import age_band_choices, age_band_from_slug


class LessonFinderForm(DescribedErrorsMixin, forms.Form):
    """The lesson finder's filters. Read from GET; unknown values become field
    errors, never a server error."""

    age = forms.ChoiceField(label=_("Age"), required=False)
    module = forms.ChoiceField(label=_("Module"), required=False)
    tag = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, data, *, modules, tags):
        super().__init__(data)
        self.modules_by_slug = {module.slug: module for module in modules}
        self.fields["age"].choices = [("", _("All ages"))] + age_band_choices()
        self.fields["module"].choices = [("", _("All modules"))] + [
            (module.slug, module.title) for module in modules
        ]
        self.fields["tag"].choices = [("", _("All themes"))] + [(tag.slug, tag.name) for tag in tags]


    def filter(self, lessons):
        """Apply the valid filters to a LessonPage queryset."""
        if not self.is_valid():
            return lessons.none()
        band = age_band_from_slug(self.cleaned_data["age"])
        if band:
            lessons = lessons.filter(band.lesson_filter())
        module = self.modules_by_slug.get(self.cleaned_data["module"])
        if module:
            lessons = lessons.child_of(module)
        if self.cleaned_data["tag"]:
            lessons = lessons.filter(tags__slug=self.cleaned_data["tag"])
        return lessons

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.cleaned_data.values())


def tags_used_by(lessons):
    return Tag.objects.filter(lessons_lessonpagetag_items__content_object__in=lessons).distinct().order_by("name")


class GuideFilterForm(DescribedErrorsMixin, forms.Form):
    age = forms.ChoiceField(label=_("Age"), required=False)
    module = forms.ChoiceField(label=_("Module"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, *, modules, languages):
        super().__init__(data)
        self.fields["age"].choices = [("", _("All ages"))] + age_band_choices()
        self.fields["module"].choices = [("", _("All modules"))] + [(m.translation_key, m.title) for m in modules]
        self.fields["language"].choices = [("", _("All languages"))] + languages
