"""Evidence photos on a phone over a slow connection (issue 15, finding 7): a large photo is made
as small as the server keeps it before it leaves the browser, a progress bar shows how far the
upload is, and Cancel stops it without losing what was typed."""

import contextlib
import io
import os
import re

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from certification.assessments import services
from certification.models import ControlPoint, EvidencePhoto
from tests.factories import MembershipFactory
from tests.factories.accounts import PASSWORD
from tests.factories.checklists import assessment_for, globalgap_dict, version_from_dict

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

KB = 1024


def large_photo() -> bytes:
    """A 3000 x 2000 JPEG of fine grain over a gradient: over 2 MB, as a phone's photo is."""
    size = (3000, 2000)
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    grain = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    out = io.BytesIO()
    Image.blend(gradient, grain, 0.12).save(out, "JPEG", quality=95)
    data = out.getvalue()
    assert len(data) > 2 * 1024 * KB
    return data


@pytest.fixture
def section_page(live_server, phone, monkeypatch):
    """A manager signed in on the section of AF.2, and the sizes of the photos the server got."""
    manager = MembershipFactory(role="manager").user
    version = version_from_dict(globalgap_dict(minors=3))
    assessment = assessment_for(cooperative=manager.memberships.get().cooperative,
                                version=version, user=manager, profile={"greenhouse": False})
    point = ControlPoint.objects.get(section__version=version, code="AF.2")
    received = []
    add = services.evidence_add

    def recording(*, upload, **kwargs):
        received.append(upload.size)
        return add(upload=upload, **kwargs)

    monkeypatch.setattr(services, "evidence_add", recording)
    page = phone
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", manager.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))
    page.goto(live_server.url + reverse("readiness:section",
                                        args=[assessment.pk, point.section_id]))
    card = page.locator(f"#p{point.pk}")
    details = card.locator("details.point__more")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return page, card, point, received


def test_a_large_photo_is_made_small_before_it_is_sent_with_a_progress_bar(section_page,
                                                                           screenshot):
    page, card, point, received = section_page
    # About 400 kbit/s up, as on 3G in the hills: the upload lasts long enough to be seen.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 150, "downloadThroughput": 100_000,
        "uploadThroughput": 50_000})

    card.locator("textarea[name$='-note']").fill("Kho phân bón, ảnh chụp sáng nay.")
    card.locator("input[type=file]").set_input_files(
        {"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": large_photo()})

    progress = card.locator("[data-upload] progress")
    expect(progress).to_be_visible()
    expect(card.locator(".upload-progress__text")).to_have_text(re.compile(r"^\d+%$"))
    expect(card.get_by_role("button", name=re.compile("Hủy|Cancel"))).to_be_visible()
    card.locator("[data-upload]").scroll_into_view_if_needed()
    screenshot(page, "photo-upload-progress-360", full_page=False)
    page.screenshot(path="/tmp/photo-upload-progress-360.png")

    expect(card.locator("[data-thumbs] img")).to_have_count(1, timeout=60_000)
    expect(progress).to_be_hidden()
    assert len(received) == 1 and received[0] < 400 * KB, received
    photo = EvidencePhoto.objects.get(answer__control_point=point)
    assert max(photo.width, photo.height) == 1600
    thumb = card.locator("[data-thumbs] img")
    assert thumb.get_attribute("src").endswith(f"/photos/{photo.pk}/thumbnail/")
    expect(card.locator("textarea[name$='-note']")).to_have_value(
        "Kho phân bón, ảnh chụp sáng nay.")


def test_cancel_stops_the_upload_and_keeps_what_was_typed(section_page):
    page, card, point, received = section_page
    held = []
    # The upload is held in the network until the test lets it go: it is still on its way.
    page.route(re.compile(rf"/points/{point.pk}/photos/$"), lambda route: held.append(route))

    card.locator("textarea[name$='-note']").fill("Chưa chụp được biển báo.")
    card.locator("input[type=file]").set_input_files(
        {"name": "IMG_2042.jpg", "mimeType": "image/jpeg", "buffer": large_photo()})
    expect(card.locator("[data-upload] progress")).to_be_visible()
    for _ in range(100):  # the photo is made smaller first, then sent
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the upload request was sent"
    card.get_by_role("button", name=re.compile("Hủy|Cancel")).click()

    expect(card.locator("[data-status]")).to_contain_text(
        re.compile("Đã hủy|Upload cancelled"))
    expect(card.locator("[data-upload]")).to_be_hidden()
    # The page has aborted its request; the browser's network service drops the intercepted
    # one a moment later (letting it go at once raced that, and it reached the server).
    page.wait_for_timeout(500)
    for route in held:  # too late now: the browser has dropped the request
        with contextlib.suppress(PlaywrightError):
            route.continue_()
    page.wait_for_timeout(500)
    assert received == [] and not EvidencePhoto.objects.exists()
    assert card.locator("input[type=file]").evaluate("input => input.files.length") == 0
    expect(card.locator("textarea[name$='-note']")).to_have_value("Chưa chụp được biển báo.")
    expect(card.locator("input[type=file]")).to_be_enabled()
