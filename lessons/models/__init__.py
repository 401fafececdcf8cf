from .curriculum import LessonFinderPage, LessonPage, LessonPageTag, ModulePage, ModulePageTag
from .guides import DisclosureCard, GuideDownloadCount, GuidePdf, TeacherGuidePage, TeacherHubPage

__all__ = [
    "DisclosureCard",
    "GuideDownloadCount",
    "GuidePdf",
    "LessonFinderPage",
    "LessonPage",
    "LessonPageTag",
    "ModulePage",
    "ModulePageTag",
    "TeacherGuidePage",
    "TeacherHubPage",
]
