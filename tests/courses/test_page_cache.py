"""What the learner pages keep in the cache (routes, the catalog, a course's outline, covers)
is shown afresh as soon as a page changes; covers are read once; a lesson read again writes
nothing."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from courses import services
from courses.models import CoursePage
from tests.factories.courses import catalog, category, lessons_of, make_course, quiz_of

pytestmark = pytest.mark.django_db


def seen(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- shown at once after a change


def test_a_course_published_after_the_catalog_was_cached_is_listed_at_once(client):
    make_course()
    seen(client, catalog().url)
    seen(client, catalog().url)

    new = make_course(live=False)
    new.title = "Kế toán hợp tác xã cho người mới"
    new.save_revision().publish()

    assert "Kế toán hợp tác xã cho người mới" in seen(client, catalog().url)


def test_a_course_unpublished_after_it_was_cached_leaves_the_catalog_and_answers_404(client):
    course = make_course()
    assert course.title in seen(client, catalog().url)
    seen(client, course.url)

    CoursePage.objects.get(pk=course.pk).unpublish()

    assert course.title not in seen(client, catalog().url)
    assert client.get(course.url).status_code == 404


def test_a_lesson_renamed_after_the_outline_was_cached_shows_its_new_title_at_once(
    client, learner
):
    course = make_course()
    services.enrollment_create(user=learner, course=course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    assert lesson.title in seen(client, course.url)
    seen(client, lessons_of(course)[1].url)

    lesson.title = "Sổ quỹ tiền mặt"
    lesson.save_revision().publish()

    assert "Sổ quỹ tiền mặt" in seen(client, course.url)
    assert "Sổ quỹ tiền mặt" in seen(client, lessons_of(course)[1].url)  # the pager


def test_a_lesson_moved_to_another_course_leaves_the_first_outline_at_once(client, learner):
    first, second = make_course(), make_course()
    services.enrollment_create(user=learner, course=first)
    client.force_login(learner)
    lesson = lessons_of(first)[0]
    lesson.title, lesson.slug = "Bài sẽ chuyển đi", "bai-chuyen-di"
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    old_url = lesson.url
    assert "Bài sẽ chuyển đi" in seen(client, first.url)
    seen(client, old_url)

    lesson.move(second, pos="last-child")

    assert "Bài sẽ chuyển đi" not in seen(client, first.url)
    # Wagtail leaves a redirect from the old address; the page is no longer served there.
    assert client.get(old_url).url == f"{second.url}bai-chuyen-di/"


def test_a_deleted_quiz_leaves_the_outline_at_once(client, learner):
    course = make_course()
    services.enrollment_create(user=learner, course=course)
    client.force_login(learner)
    quiz = quiz_of(course)
    assert quiz.title in seen(client, course.url)

    quiz.delete()

    assert quiz.title not in seen(client, course.url)


def test_a_category_renamed_after_the_catalog_was_cached_shows_its_new_name_at_once(client):
    make_course()
    seen(client, catalog().url)
    management = category("management")
    management.name = "Điều hành hợp tác xã"
    management.save()

    assert seen(client, catalog().url).count("Điều hành hợp tác xã") >= 2  # filter and card


def test_a_view_restriction_added_after_the_page_was_cached_applies_at_once(client):
    course = make_course()
    seen(client, course.url)
    seen(client, course.url)

    PageViewRestriction.objects.create(page=course,
                                       restriction_type=PageViewRestriction.LOGIN)

    response = client.get(course.url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_a_view_restriction_on_the_catalog_applies_to_its_courses(client):
    course = make_course()
    PageViewRestriction.objects.create(page=catalog(),
                                       restriction_type=PageViewRestriction.LOGIN)
    client.get(course.url)

    response = client.get(course.url)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


# --- covers read once


@pytest.fixture
def courses_with_covers(trainer):
    courses = []
    for n in range(3):
        image = Image.objects.create(title=f"Bìa {n}", uploaded_by_user=trainer,
                                     file=get_test_image_file(filename=f"bia-{n}.png"))
        course = make_course(lessons=1, quiz=False)
        course.cover_image = image
        course.save_revision().publish()
        courses.append(course)
    return courses


@pytest.fixture
def cache_writes(monkeypatch):
    """The keys written to the cache (where Wagtail keeps renditions too) from now on."""
    written = []
    backend = caches["default"]
    for name in ("set", "add", "set_many"):
        original = getattr(backend, name)

        def spy(key, *args, _original=original, **kwargs):
            written.extend(key if isinstance(key, dict) else [key])
            return _original(key, *args, **kwargs)

        monkeypatch.setattr(backend, name, spy)
    return written


def test_the_catalog_shows_each_cover_and_writes_nothing_to_the_cache_on_a_second_view(
    client, courses_with_covers, cache_writes
):
    first = seen(client, catalog().url)
    cache_writes.clear()

    second = seen(client, catalog().url)

    assert cache_writes == []
    covers = re.findall(r'<img alt="[^"]*" class="course-card__image"[^>]*src="([^"]+)"', second)
    assert len(covers) == 3
    assert covers == re.findall(r'class="course-card__image"[^>]*src="([^"]+)"', first)


def test_a_course_page_shows_its_cover_and_writes_nothing_to_the_cache_on_a_second_view(
    client, courses_with_covers, cache_writes
):
    course = courses_with_covers[0]
    seen(client, course.url)
    cache_writes.clear()

    page = seen(client, course.url)

    assert cache_writes == []
    assert re.search(r'<img alt="Bìa 0" class="course__cover" height="\d+" src="/media/images/',
                     page)


# --- a lesson read again writes nothing


def test_reading_a_lesson_again_writes_nothing(client, learner):
    course = make_course()
    services.enrollment_create(user=learner, course=course)
    client.force_login(learner)
    url = lessons_of(course)[1].url
    client.get(url)

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200

    writes = [q["sql"] for q in captured
              if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))]
    assert writes == []


def test_opening_another_lesson_remembers_it_as_where_the_learner_left_off(client, learner):
    course = make_course()
    enrollment = services.enrollment_create(user=learner, course=course)
    client.force_login(learner)
    first, second = lessons_of(course)
    client.get(first.url)

    client.get(second.url)

    enrollment.refresh_from_db()
    assert enrollment.last_page_key == second.translation_key


def test_a_page_reads_the_pages_version_from_the_cache_once(client, learner, monkeypatch):
    """Site, route, restrictions, outline and covers are all keyed by the pages' version: one
    request reads it once, and the next request reads it again (a publish in between shows)."""
    from lms import pages

    course = make_course(lessons=2)
    services.enrollment_create(user=learner, course=course)
    client.force_login(learner)
    seen(client, course.url)
    reads = []
    real_get = pages.cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(pages.cache, "get", counting_get)
    seen(client, course.url)
    seen(client, course.url)

    assert reads.count(pages.VERSION_KEY) == 2
