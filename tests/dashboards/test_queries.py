"""The number of queries of each dashboard page does not grow with the data: the same page is
opened over 2 and over 20 cooperatives (or members), and both must run the pinned count."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.dashboards.conftest import enroll, populate, submitted_report
from tests.factories import CooperativeFactory, MembershipFactory, OfficerFactory, province
from tests.factories.checklists import ocop_dict, version_from_dict, vietgap_dict
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db

# Each count includes queries that are not the page's own: the user (1; the session is read from
# the cache after the first view), the scope (officer group, asked once per request, and scopes,
# 3) and the catalogue of courses and categories (2, on a first view only: then from the cache
# under the pages' version); the site menu's back-office links read the permissions only on a
# first view (lms/accounts/menu.py, cached), which the cold dashboard count includes (2). The
# dashboard's participation figures read the summary tables (lms/dashboards/summaries.py) in 18
# queries, one of them the time of the last refresh. Computed once per refresh of the summaries
# (lms/dashboards/overview.py): later views of the same scope and filters read them from the
# cache, leaving the page's own few queries.
DASHBOARD_QUERIES = 35  # every cache empty (with the site, for the page cache, and the menu)
DASHBOARD_CACHED_QUERIES = 7
COOPERATIVE_LIST_QUERIES = 13
COOPERATIVE_PAGE_QUERIES = 15
LEARNER_PAGE_QUERIES = 9


@pytest.fixture
def world(db):
    courses = [make_course(lessons=2, quiz=True, category_slug=slug)
               for slug in ("management", "accounting")]
    return {"courses": courses, "vietgap": version_from_dict(vietgap_dict(points=2)),
            "ocop": version_from_dict(ocop_dict())}


def count_queries(client, url, *, second_visit=True) -> int:
    """Queries of the second visit: the first one also creates Wagtail's user profile."""
    if second_visit:
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", [2, 20])
def test_the_dashboard_runs_the_same_queries_for_2_or_20_cooperatives(client, world, size):
    populate(size, **world)
    officer = OfficerFactory(provinces=[province("Bắc Ninh")])
    client.force_login(officer)

    filtered = reverse("dashboards:home") + (
        f"?date_from=2020-01-01&sector=crop&province={province('Bắc Ninh').pk}"
        f"&course={world['courses'][0].translation_key}")
    for url in (reverse("dashboards:home"), filtered):
        client.get(url)  # creates Wagtail's user profile
        cache.clear()
        assert count_queries(client, url, second_visit=False) == DASHBOARD_QUERIES
        assert count_queries(client, url, second_visit=False) == DASHBOARD_CACHED_QUERIES


@pytest.mark.parametrize("size", [2, 20])
def test_the_cooperative_list_runs_the_same_queries_for_2_or_20_cooperatives(client, world,
                                                                             size):
    populate(size, **world)
    client.force_login(OfficerFactory(provinces=[province("Bắc Ninh")]))

    url = reverse("dashboards:cooperatives") + "?sort=rate&q=hop tac xa"
    assert count_queries(client, url) == COOPERATIVE_LIST_QUERIES


@pytest.mark.parametrize("size", [2, 20])
def test_the_cooperative_page_runs_the_same_queries_for_2_or_20_members(client, world, size):
    cooperative = CooperativeFactory()
    members = [MembershipFactory(cooperative=cooperative).user for _ in range(size)]
    for i, member in enumerate(members):
        for course in world["courses"]:
            enroll(member, course, on="2025-02-01",
                   completed="2025-03-01" if i % 2 else None)
    for day in ("2025-01-10", "2025-03-10"):
        submitted_report(cooperative, world["vietgap"], members[0], on=day, ready=False,
                         blocking=[("open", None)] * size)
        submitted_report(cooperative, world["ocop"], members[0], on=day, ready=True, stars=3)
    client.force_login(OfficerFactory(provinces=[cooperative.province]))

    url = reverse("dashboards:cooperative", args=[cooperative.pk])
    assert count_queries(client, url) == COOPERATIVE_PAGE_QUERIES


@pytest.mark.parametrize("courses", [1, 2])
def test_the_learner_page_runs_the_same_queries_whatever_their_courses(client, world, courses):
    member = MembershipFactory().user
    for course in world["courses"][:courses]:
        enroll(member, course, on="2025-02-01", completed="2025-03-01")
    client.force_login(OfficerFactory(provinces=[province("Bắc Ninh")]))

    url = reverse("dashboards:learner", args=[member.pk])
    assert count_queries(client, url) == LEARNER_PAGE_QUERIES
