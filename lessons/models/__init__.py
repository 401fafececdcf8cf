from .curriculum import LessonFinderPage, LessonPage, LessonPageTag, ModulePage, ModulePageTag
from .guides import DisclosureCard, TeacherGuidePage
from .hub import TeacherHubPage
from .pdfs import GuideDownloadCount, GuidePdf

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
from .evaluation import ModuleEvaluation
