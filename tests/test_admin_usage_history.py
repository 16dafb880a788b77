"""The "usage" and "history" pages of every model the platform puts in the Wagtail admin (its
snippets and the users) open for those who may change the object, naming it; the roles that may
not get what the access matrix says (tests/security): 404 outside an officer's scope, the
dashboard without the permission.

Scoped snippets check the scope in `get_object`, whose signature differs between Wagtail's
object views (edit, delete and inspect take a queryset; usage and history take nothing): a
mismatch there was a 500 for everyone on usage and history, which these tests pin for each
model."""

import html

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.log_actions import log
from wagtail.snippets.models import get_snippet_models

from certification.models import Standard, StandardVersion
from courses.models import CourseCategory
from lms.accounts.models import User
from lms.cooperatives.models import (
    Commune,
    Cooperative,
    CooperativeUnion,
    Membership,
    OfficerScope,
)
from tests.factories import (
    CommuneFactory,
    CooperativeFactory,
    CooperativeUnionFactory,
    MembershipFactory,
    OfficerFactory,
    TrainerFactory,
    UserFactory,
    province,
)
from tests.factories.checklists import version_from_dict, vietgap_dict
from tests.factories.courses import category

pytestmark = pytest.mark.django_db

VIEWS = ("usage", "history")
PROVINCE_P = "Bắc Ninh"
PROVINCE_Q = "Sơn La"


def build(model):
    """One object of `model` in province P (where it has one), with something referring to it
    so that its usage page lists a row."""
    coop = CooperativeFactory(name="Hợp tác xã Rau an toàn Đông Hội", province=province(PROVINCE_P))
    member = MembershipFactory(cooperative=coop, user=UserFactory(full_name="Trần Văn Bình"))
    if model is Cooperative:
        return coop
    if model is Membership:
        return member
    if model is CooperativeUnion:
        union = CooperativeUnionFactory(province=province(PROVINCE_P))
        Cooperative.objects.filter(pk=coop.pk).update(union=union)
        return union
    if model is Commune:
        return CommuneFactory(name="Đông Hội", province=province(PROVINCE_P))
    if model is OfficerScope:
        return OfficerFactory(provinces=[province(PROVINCE_Q)]).officer_scopes.get()
    if model is CourseCategory:
        return category("management")
    if model is Standard:
        return version_from_dict(vietgap_dict()).standard
    if model is StandardVersion:
        return version_from_dict(vietgap_dict())
    if model is User:
        return member.user
    raise AssertionError(f"No object for {model.__name__}: add one to build()")


def url_name(model, view) -> str:
    if model is User:
        return f"wagtailusers_users:{view}"
    return model.snippet_viewset.get_url_name(view)


def text(response) -> str:
    """What the person reads: the page's text without its markup."""
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


def english_client(client, user):
    User.objects.filter(pk=user.pk).update(preferred_language="en")
    client.force_login(user)
    return client


def name_of(obj) -> str:
    with translation.override("en"):
        return str(obj)


ADMIN_MODELS = [*sorted(get_snippet_models(), key=lambda m: m._meta.label), User]


def test_every_snippet_of_the_platform_is_covered_here():
    """A new snippet joins the parametrised tests below through `build`."""
    for model in get_snippet_models():
        assert build(model) is not None


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m._meta.label)
def test_a_site_admin_opens_the_usage_and_history_of_each_admin_model(
    client, site_admin, model, view
):
    obj = build(model)
    log(instance=obj, action="wagtail.edit", user=site_admin)

    response = english_client(client, site_admin).get(reverse(url_name(model, view),
                                                              args=[obj.pk]))

    assert response.status_code == 200
    assert name_of(obj) in text(response)


def test_a_cooperatives_usage_lists_its_memberships(client, site_admin):
    coop = build(Cooperative)
    membership = coop.memberships.get()

    response = english_client(client, site_admin).get(
        reverse(url_name(Cooperative, "usage"), args=[coop.pk]))

    assert name_of(membership) in text(response)


def test_a_memberships_history_lists_the_officers_decision(client):
    officer = OfficerFactory(provinces=[province(PROVINCE_P)], full_name="Đỗ Thị Lan Anh")
    membership = build(Membership)
    log(instance=membership, action="wagtail.edit", user=officer)

    response = english_client(client, officer).get(
        reverse(url_name(Membership, "history"), args=[membership.pk]))

    assert response.status_code == 200
    page = text(response)
    assert name_of(membership) in page
    assert "Đỗ Thị Lan Anh" in page


# Who else may open them: (model, role, answer). "scope" is the officer of province P, "other"
# the officer of province Q; "home" is Wagtail's "you may not" (a redirect to the dashboard).
ACCESS = [
    (Cooperative, "scope", 200), (Cooperative, "other", 404), (Cooperative, "trainer", 404),
    (Membership, "scope", 200), (Membership, "other", 404), (Membership, "trainer", 404),
    (OfficerScope, "scope", 404), (OfficerScope, "trainer", 404),
    (CooperativeUnion, "scope", "home"), (CooperativeUnion, "trainer", "home"),
    (Commune, "scope", "home"), (Commune, "trainer", "home"),
    (CourseCategory, "trainer", 200), (CourseCategory, "scope", "home"),
    (Standard, "trainer", 200), (Standard, "scope", "home"),
    (StandardVersion, "trainer", 200), (StandardVersion, "scope", "home"),
    (User, "scope", "home"), (User, "trainer", "home"),
]


def person(role):
    if role == "trainer":
        return TrainerFactory()
    return OfficerFactory(provinces=[province(PROVINCE_P if role == "scope" else PROVINCE_Q)])


def outcome(response):
    if response.status_code == 302 and response["Location"].split("?")[0] == reverse(
            "wagtailadmin_home"):
        return "home"
    return response.status_code


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(("model", "role", "expected"), ACCESS,
                         ids=[f"{m.__name__}-{r}" for m, r, _ in ACCESS])
def test_other_roles_get_the_usage_and_history_the_access_rules_give_them(
    client, model, role, expected, view
):
    obj = build(model)
    user = person(role)

    response = english_client(client, user).get(reverse(url_name(model, view), args=[obj.pk]))

    assert outcome(response) == expected
    if expected == 200:
        assert name_of(obj) in text(response)
    else:
        assert name_of(obj) not in text(response)
