"""The dashboard's figures are computed once per scope, filters, language and refresh of the
summaries (lms/dashboards/overview.py): officers of another scope never get them, the same
scope shares them, a refresh replaces them, and the refresh task warms each scope's landing
page. What is checked is what the officer reads on the page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.dashboards import charts, summaries
from lms.dashboards.tasks import refresh_summaries
from tests.dashboards.conftest import enroll
from tests.dashboards.test_queries import DASHBOARD_CACHED_QUERIES
from tests.factories import MembershipFactory, OfficerFactory, province

pytestmark = pytest.mark.django_db


def learners_shown(client) -> int:
    """The figure under "Learners" in the key figures, as the page prints it."""
    content = client.get(reverse("dashboards:home")).content.decode()
    match = re.search(r'kpi__label">(?:Học viên|Learners)</span>\s*'
                      r'<strong class="kpi__value">([\d.]+)</strong>', content)
    assert match, "no learners figure on the page"
    return int(match.group(1).replace(".", ""))


def test_an_officer_of_another_province_never_gets_the_figures_cached_for_the_first(
        client, bac_ninh):
    client.force_login(bac_ninh.officer)
    assert learners_shown(client) == 3  # Bắc Ninh's, now in the cache

    client.force_login(bac_ninh.other_officer)
    content = client.get(reverse("dashboards:home")).content.decode()

    assert learners_shown(client) == 1  # u5, Sơn La's only learner
    assert bac_ninh.c1.name not in content and "Phượng Sơn" not in content


def test_officers_of_the_same_province_share_the_figures_until_the_next_refresh(
        client, bac_ninh):
    colleague = OfficerFactory(provinces=[province("Bắc Ninh")])
    client.force_login(bac_ninh.officer)
    assert learners_shown(client) == 3
    newcomer = MembershipFactory(cooperative=bac_ninh.c3).user
    enroll(newcomer, bac_ninh.course_a, on="2025-04-01")

    client.force_login(colleague)
    assert learners_shown(client) == 3  # as of the last refresh, which the page states

    summaries.rebuild()
    assert learners_shown(client) == 4
    client.force_login(bac_ninh.officer)
    assert learners_shown(client) == 4


def test_the_refresh_task_warms_each_officers_landing_page(client, bac_ninh):
    client.force_login(bac_ninh.other_officer)
    client.get(reverse("dashboards:home"))  # the first view also makes Wagtail's profile
    enroll(MembershipFactory(cooperative=bac_ninh.s1).user, bac_ninh.course_b, on="2025-04-02")

    refresh_summaries.delay()
    with CaptureQueriesContext(connection) as queries:
        shown = learners_shown(client)

    assert shown == 2
    assert len(queries) == DASHBOARD_CACHED_QUERIES


def test_the_ocop_standards_stars_are_one_panel_with_one_row_per_standard(client, bac_ninh):
    client.force_login(bac_ninh.officer)

    content = client.get(reverse("dashboards:home")).content.decode()

    panel = content[content.index('id="stars-title"'):]
    panel = panel[:panel.index("</section>")]
    assert ">Hạng sao dự kiến OCOP</h2>" in panel
    table = panel[panel.index("<table"):]
    header = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', table)
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table)
    assert len(header) == 6  # the standard, then one to five stars
    assert [(name, re.findall(r'<td class="num">(\d+)</td>', cells)) for name, cells in rows] \
        == [(bac_ninh.ocop.standard.name, ["0", "1", "1", "0", "0"])]
    assert content.count('id="stars-title') == 1


def test_the_charts_share_one_style_element_and_keep_only_their_colours(client, bac_ninh):
    client.force_login(bac_ninh.officer)

    content = client.get(reverse("dashboards:home")).content.decode()

    shared = charts.shared_css()
    assert content.count(str(shared)) == 1
    assert "&gt;" not in shared and ".graph > .background" in shared
    svgs = re.findall(r"<svg[^>]*pygal-chart.*?</svg>", content, re.DOTALL)
    assert len(svgs) >= 5
    for svg in svgs:
        own = re.search(r"<style[^>]*>(.*?)</style>", svg, re.DOTALL).group(1)
        rules = re.findall(r"([^{}]+)\{[^{}]*\}", own)
        assert rules and all(".color-" in selector for selector in rules), own[:200]
        assert "<desc" not in svg  # the data of pygal's tooltip script, which is not sent
        assert not re.search(r'="[^"]*\d\.\d\d', svg)  # coordinates to a tenth


def test_cached_panels_carry_each_responses_own_nonce(client, bac_ninh):
    client.force_login(bac_ninh.officer)
    client.get(reverse("dashboards:home"))  # draws the panels into the cache

    response = client.get(reverse("dashboards:home"))

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    styles = re.findall(r"<style\b[^>]*>", response.content.decode())
    assert len(styles) >= 6  # the shared rules, then each chart's colours
    assert all(f'nonce="{nonce}"' in tag and tag.count("nonce=") == 1 for tag in styles)



def test_a_course_renamed_after_the_catalogue_was_cached_is_offered_by_its_new_name(
        client, bac_ninh):
    client.force_login(bac_ninh.officer)
    client.get(reverse("dashboards:cooperatives"))  # the catalogue is now in the cache
    course = bac_ninh.course_a
    course.title = "Quản trị hợp tác xã cho người mới"
    course.save_revision().publish()

    content = client.get(reverse("dashboards:cooperatives")).content.decode()

    assert f'<option value="{course.translation_key}">Quản trị hợp tác xã cho người mới</option>' \
        in content
