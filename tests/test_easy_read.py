"""The easy-read version of a lesson and of its quiz: plain links, no JavaScript
needed, nothing kept about the reader, and the structure easy read asks for."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Locale

from lessons import pictograms
from lessons.blocks import EasyReadBodyBlock
from lessons.models import LessonPage
from lessons.wagtail_hooks import warn_about_readability
from quizzes.models import QuizAttempt, QuizPage
from tests.factories.quizzes import QuizPageFactory, option, scenario, single_choice, true_false

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    return LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


# --- the lesson ----------------------------------------------------------------


def test_the_lesson_links_to_its_easy_read_version_with_a_plain_link(client, lesson):
    link = soup_of(client, lesson.url).select_one("a[data-reading-mode=easy]")
    assert link["href"] == lesson.url + "easy-read/"
    assert link.get_text(" ", strip=True).startswith("Easy read")


def test_the_easy_read_version_links_back_to_the_standard_lesson(client, lesson):
    link = soup_of(client, lesson.url + "easy-read/").select_one("a[data-reading-mode=standard]")
    assert link["href"] == lesson.url


def test_the_easy_read_version_sets_no_cookie(client, lesson):
    response = client.get(lesson.url + "easy-read/")
    assert response.cookies == {}
    assert "Set-Cookie" not in response


def test_the_easy_read_version_opens_with_the_key_message_and_the_help(client, lesson):
    blocks = soup_of(client, lesson.url + "easy-read/").select("#lesson-easy-read > div")
    assert [block["class"][-1] for block in blocks[:2]] == ["block-key_message", "block-help"]


def test_each_line_is_written_beside_its_pictogram_which_screen_readers_skip(client, lesson):
    soup = soup_of(client, lesson.url + "easy-read/")
    lines = soup.select(".easy-line--pictogram")
    assert len(lines) == sum(1 for child in lesson.easy_read if child.block_type == "section"
                             for line in child.value["lines"] if line["picture"])
    for line in lines:
        assert line.svg["aria-hidden"] == "true"
        assert line.select_one(".easy-line__text").get_text(strip=True)


def test_the_easy_read_title_says_it_is_the_easy_read_version(client, lesson):
    assert soup_of(client, lesson.url + "easy-read/").title.get_text().startswith(f"{lesson.title} (easy read)")


def test_the_easy_read_version_leads_to_the_easy_read_quiz(client, lesson):
    quiz = lesson.quiz()
    button = soup_of(client, lesson.url + "easy-read/").select_one(".quiz-teaser a.button")
    assert button["href"] == quiz.url + "easy-read/"


def test_a_lesson_without_an_easy_read_version_offers_no_link_and_no_page(client, lesson):
    lesson.easy_read = []
    lesson.save_revision().publish()
    assert soup_of(client, lesson.url).select_one("a[data-reading-mode]") is None
    assert client.get(lesson.url + "easy-read/").status_code == 404


def test_the_lesson_card_offers_the_easy_read_version(client, lesson):
    module = lesson.get_parent()
    card_links = [a["href"] for a in soup_of(client, module.url).select(".lesson-card__easy a")]
    assert lesson.url + "easy-read/" in card_links


def test_the_teacher_guide_links_to_the_easy_read_version_and_the_cards(client, lesson):
    guide = lesson.guide()
    links = [a["href"] for a in soup_of(client, guide.url).select("#special-needs a")]
    assert links == [lesson.full_url + "easy-read/", lesson.full_url + "pictogram-cards/pdf/"]


def test_the_guide_says_how_to_teach_it_in_special_needs_education(client, lesson):
    section = soup_of(client, lesson.guide().url).select_one("#special-needs")
    assert "pictogram" in section.get_text().lower()


# --- what an editor may write ----------------------------------------------------


def easy_read(*types):
    values = {
        "key_message": {"text": "Ask first."},
        "help": {"heading": "", "text": "Talk to an adult.", "show_reporting_routes": True},
        "section": {"heading": "Ask", "lines": [{"picture": "ask", "text": "Ask your friend."}]},
    }
    return EasyReadBodyBlock().to_python([{"type": kind, "value": values[kind]} for kind in types])


def test_an_easy_read_version_must_open_with_the_key_message_and_the_help():
    with pytest.raises(ValidationError) as raised:
        EasyReadBodyBlock().clean(easy_read("section", "key_message", "help"))
    assert "Start the easy-read version with the key message" in str(raised.value.non_block_errors)


def test_the_help_may_come_before_the_key_message():
    assert len(EasyReadBodyBlock().clean(easy_read("help", "key_message", "section"))) == 3


def test_every_pictogram_an_editor_can_choose_has_a_label_and_a_drawing():
    assert set(pictograms.PICTOGRAMS) == {
        "phone", "picture", "stop", "ask", "trusted_adult", "helpline", "report", "group_chat", "delete",
        "not_your_fault"}
    for pictogram in pictograms.PICTOGRAMS.values():
        assert str(pictogram.label) and "<path" in pictogram.drawing or "<rect" in pictogram.drawing


# --- the quiz --------------------------------------------------------------------


def easy_option(text, easy, correct=False, option_id=None):
    value = option(text, correct, option_id=option_id)
    value["value"]["easy_text"] = easy
    return value


@pytest.fixture
def quiz(lesson):
    QuizPage.objects.child_of(lesson).delete()
    return QuizPageFactory(parent=LessonPage.objects.get(pk=lesson.pk), questions=[
        single_choice(question="Why is it a good idea to ask before you post a photo of someone?",
                      easy_question="Why do you ask first?",
                      options=[easy_option("Because they get a say", "They can say yes or no.", True, "s-right"),
                               easy_option("You never need to", "You do not need to ask.", option_id="s-wrong")]),
        true_false(question="A yes to taking a photo is a yes to posting it.",
                   easy_question="You said yes to a photo. Is that a yes to post it?"),
        scenario(story="Noor sees a photo of Milan in the class chat.", easy_story="Noor sees a photo of Milan.",
                 easy_question="What can Noor do?",
                 options=[easy_option("Message Milan privately", "Send Milan a message.", True, "c-good"),
                          easy_option("Add a laughing emoji", "Laugh at it.", option_id="c-bad")]),
    ])


def test_the_easy_read_quiz_asks_each_question_and_answer_in_its_easy_wording(client, quiz):
    soup = soup_of(client, quiz.url + "easy-read/")
    assert [legend.select_one(".question__text").get_text() for legend in soup.select("fieldset.question legend")] == [
        "Why do you ask first?", "You said yes to a photo. Is that a yes to post it?", "What can Noor do?"]
    assert soup.select_one("label[for=id_q_single_0]").get_text() == "They can say yes or no."
    assert soup.select_one(".question__story").get_text(strip=True) == "Noor sees a photo of Milan."


def test_the_standard_quiz_keeps_its_own_wording_and_links_to_easy_read(client, quiz):
    soup = soup_of(client, quiz.url)
    assert soup.select_one("legend .question__text").get_text() == (
        "Why is it a good idea to ask before you post a photo of someone?")
    assert soup.select_one("a[data-reading-mode=easy]")["href"] == quiz.url + "easy-read/"


def test_the_easy_read_quiz_sends_its_answers_to_itself(client, quiz):
    form = soup_of(client, quiz.url + "easy-read/").select_one("form[data-quiz]")
    assert form["action"] == quiz.url + "easy-read/"
    assert form["data-check-url"] == quiz.url + "check/?read=easy"


def answers(client, url):
    soup = soup_of(client, url)
    data = {tag["name"]: tag["value"] for tag in soup.select("form[data-quiz] input[type=hidden]")}
    return data | {"q_single": "s-right", "q_truefalse": "false", "q_scenario": "c-good"}


def test_answers_to_the_easy_read_quiz_count_like_any_other(client, quiz):
    response = client.post(quiz.url + "easy-read/", answers(client, quiz.url + "easy-read/"))
    attempt = QuizAttempt.objects.get(quiz=quiz)
    assert (attempt.score, attempt.max_score) == (3, 3)
    assert response["Location"] == f"{quiz.url}results/{attempt.pk}/?read=easy"


def test_the_results_of_the_easy_read_quiz_use_the_easy_wording(client, quiz):
    response = client.post(quiz.url + "easy-read/", answers(client, quiz.url + "easy-read/"))
    soup = soup_of(client, response["Location"])
    assert soup.select_one(".question-result__title").get_text(" ", strip=True).endswith("Why do you ask first?")
    assert "They can say yes or no." in soup.select_one(".question-result__answer").get_text()


def test_an_unanswered_easy_read_quiz_is_shown_again_in_easy_read(client, quiz):
    data = answers(client, quiz.url + "easy-read/")
    del data["q_single"]
    response = client.post(quiz.url + "easy-read/", data)
    assert response.status_code == 400
    assert "Why do you ask first?" in response.content.decode()


def test_checking_one_answer_of_the_easy_read_quiz_answers_in_easy_wording(client, quiz):
    response = client.post(quiz.url + "check/?read=easy", {"question": "single", "answer": "s-right"},
                           HTTP_X_CSRFTOKEN="x")
    assert "They can say yes or no." in response.json()["html"]


def test_a_quiz_with_a_question_lacking_easy_wording_has_no_easy_read_version(client, quiz):
    quiz.questions = [single_choice()]
    quiz.save_revision().publish()
    assert client.get(quiz.url + "easy-read/").status_code == 404
    assert soup_of(client, quiz.url).select_one("a[data-reading-mode]") is None


# --- the readability check in the editor -----------------------------------------


def test_the_readability_check_warns_about_a_long_sentence_in_the_lessons_language(editor_client):
    response = editor_client.post(reverse("lessons_readability"), {"language": "nl", "text": [
        "Vraag het eerst.",
        "Als iemand op een feestje een foto van je maakt en die later zonder te vragen in de groepschat "
        "van de klas zet, mag je altijd vragen om die foto weer te verwijderen."]})
    assert response.status_code == 200
    assert "1 sentence has more than 15 words" in response.content.decode()


def test_the_readability_check_refuses_an_unknown_language(editor_client):
    response = editor_client.post(reverse("lessons_readability"), {"language": "xx", "text": ["Ask first."]})
    assert response.status_code == 400


def test_the_readability_check_is_for_editors_only(client):
    response = client.post(reverse("lessons_readability"), {"language": "en", "text": ["Ask first."]})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_saving_a_hard_easy_read_version_warns_the_editor(lesson):
    long_line = ("When somebody takes a photo of you at a party and later puts it in the class group chat "
                 "without asking you first, you can ask them to delete it.")
    lesson.easy_read[2].value["lines"][0]["text"] = long_line
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    warn_about_readability(request, lesson)
    (message,) = [str(m) for m in get_messages(request)]
    assert message.startswith("The easy-read version is harder to read than easy read allows:")
    assert long_line in message


def test_the_editor_shows_the_readability_of_the_saved_easy_read_version(editor_client, lesson):
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert "Within the easy-read limits for this language." in html
    assert "words a sentence on average" in html


def test_switching_language_on_the_easy_read_version_stays_in_easy_read(client, lesson):
    french = lesson.get_translation(Locale.objects.get(language_code="fr"))
    soup = soup_of(client, lesson.url + "easy-read/")
    assert soup.select_one('link[rel=alternate][hreflang=fr]')["href"].endswith(french.url + "easy-read/")



def test_the_standard_lesson_offers_the_other_languages_standard_lesson(client, lesson):
    french = lesson.get_translation(Locale.objects.get(language_code="fr"))
    soup = soup_of(client, lesson.url)
    assert soup.select_one('link[rel=alternate][hreflang=fr]')["href"].endswith(french.url)
