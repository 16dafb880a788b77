"""Who may open each dashboard page, and what an officer sees: only their scope, through every
page, filter and export (checked on the content, not only on the status)."""

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation

from lms.dashboards.exports import TABLES
from lms.exports.models import Export
from tests.factories import MembershipFactory, OfficerFactory, TrainerFactory, UserFactory, province

pytestmark = pytest.mark.django_db

HIDDEN = ("Mộc Châu", "Sơn La")  # S1's name, its province and u5's name all contain one


def export_url(table, fmt="csv", query=""):
    return reverse("dashboards:export", kwargs={"table": table, "fmt": fmt}) + query


def text_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def urls(data):
    return {
        "dashboard": reverse("dashboards:home"),
        "list": reverse("dashboards:cooperatives"),
        "cooperative": reverse("dashboards:cooperative", args=[data.c1.pk]),
        "learner": reverse("dashboards:learner", args=[data.u1.pk]),
        "summary": export_url("summary"),
        "cooperatives": export_url("cooperatives", "xlsx"),
        "members": export_url("members", query=f"?cooperative={data.c1.pk}"),
    }


IN_SCOPE_ONLY = {"cooperative", "learner", "members"}


@pytest.mark.parametrize("role", ["anonymous", "learner", "manager", "trainer",
                                  "officer without scope", "officer in scope",
                                  "officer of another province", "site admin"])
def test_every_page_answers_each_role(client, bac_ninh, role):
    users = {
        "learner": UserFactory(),
        "manager": bac_ninh.u1,  # manager of C1
        "trainer": TrainerFactory(),
        "officer without scope": OfficerFactory(),
        "officer in scope": bac_ninh.officer,
        "officer of another province": bac_ninh.other_officer,
        "site admin": UserFactory(is_superuser=True, is_staff=True),
    }
    if role != "anonymous":
        client.force_login(users[role])

    for name, url in urls(bac_ninh).items():
        response = client.get(url)
        if role == "anonymous":
            expected = 302
        elif role in ("learner", "manager", "trainer", "officer without scope"):
            expected = 403
        elif role == "officer of another province" and name in IN_SCOPE_ONLY:
            expected = 404
        else:
            expected = 200
        assert response.status_code == expected, (role, name)
        if expected == 302:
            assert response["Location"].startswith(reverse("account_login"))


def test_an_officer_without_scope_is_told_why(client, bac_ninh):
    client.force_login(OfficerFactory())

    response = client.get(reverse("dashboards:home"))

    assert response.status_code == 403
    with translation.override("vi"):  # the officer's language
        expected = translation.gettext(
            "You are a union officer, but no province or cooperative union has been assigned "
            "to you yet, so there is nothing to show.")
    assert expected in response.content.decode()


def test_the_dashboard_shows_the_officers_province_only(client, bac_ninh):
    client.force_login(bac_ninh.officer)

    response = client.get(reverse("dashboards:home"))

    content = response.content.decode()
    assert "Bắc Ninh" in content
    assert not any(hidden in content for hidden in HIDDEN)
    assert response.context["data"].totals.learners == 3


def test_a_province_outside_the_scope_in_the_query_string_widens_nothing(client, bac_ninh):
    client.force_login(bac_ninh.officer)
    son_la = province("Sơn La").pk

    response = client.get(reverse("dashboards:home") + f"?province={son_la}")

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["province"]
    assert not any(hidden in content for hidden in HIDDEN)
    assert response.context["data"].totals.learners == 3
    assert response.context["data"].cooperatives == 3


def test_the_cooperative_list_with_a_foreign_province_or_name_finds_nothing_foreign(
        client, bac_ninh):
    client.force_login(bac_ninh.officer)
    son_la = province("Sơn La").pk

    listed = client.get(reverse("dashboards:cooperatives") + f"?province={son_la}")
    searched = client.get(reverse("dashboards:cooperatives") + "?q=Chè Mộc Châu")

    assert {c.pk for c in listed.context["page"].object_list} == {
        bac_ninh.c1.pk, bac_ninh.c2.pk, bac_ninh.c3.pk}
    assert bac_ninh.s1.name not in listed.content.decode()
    assert list(searched.context["page"].object_list) == []
    assert bac_ninh.s1.name not in searched.content.decode()


def test_the_officer_of_son_la_sees_son_la_and_not_bac_ninh(client, bac_ninh):
    client.force_login(bac_ninh.other_officer)

    content = client.get(reverse("dashboards:cooperatives")).content.decode()

    assert bac_ninh.s1.name in content
    assert bac_ninh.c1.name not in content


@pytest.mark.parametrize("page", ["cooperative", "learner"])
def test_drill_down_pages_outside_the_scope_are_not_found(client, bac_ninh, page):
    client.force_login(bac_ninh.officer)

    if page == "cooperative":
        response = client.get(reverse("dashboards:cooperative", args=[bac_ninh.s1.pk]))
    else:
        response = client.get(reverse("dashboards:learner", args=[bac_ninh.u5.pk]))

    assert response.status_code == 404
    assert not any(hidden in response.content.decode() for hidden in HIDDEN)


def test_a_pending_member_is_not_a_learner_of_the_scope(client, bac_ninh):
    client.force_login(bac_ninh.officer)

    assert client.get(reverse("dashboards:learner", args=[bac_ninh.u4.pk])).status_code == 404


def test_the_cooperative_page_shows_members_readiness_and_actions(client, bac_ninh):
    client.force_login(bac_ninh.officer)

    response = client.get(reverse("dashboards:cooperative", args=[bac_ninh.c2.pk]))

    content = response.content.decode()
    assert [m.user for m in response.context["members"].object_list] == [bac_ninh.u3,
                                                                         bac_ninh.u2]
    assert bac_ninh.u4.full_name not in content  # pending
    readiness = {item.standard.code: item for item in response.context["readiness"]}
    latest = readiness["vietgap-test"].latest_submitted
    assert (latest.ready, latest.blocking, latest.open_actions) == (False, 2, 1)
    assert reverse("readiness:report", args=[latest.pk]) in content
    assert reverse("readiness:history", args=[bac_ninh.c2.pk, "vietgap-test"]) in content
    assert len(response.context["actions"]) == 6  # 1 VietGAP + 5 OCOP open
    assert response.context["figures"].enrollments == 2


def test_the_learner_page_shows_cooperatives_in_scope_only(client, bac_ninh):
    MembershipFactory(cooperative=bac_ninh.s1, user=bac_ninh.u2)
    client.force_login(bac_ninh.officer)

    response = client.get(reverse("dashboards:learner", args=[bac_ninh.u2.pk]))

    content = response.content.decode()
    assert [m.cooperative for m in response.context["memberships"]] == [bac_ninh.c2,
                                                                        bac_ninh.c1]
    assert not any(hidden in content for hidden in HIDDEN)
    assert [e.percent for e in response.context["enrollments"]] == [100]
    assert len(response.context["certificates"]) == 1


@pytest.mark.parametrize("table", sorted(set(TABLES) - {"members"}))
def test_no_export_shows_another_province_even_when_asked_for(client, bac_ninh, table):
    client.force_login(bac_ninh.officer)
    son_la = province("Sơn La").pk

    response = client.get(export_url(table, query=f"?province={son_la}&q=Mộc Châu"))

    assert response.status_code == 200
    content = text_of(response)
    assert not any(hidden in content for hidden in HIDDEN), content
    assert list(csv.reader(io.StringIO(content)))[0]  # a header row at least


@pytest.mark.parametrize("table", ["actions", "cooperatives", "learners"])
def test_no_background_export_shows_another_province_even_when_asked_for(
        client, bac_ninh, settings, table, django_capture_on_commit_callbacks):
    settings.DASHBOARD_EXPORT_STREAM_LIMIT = 0  # every list is built in the background
    client.force_login(bac_ninh.officer)
    son_la = province("Sơn La").pk

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(export_url(table, query=f"?province={son_la}"))
    job = Export.objects.get()
    assert response["Location"] == reverse("exports:detail", args=[job.pk])
    download = client.get(reverse("exports:download", args=[job.pk]))

    assert download.status_code == 200
    content = text_of(download)
    assert not any(hidden in content for hidden in HIDDEN), content
    assert list(csv.reader(io.StringIO(content)))[0]  # a header row at least


@pytest.mark.parametrize("table", ["members", "actions"])
def test_a_cooperative_export_outside_the_scope_is_not_found(client, bac_ninh, table):
    client.force_login(bac_ninh.officer)

    response = client.get(export_url(table, query=f"?cooperative={bac_ninh.s1.pk}"))

    assert response.status_code == 404


def test_an_unknown_table_is_not_found(client, bac_ninh):
    client.force_login(bac_ninh.officer)

    assert client.get("/dashboard/export/passwords.csv").status_code == 404


def test_an_officer_of_a_province_without_data_sees_zeros_and_empty_charts(client, db):
    client.force_login(OfficerFactory(provinces=[province("Lai Châu")]))

    response = client.get(reverse("dashboards:home"))

    assert response.status_code == 200
    data = response.context["data"]
    assert (data.cooperatives, data.reached, data.totals.learners, data.totals.rate) == (
        0, 0, 0, None)
    assert "Lai Châu" in response.content.decode()


def test_site_admins_see_all_provinces(client, bac_ninh, site_admin):
    client.force_login(site_admin)

    response = client.get(reverse("dashboards:home"))

    assert response.context["data"].cooperatives == 4
    assert bac_ninh.s1.name in client.get(reverse("dashboards:cooperatives")).content.decode()


def test_a_bad_or_empty_period_still_renders_the_page(client, bac_ninh):
    client.force_login(bac_ninh.officer)

    future = client.get(reverse("dashboards:home") + "?date_from=2999-01-01")
    backwards = client.get(reverse("dashboards:home") + "?date_from=2025-03-01&date_to=2025-01-01")
    garbage = client.get(reverse("dashboards:home") + "?date_from=hôm-qua&course=x&category=y")

    assert future.status_code == backwards.status_code == garbage.status_code == 200
    assert backwards.context["form"].errors["date_to"]
    assert garbage.context["data"].totals.enrollments == 4  # every bad filter left out


def test_the_cooperative_list_shows_each_cooperatives_verdict_per_standard(client, bac_ninh):
    """The row's cells follow the header's standards (ordered by code)."""
    client.force_login(bac_ninh.officer)
    content = client.get(reverse("dashboards:cooperatives")).content.decode()

    header = re.findall(r'<th scope="col">([^<]+)</th>', content)
    assert header[-2:] == [bac_ninh.ocop.standard.name, bac_ninh.vietgap.standard.name] or \
        header[-2:] == [bac_ninh.vietgap.standard.name, bac_ninh.ocop.standard.name]
    cells = {}
    for row in re.findall(r"<tr>(.*?)</tr>", content, re.DOTALL):
        name = re.search(r'<a href="[^"]+">([^<]+)</a>', row)
        if name:
            cells[name.group(1)] = re.findall(
                r'<td><span class="tag tag--([a-z_]+)">([^<]+)</span></td>', row)
    by_standard = dict(zip(header[-2:], range(2), strict=True))
    vietgap, ocop = (by_standard[bac_ninh.vietgap.standard.name],
                     by_standard[bac_ninh.ocop.standard.name])
    c1, c2, c3 = (cells[c.name] for c in (bac_ninh.c1, bac_ninh.c2, bac_ninh.c3))
    assert (c1[vietgap][0], c1[ocop][0]) == ("ready", "ready")
    assert (c2[vietgap][0], c2[ocop][0]) == ("not_ready", "not_ready")
    assert (c3[vietgap][0], c3[ocop][0]) == ("in_progress", "never")
    assert c1[vietgap][1] == "Sẵn sàng" and c3[ocop][1] == "Chưa từng đánh giá"
