"""The Content-Security-Policy in Chromium: the main pages and the admin's page editor (with its
preview) work under it, and the browser reports no violation. Short on purpose: it visits
pages and uses each page's script once (autosave, photo upload, the confirm button); the
journeys themselves are tested elsewhere."""

import io
import json
import re

import pytest
from PIL import Image
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from courses.models import LessonPage
from tests.factories import CooperativeFactory, MembershipFactory, OfficerFactory
from tests.factories.accounts import PASSWORD
from tests.factories.checklists import version_from_dict, vietgap_dict
from tests.factories.courses import lessons_of, make_course, quiz_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIDEO_URL = "https://www.youtube.com/watch?v=csp-test"
VIDEO_FRAME = "https://www.youtube-nocookie.com/embed/csp-test"
# Reported by the page itself, in case a violation does not reach the console.
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", function (e) {
  console.error("Content Security Policy violation: " + e.violatedDirective + " "
                + e.blockedURI + " in " + e.documentURI);
});"""


def lesson_with_a_video(course) -> LessonPage:
    lesson = lessons_of(course)[0]
    lesson.body = json.dumps([{"type": "video", "value": VIDEO_URL},
                              {"type": "paragraph", "value": "<p>Xem video rồi đọc tiếp.</p>"}])
    lesson.save_revision().publish()
    # The embed as Wagtail stores it after asking YouTube: no network in tests.
    Embed.objects.create(
        url=VIDEO_URL, max_width=720, hash=get_embed_hash(VIDEO_URL, 720), type="video",
        html=f'<iframe width="560" height="315" src="{VIDEO_FRAME}" title="Video" '
             'allowfullscreen></iframe>',
        title="Video", width=560, height=315)
    return lesson


def photo_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (40, 120, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_the_main_pages_and_the_page_editor_raise_no_csp_violation(live_server, browser):
    cooperative = CooperativeFactory()
    person = OfficerFactory(provinces=[cooperative.province], is_staff=True, is_superuser=True)
    MembershipFactory(user=person, cooperative=cooperative, role="manager")
    course = make_course(lessons=1)
    lesson = lesson_with_a_video(course)
    version_from_dict(vietgap_dict(points=2))

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_init_script(REPORT_VIOLATIONS)
    # The video frame is answered here: the test reaches no outside address.
    context.route(re.compile(r"^https://"), lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!DOCTYPE html><title>video</title>"))
    page = context.new_page()
    page.set_default_timeout(20_000)
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    base = live_server.url

    page.goto(f"{base}/")
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", person.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))

    page.goto(f"{base}/learning/catalog/")
    page.goto(f"{base}{course.url}")
    page.locator("button[name=action][value=enroll]").click()
    page.wait_for_url(re.compile(r"/bai-1/$"))
    page.locator(f"iframe[src='{VIDEO_FRAME}']").wait_for()
    assert page.frame(url=VIDEO_FRAME) is not None  # the video frame was allowed to load
    page.goto(f"{base}{quiz_of(course).url}")
    page.locator("form.quiz").wait_for()

    # The readiness form: autosave of an answer and a photo upload, both by fetch().
    page.goto(f"{base}/readiness/")
    page.locator("input[name=standard][value='vietgap-test']").check()
    page.get_by_role("button", name=re.compile("Bắt đầu|Start")).click()
    page.wait_for_url(re.compile(r"/readiness/\d+/$"))  # the overview (no profile here)
    page.locator("main a[href*='/sections/']").first.click()
    page.wait_for_url(re.compile(r"/readiness/\d+/sections/\d+/$"))
    card = page.locator("article[data-point]").first
    with page.expect_response(lambda r: "/points/" in r.url and r.request.method == "POST"):
        card.locator("input[type=radio][value=compliant]").check()
    card.locator("input[type=file]").set_input_files(
        {"name": "ruong.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()})
    card.locator("[data-thumbs] img").first.wait_for(state="attached")  # uploaded

    page.goto(f"{base}/dashboard/")
    page.locator("figure.chart svg").first.wait_for()
    page.goto(f"{base}/accounts/email/")  # its confirm script, moved to a static file
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.locator("button[name=action_remove]").click()
    assert dialogs and "?" in dialogs[0]

    # The admin's page editor, and its preview in an iframe of the admin itself.
    page.goto(f"{base}/admin/pages/{lesson.pk}/edit/")
    page.locator("#id_title").wait_for()
    page.locator("[data-side-panel-toggle='preview']").first.click()
    preview = page.frame_locator("iframe#w-preview-iframe, iframe[data-w-preview-target]").first
    preview.locator(".lesson__video iframe").wait_for()  # the preview shows the lesson

    page.wait_for_timeout(300)  # let late reports arrive
    context.close()
    assert violations == []
