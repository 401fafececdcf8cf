"""Lesson blocks: what editors may put in a lesson, and how it renders."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from lessons.blocks import ExternalVideoBlock, FigureBlock, LessonBodyBlock, VideoBlock

pytestmark = pytest.mark.django_db


def document(name):
    doc = Document(title=name)
    doc.file.save(name, ContentFile(b"WEBVTT\n" if name.endswith(".vtt") else b"\x00"), save=False)
    doc.save()
    return doc


def video_value(video_name, captions_name):
    block = VideoBlock()
    return block, block.to_python(
        {
            "title": "A short film",
            "video": document(video_name).pk,
            "captions": document(captions_name).pk,
            "poster": None,
            "transcript": "<p>Everything that is said.</p>",
        }
    )


def test_video_with_mp4_and_webvtt_captions_is_accepted():
    block, value = video_value("film.mp4", "film.vtt")
    block.clean(value)


def test_video_must_be_a_video_file():
    block, value = video_value("film.pdf", "film.vtt")
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "video" in error.value.block_errors


def test_video_captions_must_be_webvtt():
    block, value = video_value("film.webm", "film.srt.txt")
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "captions" in error.value.block_errors


def test_video_renders_captions_and_a_transcript():
    block, value = video_value("film.mp4", "film.vtt")
    html = block.render(value)
    assert '<track kind="captions"' in html
    assert "Everything that is said." in html


def test_video_transcript_is_required():
    assert VideoBlock().child_blocks["transcript"].required


def test_image_text_alternative_is_required():
    assert FigureBlock().child_blocks["alt_text"].required


def test_external_video_loads_nothing_until_the_viewer_asks(monkeypatch):
    from wagtail.embeds.blocks import EmbedValue

    monkeypatch.setattr(EmbedValue, "html", property(lambda self: '<iframe src="https://video.example/embed/1"></iframe>'))
    block = ExternalVideoBlock()
    value = block.to_python({"title": "Film", "video": "https://video.example/watch/1", "transcript": "<p>Words.</p>"})
    html = block.render(value)
    before_template, inside_template = html.split("<template", 1)
    assert "<iframe" not in before_template
    assert "<iframe" in inside_template
    assert 'href="https://video.example/watch/1"' in before_template
    assert "Words." in html


def test_lesson_body_offers_the_teaching_blocks_and_no_raw_html():
    names = set(LessonBodyBlock.base_blocks)
    assert {"text", "image", "video", "external_video", "key_message", "scenario", "discussion", "help"} <= names
    assert "html" not in names and "raw_html" not in names


def test_every_lesson_block_has_a_template_an_icon_and_a_description():
    for name, block in LessonBodyBlock.base_blocks.items():
        assert block.meta.template, name
        assert block.meta.icon and block.meta.icon != "placeholder", name
        assert block.get_description(), name
