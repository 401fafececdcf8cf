"""The filters pupils and teachers use to find lessons and guides. Read from GET;
an unknown value becomes a field error, never a server error."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from cms.forms import DescribedErrorsMixin

from .age_bands import age_band_choices, age_band_from_slug


class AgeAndModuleFilterForm(DescribedErrorsMixin, forms.Form):
    """Age band and module, shared by the module page, the lesson finder and the teacher hub.
    A module is chosen by module_key: its slug in one language, or its translation key
    when the listing spans languages."""

    age = forms.ChoiceField(label=_("Age"), required=False)
    module = forms.ChoiceField(label=_("Module"), required=False)
    module_key = "slug"

    def __init__(self, data, *, modules=()):
        super().__init__(data)
        self.modules_by_key = {str(getattr(module, self.module_key)): module for module in modules}
        self.fields["age"].choices = [("", _("All ages"))] + age_band_choices()
        self.fields["module"].choices = [("", _("All modules"))] + [
            (key, module.title) for key, module in self.modules_by_key.items()
        ]

    @property
    def band(self):
        return age_band_from_slug(self.cleaned_data.get("age", "")) if self.is_valid() else None

    @property
    def chosen_module(self):
        return self.modules_by_key.get(self.cleaned_data.get("module", "")) if self.is_valid() else None

    def filter_by_age(self, lessons):
        return lessons.filter(self.band.lesson_filter()) if self.band else lessons


class LessonFinderForm(AgeAndModuleFilterForm):
    tag = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, data, *, modules, tags):
        super().__init__(data, modules=modules)
        self.fields["tag"].choices = [("", _("All themes"))] + [(tag.slug, tag.name) for tag in tags]

    def filter(self, lessons):
        """Apply the valid filters to a LessonPage queryset."""
        if not self.is_valid():
            return lessons.none()
        lessons = self.filter_by_age(lessons)
        if self.chosen_module:
            lessons = lessons.child_of(self.chosen_module)
        if self.cleaned_data["tag"]:
            lessons = lessons.filter(tags__slug=self.cleaned_data["tag"])
        return lessons


def tags_used_by(lessons):
    return Tag.objects.filter(lessons_lessonpagetag_items__content_object__in=lessons).distinct().order_by("name")


class GuideFilterForm(AgeAndModuleFilterForm):
    """The teacher hub spans languages: a module is chosen in all of them at once."""

    language = forms.ChoiceField(label=_("Language"), required=False)
    module_key = "translation_key"

    def __init__(self, data, *, modules, languages):
        super().__init__(data, modules=modules)
        self.fields["language"].choices = [("", _("All languages"))] + languages
