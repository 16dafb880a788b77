"""Deleting a course in the Wagtail admin: refused while the course, one of its translations or a
course under the page has learners, on the delete page and in the bulk delete; a course without
learners is deleted; and the database refuses too, whatever deletes the page."""

import html

import pytest
from django.db import transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from courses import selectors, services
from courses.models import CourseIndexPage, CoursePage, Enrollment
from lms.accounts.models import User
from tests.factories.courses import catalog, make_course

pytestmark = pytest.mark.django_db

REFUSED_ONE = "cannot be deleted: 1 learner is enrolled in this course"
REFUSED_MANY = "Nothing was deleted: these courses have learners"
UNPUBLISH_INSTEAD = "unpublish it instead"


def admin_client(user) -> Client:
    """A signed-in admin user reading English, with the CSRF cookie the delete pages set."""
    User.objects.filter(pk=user.pk).update(preferred_language="en")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("wagtailadmin_home"))
    return client


def post(client, url, data=None):
    return client.post(url, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value,
                             **(data or {})})


def delete_url(page) -> str:
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def bulk_delete_url(*pages) -> str:
    ids = "&".join(f"id={page.pk}" for page in pages)
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + "?" + ids


def text(response) -> str:
    """What the person reads: the page's text without its markup."""
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


@pytest.fixture
def course_with_learner(learner):
    course = make_course(lessons=1)
    services.enrollment_create(user=learner, course=course)
    return course


def test_the_delete_page_of_a_course_with_learners_says_why_and_offers_to_unpublish(
    site_admin, course_with_learner
):
    response = admin_client(site_admin).get(delete_url(course_with_learner))

    assert response.status_code == 200
    page = text(response)
    assert f"Cannot be deleted {course_with_learner.title}" in page
    assert f"“{course_with_learner.title}” {REFUSED_ONE}" in page
    assert UNPUBLISH_INSTEAD in page
    assert "Yes, delete it" not in page
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[course_with_learner.pk])
    assert f'href="{unpublish}"' in response.content.decode()


def test_a_site_admin_posting_the_delete_of_a_course_with_learners_deletes_nothing(
    site_admin, learner, course_with_learner
):
    response = post(admin_client(site_admin), delete_url(course_with_learner))

    assert f"“{course_with_learner.title}” {REFUSED_ONE}" in text(response)
    assert CoursePage.objects.filter(pk=course_with_learner.pk).exists()
    assert Enrollment.objects.filter(user=learner, course=course_with_learner).exists()
    assert course_with_learner.get_children().count() == 2


def test_a_trainer_cannot_delete_their_own_course_once_it_has_learners(trainer, learner):
    # Without lessons the course is a leaf page its owner may delete in Wagtail.
    course = make_course(lessons=0, quiz=False, trainer=trainer)
    services.enrollment_create(user=learner, course=course)

    response = post(admin_client(trainer), delete_url(course))

    assert f"“{course.title}” {REFUSED_ONE}" in text(response)
    assert Enrollment.objects.filter(user=learner, course=course).exists()


def test_a_trainer_deletes_their_own_course_without_learners(trainer):
    course = make_course(lessons=0, quiz=False, trainer=trainer)

    response = post(admin_client(trainer), delete_url(course))

    assert response.status_code == 302
    assert not CoursePage.objects.filter(pk=course.pk).exists()


def test_a_site_admin_deletes_a_course_without_learners(site_admin, course_with_learner):
    empty = make_course(lessons=1)

    response = post(admin_client(site_admin), delete_url(empty))

    assert response.status_code == 302
    assert not CoursePage.objects.filter(pk=empty.pk).exists()
    assert not Page.objects.filter(path__startswith=empty.path).exists()


def test_deleting_the_catalog_is_refused_while_a_course_in_it_has_learners(
    site_admin, learner, course_with_learner
):
    empty = make_course(lessons=0, quiz=False)
    two_learners = make_course(lessons=0, quiz=False)
    for user in (learner, User.objects.create_user("hoc-vien@example.vn", full_name="Lan")):
        services.enrollment_create(user=user, course=two_learners)
    client = admin_client(site_admin)

    response = post(client, delete_url(catalog()))

    page = text(response)
    assert REFUSED_MANY in page
    assert f"“{course_with_learner.title}”: 1 learner" in page
    assert f"“{two_learners.title}”: 2 learners" in page
    assert empty.title not in page
    assert CourseIndexPage.objects.filter(pk=catalog().pk).exists()
    assert CoursePage.objects.filter(pk=empty.pk).exists()
    assert Enrollment.objects.filter(course=course_with_learner).exists()


def test_deleting_the_english_copy_of_a_course_is_refused_for_the_learners_of_the_vietnamese(
    site_admin, learner, course_with_learner
):
    english = Locale.objects.get_or_create(language_code="en")[0]
    course_with_learner.get_parent().get_parent().copy_for_translation(english)
    catalog().copy_for_translation(english)
    course_en = course_with_learner.copy_for_translation(english)
    course_en.title = "Cooperative accounting"
    course_en.save_revision().publish()

    response = post(admin_client(site_admin), delete_url(course_en))

    assert f"“Cooperative accounting” {REFUSED_ONE}" in text(response)
    assert CoursePage.objects.filter(pk=course_en.pk).exists()
    assert Enrollment.objects.filter(user=learner, course=course_with_learner).exists()


def test_the_bulk_delete_of_pages_with_a_course_with_learners_deletes_nothing(
    site_admin, learner, course_with_learner
):
    empty = make_course(lessons=0, quiz=False)
    client = admin_client(site_admin)
    url = bulk_delete_url(course_with_learner, empty)

    response = post(client, url)

    page = text(response)
    assert REFUSED_MANY in page
    assert f"“{course_with_learner.title}”: 1 learner" in page
    assert CoursePage.objects.filter(pk__in=[course_with_learner.pk, empty.pk]).count() == 2
    assert Enrollment.objects.filter(user=learner, course=course_with_learner).exists()


def test_the_bulk_delete_of_courses_without_learners_deletes_them(site_admin):
    first, second = make_course(lessons=0, quiz=False), make_course(lessons=0, quiz=False)

    response = post(admin_client(site_admin), bulk_delete_url(first, second))

    assert response.status_code == 302
    assert not CoursePage.objects.filter(pk__in=[first.pk, second.pk]).exists()


def test_the_database_refuses_to_delete_a_course_with_learners(learner, course_with_learner):
    with pytest.raises(ProtectedError), transaction.atomic():
        course_with_learner.delete()

    assert Enrollment.objects.filter(user=learner, course=course_with_learner).exists()


def test_the_courses_with_learners_under_the_catalog_are_found_in_three_queries(
    django_assert_num_queries, learner, course_with_learner
):
    make_course(lessons=0, quiz=False)
    index = catalog()

    with django_assert_num_queries(3):
        found = selectors.courses_with_learners(pages=[index])

    assert [(entry.course.pk, entry.learners) for entry in found] == [(course_with_learner.pk, 1)]
