"""The participation figures cost the same number of queries over 2 or 20 cooperatives, and
none of them joins the enrollments: they read the summary tables (summaries.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.dashboards import selectors, summaries
from lms.dashboards.selectors import Filters
from tests.dashboards.conftest import populate
from tests.factories import OfficerFactory, province
from tests.factories.checklists import ocop_dict, version_from_dict, vietgap_dict
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db

# Totals 2, by course 2, by category 1, by sector 2, by commune 2, by month 2, and the time of
# the figures read once by each of them and by the page (7).
PARTICIPATION_QUERIES = 18


def participation(scope, filters, names) -> None:
    cooperatives = selectors.cooperatives_in(scope, filters)
    summaries.refreshed_at()
    selectors.participation_totals(cooperatives, filters)
    selectors.participation_by_course(cooperatives, filters, names)
    selectors.participation_by_category(cooperatives, filters, names)
    selectors.participation_by_sector(cooperatives, filters)
    selectors.participation_by_commune(cooperatives, filters)
    selectors.participation_by_month(cooperatives, filters)


@pytest.mark.parametrize("size", [2, 20])
def test_the_participation_figures_run_the_same_queries_for_2_or_20_cooperatives(size):
    courses = [make_course(lessons=1, quiz=False, category_slug=slug)
               for slug in ("management", "accounting")]
    populate(size, courses=courses, vietgap=version_from_dict(vietgap_dict(points=2)),
             ocop=version_from_dict(ocop_dict()))
    scope = selectors.dashboard_scope(OfficerFactory(provinces=[province("Bắc Ninh")]))
    names = selectors.catalogue()
    summaries.rebuild()
    filtered = Filters(date_from=courses[0].first_published_at.date().replace(year=2020),
                       sector="crop", course_key=courses[0].translation_key)

    for filters in (Filters(), filtered):
        with CaptureQueriesContext(connection) as queries:
            participation(scope, filters, names)
        assert len(queries) == PARTICIPATION_QUERIES
        assert not any("courses_enrollment" in query["sql"] for query in queries)
