"""`manage.py seed_demo` publishes the courses of lms/demo/content/ once, in both languages."""

import re
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Revision

from courses.models import CoursePage, LessonPage, QuizPage
from lms.accounts.models import User
from lms.cooperatives.models import Cooperative
from lms.demo import course_files
from lms.demo.course_files import load_courses

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def seed():
    call_command("seed_demo", stdout=StringIO())


def pages_per_language():
    return {
        (model.__name__, language): model.objects.filter(locale__language_code=language).count()
        for model in (CoursePage, LessonPage, QuizPage)
        for language in ("vi", "en")
    }


def test_seeding_publishes_every_course_lesson_and_quiz_in_both_languages(debug):
    seed()
    assert pages_per_language() == {
        ("CoursePage", "vi"): 5, ("CoursePage", "en"): 5,
        ("LessonPage", "vi"): 23, ("LessonPage", "en"): 23,
        ("QuizPage", "vi"): 5, ("QuizPage", "en"): 5,
    }
    assert not Page.objects.filter(depth__gt=2, live=False).exists()


def test_seeding_twice_creates_no_duplicate_pages(debug):
    seed()
    pages, revisions = Page.objects.count(), Revision.objects.count()
    per_language = pages_per_language()
    seed()
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert pages_per_language() == per_language
    slugs = list(CoursePage.objects.filter(locale__language_code="vi").values_list("slug",
                                                                                   flat=True))
    assert sorted(slugs) == sorted(set(slugs))


def as_in_the_file(block):
    """A stored lesson block in the shape the course files give it."""
    if block.block_type == "paragraph":
        return block.value.source
    if block.block_type == "callout":
        return {"kind": block.value["kind"], "text": block.value["text"].source}
    if block.block_type == "table":
        header, *rows = block.value["data"]
        return {"caption": block.value["table_caption"], "header": header, "rows": rows}
    return block.value


def test_the_seeded_pages_carry_the_texts_of_the_files(debug):
    seed()
    english = Locale.objects.get(language_code="en")
    for data in load_courses():
        course = CoursePage.objects.get(slug=data["slug"], locale__language_code="vi")
        translation = course.get_translation(english)
        assert (course.title, translation.title) == (data["title"]["vi"], data["title"]["en"])
        assert [block.value for block in translation.outcomes] == data["outcomes"]["en"]
        lessons = [page.specific for page in course.get_children().type(LessonPage)]
        assert [page.slug for page in lessons] == [lesson["slug"] for lesson in data["lessons"]]
        for page, lesson in zip(lessons, data["lessons"], strict=True):
            translated = page.get_translation(english)
            assert translated.title == lesson["title"]["en"]
            for stored, language in ((page, "vi"), (translated, "en")):
                blocks = [(block.block_type, as_in_the_file(block)) for block in stored.body]
                assert blocks == lesson["body"][language], (lesson["slug"], language)


def test_a_broken_course_file_stops_seeding_before_anything_is_written(debug, tmp_path,
                                                                       monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(course_files.CONTENT, content)
    broken = content / "3-ban-san-pham-ocop-truc-tuyen" / "course.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("\n  en:", "\n  english:", 1),
                      encoding="utf-8")
    monkeypatch.setattr(course_files, "CONTENT", content)
    with pytest.raises(CommandError, match=re.escape(str(broken))):
        seed()
    assert not Cooperative.objects.exists()
    assert not User.objects.exists()
    assert not CoursePage.objects.exists()
