"""The help page: the sections of the roles the person has, and no others; linked from the menu
and the footer of every page. Users read English here (their account's language)."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory, OfficerFactory, TrainerFactory, UserFactory

pytestmark = pytest.mark.django_db

LEARNING = "Asking for more attempts"
MANAGING = "Adding and importing members"
TEACHING = "Granting attempts"
OVERSEEING = "Certificates issued"


def help_text(user=None, **headers) -> str:
    client = Client(**headers)
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("help"))
    assert response.status_code == 200
    page = response.content.decode()
    main = page[page.index("<main"):page.index("</main>")]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main)))


def sections(text: str) -> set[str]:
    return {name for name, heading in (("learner", LEARNING), ("manager", MANAGING),
                                      ("trainer", TEACHING), ("officer", OVERSEEING))
            if heading in text}


def test_a_visitor_sees_only_the_learners_help_with_signing_in_by_phone_or_code():
    client = Client()
    client.cookies["lms_language"] = "en"
    response = client.get(reverse("help"))
    page = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))
    assert "Enrolling in a course" in page
    assert "your phone number, or the sign-in code" in page
    assert "Adding and importing members" not in page
    assert "Granting attempts" not in page


def test_a_learner_sees_the_learners_help_only():
    text = help_text(UserFactory(preferred_language="en"))
    assert sections(text) == {"learner"}
    for topic in ("Enrolling in a course", "Lessons", "Quizzes", LEARNING, "Certificates"):
        assert topic in text


def test_a_manager_sees_the_managers_help_too(cooperative):
    manager = MembershipFactory(cooperative=cooperative, role="manager",
                                user__preferred_language="en").user
    text = help_text(manager)
    assert sections(text) == {"learner", "manager"}
    for topic in ("Sign-in sheets", "Requests to join", "Self-assessments",
                  "Reports and action plans"):
        assert topic in text


def test_a_plain_member_does_not_see_the_managers_help(cooperative):
    member = MembershipFactory(cooperative=cooperative, role="member",
                               user__preferred_language="en").user
    assert sections(help_text(member)) == {"learner"}


def test_a_trainer_sees_authoring_my_learners_and_granting_attempts():
    text = help_text(TrainerFactory(preferred_language="en"))
    assert sections(text) == {"learner", "trainer"}
    assert "Writing a course" in text
    assert "My learners" in text


def test_an_officer_sees_the_dashboard_exports_and_certificates(cooperative):
    text = help_text(OfficerFactory(provinces=[cooperative.province], preferred_language="en"))
    assert sections(text) == {"learner", "officer"}
    assert "Exports" in text


def test_a_site_admin_sees_every_section(site_admin):
    site_admin.preferred_language = "en"
    site_admin.save()
    assert sections(help_text(site_admin)) == {"learner", "manager", "trainer", "officer"}


def test_the_menu_and_the_footer_link_to_help_in_vietnamese(learner):
    client = Client()
    client.force_login(learner)
    page = client.get(reverse("courses:my_learning")).content.decode()
    help_url = reverse("help")
    header = page[page.index("<header"):page.index("</header>")]
    footer = page[page.index("<footer"):page.index("</footer>")]
    assert f'<a href="{help_url}">Trợ giúp</a>' in header
    assert f'<a href="{help_url}">Trợ giúp</a>' in footer
