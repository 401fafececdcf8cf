from .curriculum import LessonFinderPage, LessonPage, LessonPageTag, ModulePage, ModulePageTag
from .guides import DisclosureCard, TeacherGuidePage
from .hub import TeacherHubPage
from .parents import ParentsPage
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
    "ParentsPage",
    "TeacherGuidePage",
    "TeacherHubPage",
]
from .evaluation import ModuleEvaluation
