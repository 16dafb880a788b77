"""The menu's back-office links: read from the permissions once, then from the cache, and shown
or hidden again on the very next page when the person's groups or a group's permissions
change."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.accounts.roles import TRAINERS, UNION_OFFICERS

pytestmark = pytest.mark.django_db

ADMIN_LINK = 'href="/admin/"'
DASHBOARD_LINK = f'href="{reverse("dashboards:home")}"'


def menu_of(client) -> str:
    return client.get(reverse("courses:my_learning")).content.decode()


def test_a_learners_pages_read_no_permission_after_the_first(client, learner):
    client.force_login(learner)
    assert ADMIN_LINK not in menu_of(client)

    with CaptureQueriesContext(connection) as queries:
        content = menu_of(client)

    assert ADMIN_LINK not in content
    assert not [q["sql"] for q in queries if "auth_permission" in q["sql"]]


def test_joining_and_leaving_the_trainers_shows_and_hides_the_links_at_once(client, learner):
    client.force_login(learner)
    assert ADMIN_LINK not in menu_of(client)

    learner.groups.add(Group.objects.get(name=TRAINERS))
    assert ADMIN_LINK in menu_of(client)
    assert DASHBOARD_LINK not in menu_of(client)

    learner.groups.remove(Group.objects.get(name=TRAINERS))
    assert ADMIN_LINK not in menu_of(client)


def test_a_permission_taken_from_a_group_hides_the_link_from_its_members(client, officer):
    client.force_login(officer)
    assert DASHBOARD_LINK in menu_of(client)

    officers = Group.objects.get(name=UNION_OFFICERS)
    officers.permissions.remove(Permission.objects.get(codename="change_cooperative"))

    content = menu_of(client)
    assert ADMIN_LINK in content and DASHBOARD_LINK not in content


def test_a_site_admin_made_superuser_sees_the_dashboard_link_at_once(client, trainer):
    client.force_login(trainer)
    assert DASHBOARD_LINK not in menu_of(client)

    trainer.is_superuser = True
    trainer.save(update_fields=["is_superuser"])

    assert DASHBOARD_LINK in menu_of(client)
