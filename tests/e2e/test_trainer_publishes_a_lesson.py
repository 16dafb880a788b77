"""Journey 3 in a desktop browser: a trainer writes a lesson in the admin and publishes it."""

import re

import pytest
from wagtail.users.models import UserProfile

from courses.models import LessonPage
from tests.factories import TrainerFactory
from tests.factories.accounts import PASSWORD
from tests.factories.courses import make_course

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_trainer_creates_and_publishes_a_lesson(live_server, browser, screenshot):
    trainer = TrainerFactory(preferred_language="en")
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    course = make_course(lessons=1, quiz=False, trainer=trainer)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)

    page.goto(f"{live_server.url}/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.fill("input[name=login]", trainer.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/admin/pages/add/courses/lessonpage/"))

    page.fill("#id_title", "Ghi sổ quỹ tiền mặt")
    page.locator("[data-streamfield-stream-container] button, .c-sf-add-button").first.click()
    page.get_by_role("option", name=re.compile("^Heading")).click()
    page.locator("input[name='body-0-value']").fill("Mở sổ quỹ đầu tháng")
    screenshot(page, "admin-lesson-editor-desktop", full_page=False)
    page.locator("button.dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))

    lesson = LessonPage.objects.get(title="Ghi sổ quỹ tiền mặt")
    assert lesson.live
    assert lesson.get_parent().pk == course.pk
    assert lesson.owner == trainer
    assert lesson.body[0].value == "Mở sổ quỹ đầu tháng"
    context.close()
