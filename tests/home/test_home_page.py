"""The Wagtail home page: routable, shows the platform's reach (counted at most every
LMS_REACH_CACHE_SECONDS), and a bounded number of queries."""

import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from lms.home.models import HomePage
from tests.factories import CooperativeFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def home_page() -> HomePage:
    return Site.objects.get(is_default_site=True).root_page.specific


def test_the_migrations_make_a_live_vietnamese_home_page_the_site_root():
    home = home_page()

    assert isinstance(home, HomePage)
    assert home.live
    assert home.locale.language_code == "vi"


class TestHomePageRules(WagtailPageTestCase):
    def test_the_home_page_is_routable_and_renders(self):
        self.assertPageIsRoutable(home_page())
        self.assertPageIsRenderable(home_page())

    def test_a_home_page_cannot_be_created_below_another_page(self):
        self.assertCanNotCreateAt(HomePage, HomePage)


def test_the_home_page_shows_the_platforms_reach(client):
    CooperativeFactory.create_batch(2)
    MembershipFactory.create_batch(3)

    response = client.get("/")

    assert response.status_code == 200
    assert response.context["reach"] == {"cooperatives": 5, "provinces": 1, "learners": 3}


def test_an_anonymous_visitor_is_offered_sign_up_and_log_in(client):
    page = client.get("/").content.decode()

    assert 'href="/accounts/signup/"' in page
    assert 'href="/accounts/login/"' in page


def test_the_home_page_runs_the_same_number_of_queries_whatever_the_data(
    client, django_assert_num_queries
):
    MembershipFactory.create_batch(2)
    client.get("/")  # warm Wagtail's site and locale caches
    with CaptureQueriesContext(connection) as small:
        client.get("/")

    MembershipFactory.create_batch(40)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/")
    assert len(small.captured_queries) <= 8


def reach_shown(client) -> list[str]:
    html = client.get("/").content.decode()
    return re.findall(r'<div class="stat"><strong>(\d+)</strong>', html)


def test_the_reach_is_counted_once_then_read_until_it_expires(client, settings):
    settings.LMS_REACH_CACHE_SECONDS = 1
    MembershipFactory.create_batch(3)
    assert reach_shown(client) == ["3", "1", "3"]

    MembershipFactory.create_batch(2)
    with CaptureQueriesContext(connection) as captured:
        assert reach_shown(client) == ["3", "1", "3"]
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"]]

    time.sleep(1.1)
    assert reach_shown(client) == ["5", "1", "5"]


def test_the_reach_is_kept_ten_minutes_by_default():
    from django.conf import settings

    assert settings.LMS_REACH_CACHE_SECONDS == 600
