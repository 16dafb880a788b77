"""axe-core on a 360 px phone: the main pages of every role carry no critical or serious
violation. Closed <details> are opened first so the tables inside them are checked too."""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from certification.reports import services as report_services
from courses.models import Enrollment
from tests.certification.reports.test_report import submitted
from tests.dashboards.conftest import populate
from tests.factories import (
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    TrainerFactory,
    UserFactory,
    province,
)
from tests.factories.accounts import PASSWORD
from tests.factories.checklists import ocop_dict, version_from_dict, vietgap_dict
from tests.factories.courses import lessons_of, make_course, quiz_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BLOCKING = {"critical", "serious"}

# Violations inside Wagtail's own admin markup that no template, panel or block of ours
# causes. Each is (rule id, a selector the node's target must match), with the reason.
WAGTAIL_EXCEPTIONS: list[tuple[str, re.Pattern]] = [
    # The table block's editor is Handsontable, shipped inside wagtail.contrib.table_block:
    # its hidden clipboard textarea has no label, and its grid (class "notranslate") carries
    # an input role without a name. Both are created by its script at run time.
    ("label", re.compile(r'"#HandsontableCopyPaste"')),
    ("aria-input-field-name", re.compile(r'"\.notranslate"')),
]

MONEY = {
    "first_row_is_table_header": True, "first_col_is_header": True,
    "table_caption": "Sổ quỹ tiền mặt tháng 3",
    "data": [["Ngày", "Diễn giải", "Thu (đồng)", "Chi (đồng)", "Tồn quỹ (đồng)"],
             ["01/03", "Tồn đầu tháng", "", "", "12.500.000"],
             ["05/03", "Bán vải thiều cho thương lái", "8.400.000", "", "20.900.000"],
             ["09/03", "Mua phân bón hữu cơ", "", "3.150.000", "17.750.000"]],
}


@pytest.fixture
def axe():
    return Axe()


def check(page, axe, label: str, exceptions=()) -> list[str]:
    """The blocking violations axe finds on the page, one line per node."""
    # Colours are measured as drawn: a message still fading in would read as low contrast.
    page.wait_for_function("""() => document.getAnimations().every((animation) =>
        animation.effect?.getTiming().iterations === Infinity
        || ["finished", "idle"].includes(animation.playState))""")
    closed = page.evaluate_handle("""() => {
        const closed = [...document.querySelectorAll('details:not([open])')];
        closed.forEach((d) => { d.open = true; });
        return closed;
    }""")
    results = axe.run(page).response
    closed.evaluate("(closed) => closed.forEach((d) => { d.open = false; })")
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"]:
            target = json.dumps(node["target"], ensure_ascii=False)
            if any(rule == violation["id"] and pattern.search(target)
                   for rule, pattern in exceptions):
                continue
            found.append(f"{label}: [{violation['impact']}] {violation['id']} "
                         f"({violation['help']}) at {target}")
    return found


def visit(page, axe, url: str, label: str, exceptions=()) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("load")
    return check(page, axe, label, exceptions)


def phone_page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="vi-VN",
                                  reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(20_000)
    return context, page


def sign_in(page, base_url, user, next_url="/"):
    page.goto(f"{base_url}/accounts/login/?next={next_url}")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("load")
    assert "/accounts/login/" not in page.url


def accounting_course():
    """A course whose lesson holds a worked cash book: money columns that scroll sideways."""
    course = make_course(lessons=1, category_slug="accounting")
    lesson = lessons_of(course)[0]
    lesson.body = json.dumps([{"type": "heading", "value": "Ghi sổ quỹ"},
                              {"type": "paragraph", "value": "<p>Ví dụ sổ quỹ tháng 3.</p>"},
                              {"type": "table", "value": MONEY}])
    lesson.save_revision().publish()
    return course


def test_the_public_pages_have_no_serious_violation(live_server, browser, axe):
    context, page = phone_page(browser)
    make_course(lessons=1)
    base = live_server.url
    found = []
    found += visit(page, axe, f"{base}/", "home")
    found += visit(page, axe, f"{base}/accounts/login/", "login")
    found += visit(page, axe, f"{base}/accounts/signup/", "sign-up")
    found += visit(page, axe, f"{base}/learning/catalog/", "catalog")
    found += visit(page, axe, f"{base}/verify/", "verify")
    context.close()
    assert not found, "\n".join(found)


def test_the_learner_pages_have_no_serious_violation(live_server, browser, axe):
    learner = UserFactory()
    course = accounting_course()
    context, page = phone_page(browser)
    base = live_server.url
    sign_in(page, base, learner)
    found = visit(page, axe, f"{base}{course.url}", "course")
    page.locator("button[name=action][value=enroll]").click()
    page.wait_for_url(re.compile(r"/bai-1/$"))
    # The money columns are wider than the phone: their box scrolls, named and focusable.
    box = page.locator(".lesson .table-scroll")
    assert box.evaluate("(el) => el.scrollWidth > el.clientWidth")
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    assert "Sổ quỹ tiền mặt tháng 3" in box.get_attribute("aria-label")
    found += check(page, axe, "lesson")
    found += visit(page, axe, f"{base}{quiz_of(course).url}", "quiz")
    found += visit(page, axe, f"{base}/learning/", "my learning")
    context.close()
    assert not found, "\n".join(found)


def test_the_manager_pages_have_no_serious_violation(live_server, browser, axe, monkeypatch):
    # The report's PDFs are not what is checked here; WeasyPrint would only slow the test.
    monkeypatch.setattr(report_services, "_enqueue_after_submit", lambda *args, **kwargs: None)
    cooperative = CooperativeFactory(name="Hợp tác xã Vải thiều Phượng Sơn")
    manager = MembershipFactory(cooperative=cooperative, role="manager").user
    MembershipFactory(cooperative=cooperative)
    version = version_from_dict(vietgap_dict(points=4))
    report = submitted(version, cooperative, manager)
    context, page = phone_page(browser)
    base = live_server.url
    sign_in(page, base, manager)
    found = []
    found += visit(page, axe, f"{base}/cooperatives/", "my cooperatives")
    found += visit(page, axe, f"{base}/cooperatives/{cooperative.pk}/", "cooperative")
    found += visit(page, axe, f"{base}/readiness/{report.assessment_id}/", "assessment")
    found += visit(page, axe, f"{base}/readiness/{report.assessment_id}/report/", "report")
    context.close()
    assert not found, "\n".join(found)


def test_the_trainer_pages_have_no_serious_violation(live_server, browser, axe):
    trainer = TrainerFactory()
    course = accounting_course()
    course.trainer = course.owner = trainer
    course.save_revision().publish()
    learner = UserFactory()
    Enrollment.objects.create(user=learner, course=course, course_key=course.translation_key)
    context, page = phone_page(browser)
    base = live_server.url
    sign_in(page, base, trainer, "/admin/")
    found = check(page, axe, "admin dashboard", WAGTAIL_EXCEPTIONS)
    found += visit(page, axe, f"{base}{reverse('courses_learners')}", "my learners",
                   WAGTAIL_EXCEPTIONS)
    found += visit(page, axe, f"{base}/admin/pages/{course.pk}/edit/", "course editor",
                   WAGTAIL_EXCEPTIONS)
    lesson = lessons_of(course)[0]
    found += visit(page, axe, f"{base}/admin/pages/{lesson.pk}/edit/", "lesson editor",
                   WAGTAIL_EXCEPTIONS)
    context.close()
    assert not found, "\n".join(found)


def test_the_officer_pages_have_no_serious_violation(live_server, browser, axe):
    courses = [make_course(lessons=1, quiz=False, category_slug=slug)
               for slug in ("management", "accounting")]
    cooperatives = populate(3, courses=courses,
                            vietgap=version_from_dict(vietgap_dict(points=2)),
                            ocop=version_from_dict(ocop_dict()))
    officer = OfficerFactory(provinces=[province("Bắc Ninh")])
    context, page = phone_page(browser)
    base = live_server.url
    sign_in(page, base, officer, "/dashboard/")
    found = check(page, axe, "dashboard")
    found += visit(page, axe, f"{base}/dashboard/cooperatives/", "cooperative list")
    found += visit(page, axe, f"{base}/dashboard/cooperatives/{cooperatives[0].pk}/",
                   "cooperative")
    context.close()
    assert not found, "\n".join(found)


def test_the_check_reports_a_scroll_box_the_keyboard_cannot_reach(live_server, browser, axe):
    """The test itself: a wide table in a plain scrolling box is reported."""
    context, page = phone_page(browser)
    page.goto(f"{live_server.url}/verify/")
    page.evaluate("""() => {
        const box = document.createElement('div');
        box.style.overflowX = 'auto';
        box.innerHTML = '<p style="white-space: nowrap">' +
            'Ngày 05/03 · Bán vải thiều cho thương lái · Thu 8.400.000 · Tồn quỹ 20.900.000</p>';
        document.querySelector('main').append(box);
    }""")
    found = check(page, axe, "verify")
    context.close()
    assert any("scrollable-region-focusable" in line for line in found)
