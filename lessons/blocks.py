"""The blocks a lesson is written with. LessonBodyBlock is the named stream
that LessonPage.body uses."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.blocks import HelpBoxBlock, KeyMessageBlock, RichTextBlock

from . import pictograms

VIDEO_EXTENSIONS = {".mp4", ".webm"}
CAPTION_EXTENSIONS = {".vtt"}


def _extension(document):
    return PurePosixPath(document.file.name).suffix.lower() if document else ""


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=250,
        label=_("Text alternative"),
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "lessons/blocks/figure.html"
        description = _("An image with a required text alternative.")


class VideoBlock(blocks.StructBlock):
    """A video file served by this site, with captions and a transcript."""

    title = blocks.CharBlock(max_length=150, label=_("Title"))
    video = DocumentChooserBlock(
        label=_("Video file"), help_text=_("An MP4 or WebM file from the documents library.")
    )
    captions = DocumentChooserBlock(
        label=_("Captions"), help_text=_("A WebVTT (.vtt) captions file in the lesson's language.")
    )
    poster = ImageChooserBlock(required=False, label=_("Still image shown before playing"))
    transcript = RichTextBlock(
        label=_("Transcript"), help_text=_("Everything said and shown, for pupils who read instead.")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "lessons/blocks/video.html"
        description = _("A self-hosted video with captions and a transcript.")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if _extension(value["video"]) not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(_("Choose an MP4 or WebM video file."))
        if _extension(value["captions"]) not in CAPTION_EXTENSIONS:
            errors["captions"] = ValidationError(_("Choose a WebVTT (.vtt) captions file."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ExternalVideoBlock(blocks.StructBlock):
    """A video hosted elsewhere. The page loads nothing from the other site
    until the viewer asks for it; the transcript is always on the page."""

    title = blocks.CharBlock(max_length=150, label=_("Title"))
    video = EmbedBlock(label=_("Video address"), help_text=_("The address of the video page."))
    transcript = RichTextBlock(label=_("Transcript"))

    class Meta:
        icon = "globe"
        label = _("Video from another site")
        template = "lessons/blocks/external_video.html"
        description = _("Loads nothing from the other site until the viewer clicks.")


class ScenarioBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    story = RichTextBlock(
        label=_("Story"),
        help_text=_("Fictional characters; stop at the moment of choice."),
    )
    question = blocks.CharBlock(
        max_length=200, label=_("Question"), help_text=_("E.g. “What could Noor do?”")
    )
    options = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("Option")),
        min_num=0,
        max_num=6,
        label=_("Possible choices to weigh"),
    )

    class Meta:
        icon = "user"
        label = _("Scenario")
        template = "lessons/blocks/scenario.html"
        preview_value = {
            "title": "Noor and the class group chat",
            "story": "<p>A photo of Milan asleep on the bus lands in the class chat. People start adding laughing emojis.</p>",
            "question": "What could Noor do?",
            "options": ["Send Milan a private message", "Post something to change the subject"],
        }
        description = _("A short story that stops at a choice: what could they do?")


class DiscussionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250, label=_("Question"))
    hint = blocks.CharBlock(
        required=False, max_length=250, label=_("Prompt"), help_text=_("Helps pupils get started.")
    )

    class Meta:
        icon = "comment"
        label = _("Discussion question")
        template = "lessons/blocks/discussion.html"
        preview_value = {
            "question": "Why might someone forward a photo without thinking about the person in it?",
            "hint": "Think about the group, and about how fast a chat moves.",
        }
        description = _("A question for the class to talk about.")


class QuizPointerBlock(blocks.StructBlock):
    """Marks where the lesson's quiz questions come in: a pointer in the lesson,
    the questions themselves in presenter mode and in a live session."""

    first = blocks.IntegerBlock(min_value=1, max_value=20, label=_("From question"))
    last = blocks.IntegerBlock(min_value=1, max_value=20, label=_("To question"))

    class Meta:
        icon = "list-ol"
        label = _("Quiz questions here")
        template = "lessons/blocks/quiz_questions.html"
        description = _("Where the class answers some of the lesson's quiz questions.")

    def clean(self, value):
        value = super().clean(value)
        if value["first"] and value["last"] and value["first"] > value["last"]:
            raise StructBlockValidationError(
                block_errors={"last": ValidationError(_("The last question cannot come before the first."))}
            )
        return value


class LessonBodyBlock(blocks.StreamBlock):
    text = RichTextBlock()
    image = FigureBlock()
    video = VideoBlock()
    external_video = ExternalVideoBlock()
    key_message = KeyMessageBlock()
    scenario = ScenarioBlock()
    discussion = DiscussionBlock()
    quiz_questions = QuizPointerBlock()
    help = HelpBoxBlock()


# --- the easy-read version --------------------------------------------------


class EasyReadLineBlock(blocks.StructBlock):
    picture = blocks.ChoiceBlock(
        choices=pictograms.choices, required=False, label=_("Pictogram"),
        help_text=_("Optional: a pictogram shown beside the line."),
    )
    text = blocks.CharBlock(max_length=200, label=_("Line"), help_text=_("One short sentence with one idea."))

    class Meta:
        icon = "minus"
        label = _("Line")


class EasyReadSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80, label=_("Heading"))
    lines = blocks.ListBlock(EasyReadLineBlock(), min_num=1, max_num=10, label=_("Lines"))

    class Meta:
        icon = "list-ul"
        label = _("Section")
        template = "lessons/blocks/easy_read_section.html"
        preview_value = {
            "heading": "Your photo, your say",
            "lines": [
                {"picture": "picture", "text": "A photo of you is a bit of you."},
                {"picture": "ask", "text": "So people ask you first."},
                {"picture": "", "text": "You can say yes or no."},
            ],
        }
        description = _("A heading and short lines, one idea a line, with pictograms.")


class EasyReadQuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label=_("Question"))

    class Meta:
        icon = "comment"
        label = _("Question to talk about")
        template = "lessons/blocks/easy_read_question.html"
        preview_value = {"text": "How do you feel when someone posts a photo of you?"}
        description = _("A short question for the class to talk about.")


class EasyReadBodyBlock(blocks.StreamBlock):
    """The easy-read version of a lesson. Easy Read, FALC and Makkelijk lezen put
    what matters most first, so it opens with the key message and the help box."""

    key_message = KeyMessageBlock()
    help = HelpBoxBlock()
    section = EasyReadSectionBlock()
    question = EasyReadQuestionBlock()

    OPENING = {"key_message", "help"}

    def clean(self, value):
        value = super().clean(value)
        if value and {child.block_type for child in list(value)[:2]} != self.OPENING:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ValidationError(
                    _("Start the easy-read version with the key message and the get-help box, "
                      "so a pupil reads what matters most and where to find help first.")
                )
            )
        return value

    @staticmethod
    def texts(value):
        """The sentences a pupil reads (not the headings), for the readability check."""
        for child in value:
            if child.block_type == "section":
                yield from (line["text"] for line in child.value["lines"])
            elif child.block_type in ("key_message", "question", "help"):
                yield child.value["text"] or ""

    @staticmethod
    def pictogram_names(value):
        names = [line["picture"] for child in value if child.block_type == "section"
                 for line in child.value["lines"] if line["picture"]]
        return list(dict.fromkeys(names))


# --- teacher guides -------------------------------------------------------------


class LessonStepBlock(blocks.StructBlock):
    minutes = blocks.IntegerBlock(min_value=1, max_value=120, label=_("Minutes"))
    activity = blocks.CharBlock(max_length=120, label=_("Activity"))
    description = RichTextBlock(label=_("What the class does"))
    notes = blocks.TextBlock(required=False, max_length=800, label=_("Teacher notes"))

    class Meta:
        icon = "time"
        label = _("Step")
        template = "lessons/blocks/lesson_step.html"


class LessonPlanBlock(blocks.StreamBlock):
    step = LessonStepBlock()

    class Meta:
        min_num = 1


class DiscussionPromptBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250, label=_("Question"))
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=250, label=_("Point")),
        min_num=1,
        label=_("Points you hope to hear"),
    )

    class Meta:
        icon = "comment"
        label = _("Discussion prompt")
        template = "lessons/blocks/discussion_prompt.html"


class CurriculumLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150, label=_("Curriculum"))
    url = blocks.URLBlock(label=_("Web address"))
    note = blocks.CharBlock(required=False, max_length=250, label=_("How this lesson fits"))

    class Meta:
        icon = "link"
        label = _("Curriculum link")
