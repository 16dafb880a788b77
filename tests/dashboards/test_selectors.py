"""The dashboard's figures on the hand-checked province of `conftest.bac_ninh`: every expected
number below was counted by hand from the data set's description."""

import datetime

import pytest
from django.utils import timezone, translation
from wagtail.models import Locale

from lms.dashboards import selectors
from lms.dashboards.selectors import Filters

pytestmark = pytest.mark.django_db


def figures(user, filters=None):
    scope = selectors.dashboard_scope(user)
    return selectors.dashboard(scope, filters or Filters(), selectors.catalogue())


def counts(row):
    return (row.enrollments, row.completions, row.rate)


def by_label(rows):
    return {row.label: row for row in rows}


def test_totals_count_distinct_learners_through_active_memberships(bac_ninh):
    data = figures(bac_ninh.officer)

    # C1, C2, C3 in scope; C1 and C2 reached. u1, u2, u3 (u4 is pending; u5 is in Sơn La).
    assert (data.cooperatives, data.reached) == (3, 2)
    totals = data.totals
    assert (totals.learners, totals.enrollments, totals.completions) == (3, 4, 2)
    assert totals.rate == 50.0
    assert totals.certificates == 2  # u1's and u2's for A; u3's is revoked


def test_by_course_and_category(bac_ninh):
    data = figures(bac_ninh.officer)

    courses = {row.key: row for row in data.courses}
    a = courses[str(bac_ninh.course_a.translation_key)]
    b = courses[str(bac_ninh.course_b.translation_key)]
    assert (a.label, counts(a), a.certificates, a.detail) == (
        bac_ninh.course_a.title, (2, 2, 100.0), 2, "Quản trị hợp tác xã")
    assert (b.label, counts(b), b.certificates) == (bac_ninh.course_b.title, (2, 0, 0.0), 0)
    categories = by_label(data.categories)
    assert counts(categories["Quản trị hợp tác xã"]) == (2, 2, 100.0)
    assert counts(categories["Kế toán"]) == (2, 0, 0.0)
    assert categories["Kế toán"].learners == 2


def test_a_learner_in_two_cooperatives_counts_in_each_sector_and_commune(bac_ninh):
    data = figures(bac_ninh.officer)

    sectors = {row.key: row for row in data.sectors}
    crop, livestock = sectors["crop"], sectors["livestock"]
    # Crop: C1 and C3; C1 reached; u1 and u2; u1's A and B, u2's A.
    assert (crop.cooperatives, crop.reached, crop.learners) == (2, 1, 2)
    assert counts(crop) == (3, 2, 66.7)
    # Livestock: C2; u2 (also in C1) and u3; u2's A and u3's B.
    assert (livestock.cooperatives, livestock.reached, livestock.learners) == (1, 1, 2)
    assert counts(livestock) == (2, 1, 50.0)
    assert set(sectors) == {"crop", "livestock"}

    communes = by_label(data.communes)
    assert counts(communes["Xã Phượng Sơn"]) == (3, 2, 66.7)
    assert counts(communes["Xã Đông Cứu"]) == (2, 1, 50.0)
    with translation.override("vi"):
        nowhere = communes[translation.gettext("No commune recorded")]
    assert (nowhere.cooperatives, nowhere.reached, nowhere.enrollments) == (1, 0, 0)
    assert communes["Xã Phượng Sơn"].detail == "Bắc Ninh"


def test_a_period_counts_enrollments_started_and_courses_finished_in_it(bac_ninh):
    data = figures(bac_ninh.officer, Filters(date_from=datetime.date(2025, 2, 1),
                                             date_to=datetime.date(2025, 2, 28)))

    # Started in February: u1's B (01/02), u2's A (15/02). Finished: u1's A (05/02).
    # Of February's enrollments, u2's A is completed today: 1 of 2.
    assert (data.totals.learners, data.totals.enrollments, data.totals.completions) == (2, 2, 1)
    assert data.totals.rate == 50.0
    assert data.totals.certificates == 1  # u1's, issued 05/02
    assert data.reached == 2  # C1 (u1, u2) and C2 (u2)


def test_month_by_month(bac_ninh):
    data = figures(bac_ninh.officer, Filters(date_from=datetime.date(2025, 1, 1),
                                             date_to=datetime.date(2025, 3, 31)))

    assert [(row.label, row.enrollments, row.completions) for row in data.months] == [
        ("01/2025", 1, 0), ("02/2025", 2, 1), ("03/2025", 1, 1)]


def test_without_a_period_the_trend_shows_the_last_twelve_months(bac_ninh):
    months = figures(bac_ninh.officer).months

    assert len(months) == 12
    assert months[-1].key == timezone.localdate().replace(day=1)


def test_sector_course_and_category_filters(bac_ninh):
    livestock = figures(bac_ninh.officer, Filters(sector="livestock")).totals
    assert (livestock.learners, livestock.enrollments, livestock.completions,
            livestock.certificates) == (2, 2, 1, 1)

    course_b = figures(bac_ninh.officer,
                       Filters(course_key=str(bac_ninh.course_b.translation_key))).totals
    assert (course_b.learners, course_b.enrollments, course_b.completions,
            course_b.certificates) == (2, 2, 0, 0)

    management = bac_ninh.course_a.category.translation_key
    data = figures(bac_ninh.officer, Filters(category_key=str(management)))
    assert (data.totals.enrollments, data.totals.completions, data.totals.certificates) == (
        2, 2, 2)
    assert [row.key for row in data.courses] == [str(bac_ninh.course_a.translation_key)]


def test_readiness_by_latest_verdict_distance_and_stars(bac_ninh):
    data = figures(bac_ninh.officer)

    readiness = {item.standard.code: item for item in data.readiness}
    vietgap, ocop = readiness["vietgap-test"], readiness["ocop-test"]
    assert vietgap.verdicts == {"ready": 1, "not_ready": 1, "in_progress": 1, "never": 0}
    assert vietgap.distances == {"0": 1, "1-2": 1, "3-5": 0, "6+": 0}
    assert not vietgap.is_ocop
    assert ocop.verdicts == {"ready": 1, "not_ready": 1, "in_progress": 0, "never": 1}
    assert ocop.distances == {"0": 1, "1-2": 0, "3-5": 0, "6+": 1}
    assert ocop.is_ocop
    assert ocop.stars == {1: 0, 2: 1, 3: 1, 4: 0, 5: 0}


def test_open_corrective_actions_of_the_current_plans_by_due_date(bac_ninh):
    data = figures(bac_ninh.officer)

    # C2's VietGAP action 5 days late; C2's OCOP actions: in 10 and 30 days, in 31 and 90
    # days, one without date. C1's January plan is superseded; S1 is out of scope.
    assert data.actions_by_due == {"overdue": 1, "soon": 2, "later": 2, "no_date": 1}
    assert [(row["assessment__cooperative_id"], row["open"], row["overdue"], row["blocking"],
             row["first_due"]) for row in data.follow_up] == [
        (bac_ninh.c2.pk, 6, 1, 6, timezone.localdate() - datetime.timedelta(days=5))]


def test_site_admins_see_every_province(bac_ninh, site_admin):
    data = figures(site_admin)

    assert (data.cooperatives, data.reached) == (4, 3)
    assert (data.totals.learners, data.totals.enrollments, data.totals.completions) == (4, 5, 3)
    assert data.totals.certificates == 3


def test_the_officer_of_son_la_sees_only_son_la(bac_ninh):
    data = figures(bac_ninh.other_officer)

    assert (data.cooperatives, data.reached) == (1, 1)
    assert (data.totals.learners, data.totals.enrollments, data.totals.completions) == (1, 1, 1)
    assert data.actions_by_due == {"overdue": 1, "soon": 0, "later": 0, "no_date": 0}


def test_course_titles_follow_the_viewers_language(bac_ninh):
    english = bac_ninh.course_a.copy_for_translation(Locale.objects.get(language_code="en"),
                                                     copy_parents=True)
    english.title = "Cooperative management basics"
    english.save_revision().publish()

    with translation.override("en"):
        data = figures(bac_ninh.officer)
    titles = {row.key: row.label for row in data.courses}
    assert titles[str(bac_ninh.course_a.translation_key)] == "Cooperative management basics"
    with translation.override("vi"):
        data = figures(bac_ninh.officer)
    assert {row.key: row.label for row in data.courses}[
        str(bac_ninh.course_a.translation_key)] == bac_ninh.course_a.title


def test_cooperative_list_figures_and_readiness(bac_ninh):
    scope = selectors.dashboard_scope(bac_ninh.officer)
    rows = selectors.cooperatives_with_figures(
        selectors.cooperative_rows(scope, Filters(), sort="enrollments"), Filters())

    assert [(c.name, c.learners, c.enrollments, c.completions) for c in rows] == [
        (bac_ninh.c1.name, 2, 3, 2), (bac_ninh.c2.name, 2, 2, 1), (bac_ninh.c3.name, 0, 0, 0)]
    assert [c.rate for c in rows] == [66.7, 50.0, None]
    verdicts = selectors.readiness_of([c.pk for c in rows])
    vietgap, ocop = bac_ninh.vietgap.standard_id, bac_ninh.ocop.standard_id
    assert verdicts[bac_ninh.c1.pk] == {vietgap: "ready", ocop: "ready"}
    assert verdicts[bac_ninh.c2.pk] == {vietgap: "not_ready", ocop: "not_ready"}
    assert verdicts[bac_ninh.c3.pk] == {vietgap: "in_progress"}


def test_cooperative_search_ignores_accents_and_sorts_by_rate(bac_ninh):
    scope = selectors.dashboard_scope(bac_ninh.officer)

    found = selectors.cooperative_rows(scope, Filters(), query="vai thieu phuong son")
    assert [c.pk for c in found] == [bac_ninh.c1.pk]
    by_code = selectors.cooperative_rows(scope, Filters(), query=bac_ninh.c2.registration_code)
    assert [c.pk for c in by_code] == [bac_ninh.c2.pk]
    lowest = selectors.cooperative_rows(scope, Filters(), sort="rate_low")
    assert [c.pk for c in lowest] == [bac_ninh.c2.pk, bac_ninh.c1.pk, bac_ninh.c3.pk]


def test_members_of_a_cooperative_with_their_progress(bac_ninh):
    members = list(selectors.members_with_progress(bac_ninh.c1))

    assert [(m.user.full_name, m.role, m.enrollments, m.completions, m.certificates)
            for m in members] == [("Nguyễn Văn An", "manager", 2, 1, 1),
                                  ("Trần Thị Bình", "member", 1, 1, 1)]
    enrollments = selectors.enrollments_by_user([bac_ninh.u1.pk], selectors.catalogue())
    assert sorted((e.title, e.percent) for e in enrollments[bac_ninh.u1.pk]) == sorted([
        (bac_ninh.course_a.title, 100), (bac_ninh.course_b.title, 0)])


def test_a_period_in_the_future_shows_nothing_and_breaks_nothing(bac_ninh):
    future = timezone.localdate() + datetime.timedelta(days=60)
    data = figures(bac_ninh.officer, Filters(date_from=future))

    assert (data.totals.enrollments, data.months) == (0, [])
