"""The access matrix: every URL pattern of the project, asked for by every role, answers what
the table below says; every state-changing address refuses a POST without a CSRF token and
changes nothing; and a role refused an object cannot change it with a valid token either.

Roles and what each owns (built once per module in `conftest.py`, rolled back afterwards):

- anonymous: nothing; signed out.
- learner: no cooperative; enrolled in course X, holds the course-X certificate.
- member_a: member of cooperative A (province P); holds a course-Y certificate naming A; added
  an evidence photo to A's open VietGAP self-assessment.
- manager_a: manager of A; started A's open VietGAP self-assessment; may decide the pending
  request of another person to join A.
- member_b: member of cooperative B (also in province P: one officer oversees two cooperatives,
  so "which cooperative" is tested between A and B, and "which province" between P and Q);
  submitted B's OCOP self-assessment (report with a PDF, action plan, a closing photo, evidence
  photo) and holds its certificate.
- trainer_x: owns course X (lesson, quiz) and an unpublished draft course; uploaded the image
  and the document of the media library. Also owns course Z, whose quiz member_b has failed at
  every attempt (member_b may ask for more) and where another learner's request for more
  attempts waits for an answer.
- trainer_y: owns course Y.
- officer_p: union officer of province P (A and B); asked for a ZIP export of A's certificates.
- officer_q: union officer of province Q, where cooperative C has a submitted VietGAP
  self-assessment (report, actions, evidence photo) and its member's certificate; asked for a
  ZIP export of C's certificates.
- admin: site admin (superuser).

How to read an outcome: "200" a page or file; "login" a redirect to the sign-in page (allauth's
or the admin's, which forwards there); "home" a redirect to the Wagtail admin's dashboard (how
Wagtail says "you may not"); "redirect" any other redirect (e.g. a lesson sends a learner who is
not enrolled to its course, a submitted assessment's overview sends to its report); "403",
"404", "405", "400" those statuses; "500" an exception.

How to classify a new URL: add an entry to `TABLE` keyed by the pattern's name (namespace
included), or by its route when it has no name (the failure message shows both). Give each
entry one or more `Probe`s: the URL filled with one role's object, the roles allowed (`allow`)
and the answer of those refused (`refused`; the anonymous visitor gets `anon`, and in the
Wagtail admin the roles without admin access get "login"). Fill object URLs with the object of
one role and list exactly who may open it; add a second probe with another role's object. A
state-changing view gets `post=Post(...)`: the form data of a real change and the roles allowed
to make it. An unclassified pattern fails `test_every_url_pattern_is_classified` with its name.
"""

import os
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished
from django.db import close_old_connections, connection, transaction
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lms.accounts.notifications import unsubscribe_token
from tests.factories.accounts import PASSWORD
from tests.security.conftest import ROLES, png

pytestmark = pytest.mark.django_db

# --- roles ---------------------------------------------------------------------------------

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
TRAINERS = frozenset({"trainer_x", "trainer_y"})
OFFICERS = frozenset({"officer_p", "officer_q"})
STAFF = TRAINERS | OFFICERS | {"admin"}  # wagtailadmin.access_admin
NON_STAFF = EVERYONE - STAFF
ADMIN = frozenset({"admin"})
A_MEMBERS = frozenset({"member_a", "manager_a"})
P_SIDE = frozenset({"officer_p", "admin"})  # oversee A and B
Q_SIDE = frozenset({"officer_q", "admin"})  # oversee C
NOBODY = frozenset()


def roles(*names) -> frozenset:
    return frozenset(names)


# --- probes --------------------------------------------------------------------------------


def resolve(world, ref):
    """"@coop_a" is the pk of world.coop_a; "@cert_learner.code" follows attributes."""
    if not (isinstance(ref, str) and ref.startswith("@")):
        return ref
    names = ref[1:].split(".")
    value = getattr(world, names[0])
    for name in names[1:]:
        value = getattr(value, name)
    return value.pk if len(names) == 1 else value


def u(name: str, *args, query: str = "") -> Callable:
    """The URL of a named pattern, with world references resolved when the world exists."""
    def build(world):
        url = reverse(name, args=[resolve(world, arg) for arg in args])
        return f"{url}?{query}" if query else url
    return build


def raw(path_template: str, *args) -> Callable:
    return lambda world: path_template.format(*[resolve(world, arg) for arg in args])


@dataclass(frozen=True)
class Post:
    """A state-changing request: its form data (a callable of the world), who may make it
    (`allow`, default: the probe's), and whether the allowed role's POST is checked to write
    (`effective`: the data makes a real change, so the refusals are not refusals of bad
    input)."""

    data: Callable = lambda world: {}
    allow: frozenset | None = None
    effective: bool = False


@dataclass(frozen=True)
class Probe:
    label: str
    url: Callable
    allow: frozenset
    ok: str = "200"
    refused: str = "404"
    anon: str = "login"
    admin: bool = False  # a Wagtail admin URL: roles without admin access get "login"
    overrides: dict = field(default_factory=dict)  # role -> outcome, explained where used
    post: Post | None = None

    def expected(self, role: str) -> str:
        if role in self.overrides:
            return self.overrides[role]
        if role in self.allow:
            return self.ok
        if role == "anonymous":
            return self.anon
        if self.admin and role in NON_STAFF:
            return "login"
        return self.refused

    def post_allow(self) -> frozenset:
        return self.post.allow if self.post and self.post.allow is not None else self.allow


def P(label, url, allow, **kwargs) -> Probe:
    return Probe(label, url, frozenset(allow), **kwargs)


def A(label, url, allow=STAFF, refused="home", **kwargs) -> Probe:
    """A probe of the Wagtail admin."""
    return Probe(label, url, frozenset(allow), refused=refused, admin=True,
                 anon=kwargs.pop("anon", "login"), **kwargs)


def public(label, url, ok="200") -> Probe:
    return Probe(label, url, EVERYONE, ok=ok)


def signed_in(label, url, ok="200", **kwargs) -> Probe:
    return Probe(label, url, SIGNED_IN, ok=ok, **kwargs)


def post_only(label, url, post: Post, anon="login") -> Probe:
    """A view that only accepts POST: a GET is 405 (after sign-in when it needs one)."""
    return Probe(label, url, NOBODY, refused="405", anon=anon, post=post)


# --- the table -----------------------------------------------------------------------------

COURSE_X = "@course_x"


def _page_url(attr):
    return lambda world: getattr(world, attr).url


def _section_data(world) -> dict:
    point = world.point_a.pk
    return {f"p{point}-value": "not_compliant", f"p{point}-value-was": "compliant",
            f"p{point}-justification": "Đổi ý", "go": "stay"}


def _member_add_data(world) -> dict:
    return {"full_name": "Người mới", "contact": "0912 000 111", "role": "member"}


def _member_list_data(world) -> dict:
    body = "Họ và tên;Số điện thoại;Vai trò\nNgười mới;0912 000 112;thành viên\n"
    return {"file": SimpleUploadedFile("danh-sach.csv", body.encode("utf-8-sig"),
                                       content_type="text/csv")}


def _action_data(world) -> dict:
    return {"owner": world.users["member_b"].pk, "due_date": "2031-01-31",
            "status": "in_progress", "closing_note": "Đang làm"}


TABLE: dict[str, list[Probe]] = {
    # --- accounts (allauth and the platform's) ---------------------------------------------
    "account_profile": [signed_in("own profile", u("account_profile"), post=Post(
        lambda w: {"full_name": "Tên đã đổi", "preferred_language": "en"}, effective=True))],
    "account_data_download": [signed_in("own data as JSON", u("account_data_download"))],
    "account_notices": [signed_in("own notices", u("account_notices"))],
    "account_close": [signed_in("close own account", u("account_close"), post=Post(
        lambda w: {"password": PASSWORD, "confirm": "on"}, effective=True))],
    "accounts:unsubscribe": [
        public("a valid link (the signed token is the capability)", lambda w: reverse(
            "accounts:unsubscribe", args=["digest", unsubscribe_token(
                user=w.users["member_a"], topic="digest")])),
        public("an altered link", u("accounts:unsubscribe", "digest", "khong-hop-le"),
               ok="400"),
    ],
    "account_login": [P("login", u("account_login"), {"anonymous"}, refused="redirect",
                        anon="200")],
    # Public: a one-time code is the credential; the signed-in are sent to their learning.
    "account_code_signin": [P("sign in with a code", u("account_code_signin"), {"anonymous"},
                              refused="redirect", anon="200", post=Post(
                                  lambda w: {"contact": "0912 000 999", "code": "ABCD-EFGH"},
                                  allow=roles("anonymous")))],
    # Only right after signing in by code; otherwise to the usual password change.
    "account_code_password": [signed_in("no code sign-in pending", u("account_code_password"),
                                        ok="redirect", post=Post(lambda w: {
                                            "new_password1": "Mat-khau-moi-2025",
                                            "new_password2": "Mat-khau-moi-2025"},
                                            allow=NOBODY))],
    "account_logout": [P("logout", u("account_logout"), SIGNED_IN, anon="redirect")],
    "account_inactive": [public("inactive", u("account_inactive"))],
    "account_signup": [P("signup", u("account_signup"), {"anonymous"}, refused="redirect",
                         anon="200")],
    "account_reauthenticate": [signed_in("reauthenticate", u("account_reauthenticate"))],
    "account_request_reauthentication_code": [signed_in(
        "reauthentication code", u("account_request_reauthentication_code"))],
    "account_confirm_reauthentication_code": [signed_in(
        "confirm reauthentication code", u("account_confirm_reauthentication_code"),
        ok="redirect")],
    "account_email": [signed_in("own e-mail addresses", u("account_email"))],
    "account_email_verification_sent": [public("verification sent",
                                               u("account_email_verification_sent"))],
    "account_change_password": [signed_in("change password", u("account_change_password"))],
    "account_set_password": [signed_in("set password", u("account_set_password"),
                                       ok="redirect")],
    "account_reset_password": [public("reset password", u("account_reset_password"))],
    "account_confirm_login_code": [signed_in("no login code pending",
                                             u("account_confirm_login_code"), ok="redirect")],
    # Public: asks for a sign-in code by SMS or e-mail; the signed-in are sent to their learning.
    "account_request_login_code": [P("request a sign-in code", u("account_request_login_code"),
                                     {"anonymous"}, refused="redirect", anon="200", post=Post(
                                         lambda w: {"login": "0912 000 998"},
                                         allow=roles("anonymous")))],
    # Without a pending sign-in or change, the signed-in are sent to change their number.
    "account_verify_phone": [signed_in("no phone verification pending",
                                       u("account_verify_phone"), ok="redirect")],
    "account_change_phone": [signed_in("own phone number", u("account_change_phone"),
                                       post=Post(lambda w: {"phone": "0912 000 997"},
                                                 effective=True))],
    "account_confirm_email": [public("a wrong e-mail key", u("account_confirm_email", "x-y"))],
    "account_reset_password_from_key_done": [public(
        "reset done", u("account_reset_password_from_key_done"))],
    "account_reset_password_from_key": [public(
        "a wrong reset key", u("account_reset_password_from_key", "1", "x-y"))],
    "account_reset_password_done": [public("reset sent", u("account_reset_password_done"))],
    "set_language": [post_only("language switch", u("set_language"), Post(
        lambda w: {"language": "en", "next": "/"}, allow=EVERYONE), anon="405")],
    # --- cooperatives -------------------------------------------------------------------------
    "cooperatives:mine": [signed_in("my cooperatives", u("cooperatives:mine"))],
    "cooperatives:join": [signed_in("join", u("cooperatives:join"), post=Post(
        lambda w: {"cooperative": w.coop_c.pk}, effective=True))],
    "cooperatives:register": [signed_in("register", u("cooperatives:register"))],
    "cooperatives:detail": [
        P("A", u("cooperatives:detail", "@coop_a"), A_MEMBERS | P_SIDE),
        P("B", u("cooperatives:detail", "@coop_b"), {"member_b"} | P_SIDE),
        P("C", u("cooperatives:detail", "@coop_c"), Q_SIDE),
    ],
    "cooperatives:membership_decide": [post_only(
        "a request to join A", u("cooperatives:membership_decide", "@pending_a"), Post(
            lambda w: {"decision": "approve", "role": "member"}, allow=roles("manager_a"),
            effective=True))],
    "cooperatives:membership_role": [
        post_only("member_a's role in A", u("cooperatives:membership_role", "@membership_a"),
                  Post(lambda w: {"role": "accountant"}, allow=roles("manager_a"),
                       effective=True)),
        post_only("member_c's role in C", u("cooperatives:membership_role", "@membership_c"),
                  Post(lambda w: {"role": "manager"}, allow=NOBODY)),
    ],
    # Managers add members and print sign-in codes: their own cooperative's only.
    "cooperatives:members_add": [
        P("A", u("cooperatives:members_add", "@coop_a"), {"manager_a"}, post=Post(
            _member_add_data, effective=True)),
        P("C", u("cooperatives:members_add", "@coop_c"), NOBODY, post=Post(_member_add_data)),
    ],
    "cooperatives:members_import": [
        post_only("A's list", u("cooperatives:members_import", "@coop_a"), Post(
            _member_list_data, allow=roles("manager_a"), effective=True)),
        post_only("C's list", u("cooperatives:members_import", "@coop_c"), Post(
            _member_list_data, allow=NOBODY)),
    ],
    "cooperatives:members_template": [signed_in("member list template",
                                                u("cooperatives:members_template"))],
    "cooperatives:member_code": [
        post_only("new code of A's member without a password",
                  u("cooperatives:member_code", "@sheet_a"),
                  Post(allow=roles("manager_a"), effective=True)),
        # member_a chose a password: a code would let the manager sign in as them.
        post_only("member_a's new code", u("cooperatives:member_code", "@membership_a"),
                  Post(allow=NOBODY)),
        post_only("member_c's new code", u("cooperatives:member_code", "@membership_c"),
                  Post(allow=NOBODY)),
    ],
    # --- learning -----------------------------------------------------------------------------
    "courses:my_learning": [signed_in("my learning", u("courses:my_learning"))],
    "courses:catalog": [public("catalog", u("courses:catalog"), ok="redirect")],
    # Only a learner enrolled and out of attempts asks; the others are sent to the course.
    "courses:attempts_ask": [post_only(
        "quiz of Z (member_b out of attempts)", u("courses:attempts_ask", "@quiz_z"),
        Post(allow=roles("member_b"), effective=True))],
    "help": [public("help", u("help"))],
    "health": [public("services' health", u("health"))],
    "health_live": [public("liveness", u("health_live"))],
    "wagtail_serve": [
        public("home page", raw("/")),
        public("course X", _page_url("course_x"), ok="200"),
        P("lesson of X (learner enrolled)", _page_url("lesson_x"), {"learner"},
          refused="redirect", post=Post(allow=roles("learner"), effective=True)),
        P("quiz of X (learner enrolled)", _page_url("quiz_x"), {"learner"}, refused="redirect"),
        P("lesson of Y (member_a enrolled)", _page_url("lesson_y"), {"member_a"},
          refused="redirect"),
        P("trainer_x's draft course", lambda w: w.course_x.url.rsplit("/", 2)[0]
          + f"/{w.draft_x.slug}/", NOBODY, refused="404", anon="404"),
    ],
    "wagtaildocs_serve": [public("the library's document", lambda w: reverse(
        "wagtaildocs_serve", args=[w.document.pk, w.document.filename]))],
    "wagtaildocs_authenticate_with_password": [public(
        "no such restriction", u("wagtaildocs_authenticate_with_password", 999999), ok="404")],
    "wagtailcore_authenticate_with_password": [public(
        "no such restriction", u("wagtailcore_authenticate_with_password", 999999, COURSE_X),
        ok="404")],
    "wagtailcore_login": [public("front-end login", raw("/_util/login/"), ok="login")],
    # --- readiness: before submission ---------------------------------------------------------
    "readiness:home": [signed_in("readiness home", u("readiness:home"))],
    "readiness:start": [post_only("start", u("readiness:start"), Post(
        lambda w: {"standard": w.ocop.standard.code, "cooperative": w.coop_a.pk},
        allow=roles("manager_a"), effective=True))],
    "readiness:overview": [
        P("A's open assessment", u("readiness:overview", "@open_a"), A_MEMBERS | P_SIDE),
        P("B's submitted assessment", u("readiness:overview", "@submitted_b"),
          {"member_b"} | P_SIDE, ok="redirect"),
        P("C's submitted assessment", u("readiness:overview", "@submitted_c"), Q_SIDE,
          ok="redirect"),
    ],
    "readiness:profile": [
        P("A's open assessment", u("readiness:profile", "@open_a"), A_MEMBERS | P_SIDE,
          post=Post(lambda w: {}, allow=A_MEMBERS)),
        P("C's submitted assessment", u("readiness:profile", "@submitted_c"), Q_SIDE,
          ok="redirect"),
    ],
    "readiness:section": [
        P("A's open assessment", u("readiness:section", "@open_a", "@section_a"),
          A_MEMBERS | P_SIDE, post=Post(_section_data, allow=A_MEMBERS, effective=True)),
        P("A's assessment, a section of another version", lambda w: reverse(
            "readiness:section", args=[w.open_a.pk, w.action_b.control_point.section_id]),
          NOBODY),
    ],
    "readiness:answer": [
        post_only("a point of A's open assessment", u("readiness:answer", "@open_a", "@point_a"),
                  Post(lambda w: {"value": "not_compliant", "justification": "Chưa có"},
                       allow=A_MEMBERS, effective=True)),
    ],
    "readiness:photo_upload": [
        post_only("a point of A's open assessment",
                  u("readiness:photo_upload", "@open_a", "@point_a"),
                  Post(lambda w: {"photo": png()}, allow=A_MEMBERS, effective=True)),
    ],
    "readiness:photo": [
        P("A's evidence photo", u("readiness:photo", "@open_a", "@photo_a"), A_MEMBERS | P_SIDE),
        P("B's evidence photo", u("readiness:photo", "@submitted_b", "@photo_b"),
          {"member_b"} | P_SIDE),
        P("C's evidence photo", u("readiness:photo", "@submitted_c", "@photo_c"), Q_SIDE),
        P("C's photo through A's assessment", u("readiness:photo", "@open_a", "@photo_c"),
          NOBODY),
    ],
    # The thumbnail the pages show: exactly as protected as the photo.
    "readiness:photo_thumbnail": [
        P("A's evidence photo", u("readiness:photo_thumbnail", "@open_a", "@photo_a"),
          A_MEMBERS | P_SIDE),
        P("B's evidence photo", u("readiness:photo_thumbnail", "@submitted_b", "@photo_b"),
          {"member_b"} | P_SIDE),
        P("C's evidence photo", u("readiness:photo_thumbnail", "@submitted_c", "@photo_c"),
          Q_SIDE),
        P("C's photo through A's assessment",
          u("readiness:photo_thumbnail", "@open_a", "@photo_c"), NOBODY),
    ],
    "readiness:photo_delete": [
        post_only("A's evidence photo", u("readiness:photo_delete", "@open_a", "@photo_a"),
                  Post(allow=A_MEMBERS, effective=True)),
        post_only("C's photo through A's assessment",
                  u("readiness:photo_delete", "@open_a", "@photo_c"), Post(allow=NOBODY)),
    ],
    "readiness:submit": [
        P("A's open assessment", u("readiness:submit", "@open_a"), A_MEMBERS | P_SIDE,
          post=Post(allow=A_MEMBERS)),
        P("C's submitted assessment", u("readiness:submit", "@submitted_c"), Q_SIDE,
          ok="redirect"),
    ],
    # --- readiness: after submission ----------------------------------------------------------
    "readiness:report": [
        P("A's open assessment", u("readiness:report", "@open_a"), A_MEMBERS | P_SIDE,
          ok="redirect"),
        P("B's report", u("readiness:report", "@submitted_b"), {"member_b"} | P_SIDE),
        P("C's report", u("readiness:report", "@submitted_c"), Q_SIDE),
    ],
    "readiness:report_pdf": [
        P("B's report PDF", u("readiness:report_pdf", "@submitted_b", query="lang=vi"),
          {"member_b"} | P_SIDE, post=Post(lambda w: {"lang": "en"},
                                           allow=roles("member_b"))),
        P("C's report PDF", u("readiness:report_pdf", "@submitted_c", query="lang=vi"),
          Q_SIDE),
    ],
    "readiness:report_pdf_status": [
        P("B's report PDF", u("readiness:report_pdf_status", "@submitted_b"),
          {"member_b"} | P_SIDE),
        P("C's report PDF", u("readiness:report_pdf_status", "@submitted_c"), Q_SIDE),
    ],
    "readiness:ocop_self_report": [
        P("B's OCOP Mẫu 02", u("readiness:ocop_self_report", "@submitted_b"),
          {"member_b"} | P_SIDE, post=Post(allow=roles("member_b"))),
        P("C's VietGAP assessment has none", u("readiness:ocop_self_report", "@submitted_c"),
          NOBODY),
    ],
    "readiness:ocop_self_report_pdf": [
        P("B's OCOP Mẫu 02 PDF", u("readiness:ocop_self_report_pdf", "@submitted_b"),
          {"member_b"} | P_SIDE),
    ],
    "readiness:action": [
        P("B's corrective action", u("readiness:action", "@submitted_b", "@action_b"),
          {"member_b"} | P_SIDE, post=Post(_action_data, allow=roles("member_b"),
                                           effective=True)),
        P("C's corrective action", u("readiness:action", "@submitted_c", "@action_c"), Q_SIDE),
        P("C's action through B's assessment",
          u("readiness:action", "@submitted_b", "@action_c"), NOBODY),
    ],
    "readiness:action_photo": [
        P("B's closing photo", u("readiness:action_photo", "@submitted_b", "@action_b"),
          {"member_b"} | P_SIDE),
        P("B's closing photo through C's assessment",
          u("readiness:action_photo", "@submitted_c", "@action_b"), NOBODY),
    ],
    "readiness:history": [
        P("A against VietGAP", u("readiness:history", "@coop_a", "vietgap-test"),
          A_MEMBERS | P_SIDE),
        P("B against OCOP", u("readiness:history", "@coop_b", "ocop-test"),
          {"member_b"} | P_SIDE),
        P("C against VietGAP", u("readiness:history", "@coop_c", "vietgap-test"), Q_SIDE),
    ],
    "readiness:cooperative_archive": [
        post_only("A's archive", u("readiness:cooperative_archive", "@coop_a"), Post(
            allow=roles("manager_a", "admin"), effective=True)),
        post_only("C's archive", u("readiness:cooperative_archive", "@coop_c"), Post(
            allow=ADMIN, effective=True)),
    ],
    # --- dashboards and exports ---------------------------------------------------------------
    "dashboards:home": [P("dashboard", u("dashboards:home"), OFFICERS | ADMIN, refused="403")],
    "dashboards:cooperatives": [P("cooperatives", u("dashboards:cooperatives"),
                                  OFFICERS | ADMIN, refused="403")],
    "dashboards:cooperative": [
        P("A", u("dashboards:cooperative", "@coop_a"), P_SIDE, refused="403",
          overrides={"officer_q": "404"}),
        P("C", u("dashboards:cooperative", "@coop_c"), Q_SIDE, refused="403",
          overrides={"officer_p": "404"}),
    ],
    "dashboards:learner": [
        P("member_a", lambda w: reverse("dashboards:learner", args=[w.users["member_a"].pk]),
          P_SIDE, refused="403", overrides={"officer_q": "404"}),
        P("member of C", lambda w: reverse("dashboards:learner",
                                           args=[w.membership_c.user_id]),
          Q_SIDE, refused="403", overrides={"officer_p": "404"}),
    ],
    "dashboards:export": [
        P("cooperatives table", u("dashboards:export", "cooperatives", "csv"), OFFICERS | ADMIN,
          refused="403"),
        P("members of A", lambda w: reverse("dashboards:export", args=["members", "xlsx"])
          + f"?cooperative={w.coop_a.pk}", P_SIDE, refused="403",
          overrides={"officer_q": "404"}),
        P("members of C", lambda w: reverse("dashboards:export", args=["members", "csv"])
          + f"?cooperative={w.coop_c.pk}", Q_SIDE, refused="403",
          overrides={"officer_p": "404"}),
    ],
    "exports:detail": [
        P("officer_p's ZIP", u("exports:detail", "@export_p"), {"officer_p"}),
        P("officer_q's ZIP", u("exports:detail", "@export_q"), {"officer_q"}),
    ],
    "exports:status": [
        P("officer_p's ZIP", u("exports:status", "@export_p"), {"officer_p"}),
        P("officer_q's ZIP", u("exports:status", "@export_q"), {"officer_q"}),
    ],
    "exports:download": [
        P("officer_p's ZIP", u("exports:download", "@export_p"), {"officer_p"}),
        P("officer_q's ZIP", u("exports:download", "@export_q"), {"officer_q"}),
    ],
    "exports:retry": [
        post_only("officer_p's ZIP", u("exports:retry", "@export_p"),
                  Post(allow=roles("officer_p"))),
        post_only("officer_q's ZIP", u("exports:retry", "@export_q"),
                  Post(allow=roles("officer_q"))),
    ],
    # --- certificates -------------------------------------------------------------------------
    "certification:mine": [signed_in("my certificates", u("certification:mine"))],
    "certification:manage_list": [P("certificates to manage", u("certification:manage_list"),
                                    STAFF)],
    "certification:pdf": [
        P("learner's (course X)", u("certification:pdf", "@cert_learner.code"),
          {"learner", "trainer_x", "admin"}),
        P("member_a's (course Y, cooperative A)", u("certification:pdf", "@cert_member_a.code"),
          {"member_a", "trainer_y"} | P_SIDE),
        P("member_b's (B's self-assessment)", u("certification:pdf", "@cert_member_b.code"),
          {"member_b"} | P_SIDE),
        P("C's member's (C's self-assessment)", u("certification:pdf", "@cert_member_c.code"),
          Q_SIDE),
    ],
    "certification:manage": [
        P("learner's (course X)", u("certification:manage", "@cert_learner.code"),
          {"trainer_x", "admin"}, post=Post(lambda w: {"action": "revoke", "reason": "Sai"},
                                            effective=True)),
        P("member_a's (course Y, cooperative A)",
          u("certification:manage", "@cert_member_a.code"), {"trainer_y"} | P_SIDE,
          post=Post(lambda w: {"action": "revoke", "reason": "Sai"}, effective=True)),
        P("member_b's (B's self-assessment)", u("certification:manage", "@cert_member_b.code"),
          P_SIDE, post=Post(lambda w: {"action": "reissue"}, effective=True)),
        P("C's member's (C's self-assessment)",
          u("certification:manage", "@cert_member_c.code"), Q_SIDE,
          post=Post(lambda w: {"action": "revoke", "reason": "Sai"}, effective=True)),
    ],
    "certification:exports": [
        P("ZIP of A's certificates", u("certification:exports"), OFFICERS | ADMIN, post=Post(
            lambda w: {"cooperative": w.coop_a.pk}, allow=P_SIDE, effective=True)),
        P("ZIP of C's certificates", u("certification:exports"), OFFICERS | ADMIN, post=Post(
            lambda w: {"cooperative": w.coop_c.pk}, allow=Q_SIDE, effective=True)),
    ],
    "certification:verify": [public("verification form", u("certification:verify"))],
    "certification:verify_code": [
        public("member_b's certificate", u("certification:verify_code", "@cert_member_b.code")),
        public("no such code", u("certification:verify_code", "ABCDEFGHJKLMNPQR"), ok="404"),
    ],
    "^media/(?P<path>.*)$": [public("a public course image", lambda w: w.image.file.url)],
}


# --- the Wagtail admin ---------------------------------------------------------------------
# Trainers hold page permissions on the catalog and image/document permissions; officers hold
# cooperative snippets scoped to their provinces; both may enter the admin. The site admin
# reaches everything.


def _admin_entries() -> dict[str, list[Probe]]:
    t: dict[str, list[Probe]] = {}

    def add(name, *probes):
        t[name] = list(probes)

    add("wagtailadmin_login", A("admin login", raw("/admin/login/"), EVERYONE, ok="login"))
    add("wagtailadmin_home", A("dashboard", u("wagtailadmin_home")))
    # Wagtail's page showing its 404 template (status 200): nothing of anyone's.
    add("admin/test404/", A("test 404", raw("/admin/test404/")))
    add("admin/^.*/$", A("unknown admin address", raw("/admin/nothing-here/"), ok="404"))
    for kind in ("pages", "documents", "images"):
        add(f"wagtailadmin_api:{kind}:listing",
            A(f"{kind} API", u(f"wagtailadmin_api:{kind}:listing")))
        add(f"wagtailadmin_api:{kind}:find", A(f"{kind} API find with no query",
                                                u(f"wagtailadmin_api:{kind}:find"), ok="404"))
    add("wagtailadmin_api:pages:detail", A("course X", u("wagtailadmin_api:pages:detail",
                                                         COURSE_X), TRAINERS | ADMIN,
                                           refused="404"))
    add("wagtailadmin_api:pages:action", A(
        "copy course X", u("wagtailadmin_api:pages:action", COURSE_X, "copy"), ok="405",
        refused="405"))
    add("wagtailadmin_api:documents:detail", A("document", u(
        "wagtailadmin_api:documents:detail", "@document")))
    add("wagtailadmin_api:images:detail", A("image", u("wagtailadmin_api:images:detail",
                                                       "@image")))
    add("wagtailadmin_error_test", A("error test", u("wagtailadmin_error_test"), ok="500",
                                     refused="500"))
    # Pages: trainers edit their own course only; officers have no page permission.
    pages = TRAINERS | ADMIN  # who holds any page permission
    add("wagtailadmin_explore_root", A("page tree", u("wagtailadmin_explore_root"), pages,
                                       overrides={"trainer_x": "redirect",
                                                  "trainer_y": "redirect"}))
    add("wagtailadmin_explore", A("course X's children", u("wagtailadmin_explore", COURSE_X),
                                  pages))
    add("wagtailadmin_explore_results", A("course X's children", u(
        "wagtailadmin_explore_results", COURSE_X), pages))
    # The confirmation page says what the user may not delete; the POST is checked.
    add("wagtail_bulk_action", A(
        "bulk delete of course X", lambda w: reverse(
            "wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={w.course_x.pk}", STAFF, post=Post(allow=ADMIN)))
    own_x = roles("trainer_x", "admin")
    add("wagtailadmin_pages:add", A("a lesson in course X", u(
        "wagtailadmin_pages:add", "courses", "lessonpage", COURSE_X), own_x,
        post=Post(lambda w: {"title": "Bài mới", "slug": "bai-moi"})),
        A("a lesson in course Y", u("wagtailadmin_pages:add", "courses", "lessonpage",
                                    "@course_y"), roles("trainer_y", "admin")))
    add("wagtailadmin_pages:preview_on_add", A("preview a new lesson of X", u(
        "wagtailadmin_pages:preview_on_add", "courses", "lessonpage", COURSE_X), own_x))
    add("wagtailadmin_pages:type_use", A("where lessons are used", u(
        "wagtailadmin_pages:type_use", "courses", "lessonpage"), pages))
    add("wagtailadmin_pages:type_use_results", A("where lessons are used", u(
        "wagtailadmin_pages:type_use_results", "courses", "lessonpage"), pages))
    # Trainers and the admin have one possible parent (the catalog): straight to the form.
    # Officers get the chooser with no parent to pick.
    add("wagtailadmin_pages:choose_parent", A("where to add a course", u(
        "wagtailadmin_pages:choose_parent", "courses", "coursepage"),
        overrides=dict.fromkeys(pages, "redirect")))
    add("wagtailadmin_pages:usage", A("course X's usage", u("wagtailadmin_pages:usage",
                                                            COURSE_X), own_x))
    # name -> (GET allowed: "own" course's trainer and the admin, or a role set; the answer
    # of the allowed; POST allowed, or None when the view changes nothing).
    own = "own"
    page_views = {
        "edit": (own, "200", own), "preview_on_edit": (own, "200", None),
        "view_draft": (own, "200", None), "unpublish": (own, "200", own),
        "copy": (own, "200", own), "history": (own, "200", None),
        "history_results": (own, "200", None), "workflow_history": (own, "200", None),
        "set_privacy": (own, "200", own),
        # Trainers hold no page "delete" (nor so "move") permission: the site admin only.
        "delete": (ADMIN, "200", ADMIN), "move": (ADMIN, "200", None),
        # POST-only actions: a GET is 405 for every admin user; the POST is checked.
        "lock": (STAFF, "405", own), "unlock": (STAFF, "405", own),
        "set_page_position": (STAFF, "405", ADMIN),
        # Redirects to the history, which checks.
        "revisions_index": (STAFF, "redirect", None),
        # No course is an alias.
        "convert_alias": (NOBODY, "404", NOBODY),
    }
    for name, (allowed, ok, posting) in page_views.items():
        for label, ref, owner in (("course X", COURSE_X, "trainer_x"),
                                  ("course Y", "@course_y", "trainer_y")):
            get_allow = roles(owner, "admin") if allowed == own else allowed
            post_allow = roles(owner, "admin") if posting == own else posting
            add_or_extend = t.setdefault(f"wagtailadmin_pages:{name}", [])
            add_or_extend.append(A(
                label, u(f"wagtailadmin_pages:{name}", ref), get_allow, ok=ok,
                refused="404" if allowed is NOBODY else ("405" if ok == "405" else "home"),
                post=Post(allow=post_allow) if posting is not None else None))
    add("wagtailadmin_pages:add_subpage", A("under course X", u(
        "wagtailadmin_pages:add_subpage", COURSE_X), own_x))
    add("wagtailadmin_pages:search", A("search", u("wagtailadmin_pages:search"), pages))
    add("wagtailadmin_pages:search_results", A("search", u("wagtailadmin_pages:search_results"),
                                               pages))
    # Wagtail shows the confirmation to any admin user (titles only); the move is checked.
    add("wagtailadmin_pages:move_confirm", A("course X under course Y", u(
        "wagtailadmin_pages:move_confirm", COURSE_X, "@course_y"), STAFF,
        post=Post(allow=NOBODY)))
    add("wagtailadmin_pages:workflow_action", A("no such task state", u(
        "wagtailadmin_pages:workflow_action", COURSE_X, "approve", 999999), NOBODY,
        refused="404", post=Post()))
    add("wagtailadmin_pages:collect_workflow_action_data", A("no such task state", u(
        "wagtailadmin_pages:collect_workflow_action_data", COURSE_X, "approve", 999999),
        NOBODY, refused="404"))
    # No workflow in progress: a JSON "nothing to confirm", whoever asks.
    add("wagtailadmin_pages:confirm_workflow_cancellation", A("course X", u(
        "wagtailadmin_pages:confirm_workflow_cancellation", COURSE_X)))
    add("wagtailadmin_pages:workflow_preview", A("course X", u(
        "wagtailadmin_pages:workflow_preview", COURSE_X, "@task"), NOBODY))
    for name in ("revisions_view", "revisions_revert", "revisions_unschedule"):
        add(f"wagtailadmin_pages:{name}", A("course X's revision", u(
            f"wagtailadmin_pages:{name}", COURSE_X, "@revision_x"), own_x,
            post=Post() if name != "revisions_view" else None))
    add("wagtailadmin_pages:revisions_compare", A("course X's revisions", lambda w: reverse(
        "wagtailadmin_pages:revisions_compare", args=[w.course_x.pk, "earliest", "latest"]),
        own_x))
    add("wagtailadmin_pages:workflow_history_detail", A("no such workflow state", u(
        "wagtailadmin_pages:workflow_history_detail", COURSE_X, 999999), own_x, ok="404"))
    # Choosers, tags and links.
    for name in ("wagtailadmin_choose_page", "wagtailadmin_choose_page_search",
                 "wagtailadmin_choose_page_external_link", "wagtailadmin_choose_page_email_link",
                 "wagtailadmin_choose_page_phone_link", "wagtailadmin_choose_page_anchor_link",
                 "wagtailadmin_tag_autocomplete"):
        add(name, A(name, u(name)))
    add("wagtailadmin_choose_page_child", A("course X", u("wagtailadmin_choose_page_child",
                                                          COURSE_X)))
    add("wagtailadmin_choose_page_chosen_multiple", A("course X", lambda w: reverse(
        "wagtailadmin_choose_page_chosen_multiple") + f"?id={w.course_x.pk}"))
    add("wagtailadmin_tag_model_autocomplete", A("image tags", u(
        "wagtailadmin_tag_model_autocomplete", "wagtailimages", "image"), ok="404"))
    # Site settings: the site admin's only.
    for prefix, obj, extra in (
        ("wagtailadmin_collections", "@child_collection", ("set_privacy",)),
        ("wagtailsites", "@site", ("history", "history_results", "usage", "copy")),
        ("wagtailusers_users", None, ("history", "history_results", "usage", "copy")),
        ("wagtailusers_groups", "@trainers_group", ("history", "history_results", "usage")),
        ("wagtaillocales", "@locale", ("history", "history_results", "usage")),
    ):
        add(f"{prefix}:index", A("list", u(f"{prefix}:index"), ADMIN))
        if prefix != "wagtailadmin_collections":
            add(f"{prefix}:index_results", A("list", u(f"{prefix}:index_results"), ADMIN))
        add(f"{prefix}:add", A("add", u(f"{prefix}:add"), ADMIN, post=Post(),
                               # Every language of the site has its locale already.
                               overrides={"admin": "home"} if prefix == "wagtaillocales"
                               else {}))
        ref = obj or "@users.member_a"
        for name in ("edit", "delete", *extra):
            if prefix == "wagtailusers_users":
                url = (lambda n: lambda w: reverse(f"wagtailusers_users:{n}",
                                                   args=[w.users["member_b"].pk]))(name)
            elif name == "set_privacy":
                url = u(f"{prefix}:set_privacy", ref)
            else:
                url = u(f"{prefix}:{name}", ref)
            add(f"{prefix}:{name}", A(name, url, ADMIN,
                                      refused="404" if prefix == "wagtailadmin_collections"
                                      and name == "delete" else "home",
                                      post=Post() if name in ("edit", "delete", "copy",
                                                              "set_privacy") else None))
    add("wagtailadmin_workflows:index", A("workflows", u("wagtailadmin_workflows:index"), ADMIN))
    add("wagtailadmin_workflows:index_results", A("workflows", u(
        "wagtailadmin_workflows:index_results"), ADMIN))
    add("wagtailadmin_workflows:add", A("add", u("wagtailadmin_workflows:add"), ADMIN,
                                        post=Post()))
    for name in ("enable", "disable", "edit", "usage", "usage_results"):
        ok = "405" if name == "enable" else "200"
        add(f"wagtailadmin_workflows:{name}", A(name, u(f"wagtailadmin_workflows:{name}",
                                                        "@workflow"), ADMIN, ok=ok,
                                                refused="405" if ok == "405" else "home",
                                                post=Post()))
    add("wagtailadmin_workflows:remove",
        A("course X's workflow", u("wagtailadmin_workflows:remove", COURSE_X), STAFF,
          ok="405", post=Post(allow=ADMIN)),
        A("course X's given workflow", lambda w: reverse(
            "wagtailadmin_workflows:remove", kwargs={"page_pk": w.course_x.pk,
                                                     "workflow_pk": w.workflow.pk}), STAFF,
          ok="405", post=Post(allow=ADMIN)))
    add("wagtailadmin_workflows:add_task", A("add a task", u(
        "wagtailadmin_workflows:add_task", "wagtailcore", "groupapprovaltask"), ADMIN,
        post=Post()))
    # One task type: straight to its form.
    add("wagtailadmin_workflows:select_task_type", A("task types", u(
        "wagtailadmin_workflows:select_task_type"), ADMIN, ok="redirect"))
    for name in ("task_index", "task_index_results"):
        add(f"wagtailadmin_workflows:{name}", A(name, u(f"wagtailadmin_workflows:{name}"),
                                                ADMIN))
    # Wagtail's task chooser has no permission of its own (task names only); creating a
    # task through it is checked on POST.
    for name in ("task_chooser", "task_chooser_results", "task_chooser_create"):
        add(f"wagtailadmin_workflows:{name}", A(name, u(f"wagtailadmin_workflows:{name}"),
                                                post=Post(allow=ADMIN)
                                                if name == "task_chooser_create" else None))
    for name in ("edit_task", "disable_task", "enable_task"):
        ok = "405" if name == "enable_task" else "200"
        add(f"wagtailadmin_workflows:{name}", A(name, u(f"wagtailadmin_workflows:{name}",
                                                        "@task"), ADMIN, ok=ok,
                                                refused="405" if ok == "405" else "home",
                                                post=Post()))
    add("wagtailadmin_workflows:task_chosen", A("task", u("wagtailadmin_workflows:task_chosen",
                                                          "@task")))
    # Reports: who holds page permissions (trainers, admin); the locked pages, the admin;
    # the site history lists only what each user may see.
    for name, allowed in (("locked_pages", ADMIN), ("workflow", pages),
                          ("workflow_tasks", pages), ("site_history", STAFF),
                          ("aging_pages", pages), ("page_types_usage", pages)):
        add(f"wagtailadmin_reports:{name}", A(name, u(f"wagtailadmin_reports:{name}"), allowed))
        add(f"wagtailadmin_reports:{name}_results", A(name, u(
            f"wagtailadmin_reports:{name}_results"), allowed))
    add("wagtailadmin_account", A("own account", u("wagtailadmin_account"), post=Post()))
    add("wagtailadmin_logout", A("logout", u("wagtailadmin_logout"), ok="405", refused="405"))
    add("wagtailadmin_dismissibles", A("own dismissed tips", u("wagtailadmin_dismissibles")))
    add("wagtailadmin_editing_sessions:ping", A("course X", lambda w: reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["wagtailcore", "page", str(w.course_x.pk), 999999]), ok="405", refused="405"))
    add("wagtailadmin_editing_sessions:release", A("no such session", u(
        "wagtailadmin_editing_sessions:release", 999999), ok="405", refused="405"))
    add("wagtailadmin_block_preview", A("no block given", u("wagtailadmin_block_preview"),
                                        ok="404"))
    add("courses_learners", A("learners of own courses", u("courses_learners"),
                              TRAINERS | ADMIN))
    add("courses_learners_results", A("learners of own courses", u("courses_learners_results"),
                                      TRAINERS | ADMIN))
    # POST only; trainer_y (not Z's) finds no such request, officers are sent to the dashboard.
    add("courses_attempt_request_decide", A(
        "the request waiting in course Z", u("courses_attempt_request_decide",
                                             "@attempt_request_z"), ok="405", refused="405",
        post=Post(lambda w: {"decision": "grant", "count": "1"},
                  allow=roles("trainer_x", "admin"), effective=True)))
    add("wagtailforms:index", A("forms", u("wagtailforms:index"), pages))
    add("wagtailforms:index_results", A("forms", u("wagtailforms:index_results"), pages))
    add("wagtailforms:list_submissions", A("course X is no form", u(
        "wagtailforms:list_submissions", COURSE_X), NOBODY, refused="404"))
    add("wagtailforms:list_submissions_results", A("course X is no form", u(
        "wagtailforms:list_submissions_results", COURSE_X), NOBODY, refused="404"))
    add("wagtailforms:delete_submissions", A("course X is no form", u(
        "wagtailforms:delete_submissions", COURSE_X), NOBODY))
    add("wagtailredirects:index", A("redirects", u("wagtailredirects:index"), ADMIN))
    add("wagtailredirects:index_results", A("redirects", u("wagtailredirects:index_results"),
                                            ADMIN))
    add("wagtailredirects:add", A("add", u("wagtailredirects:add"), ADMIN, post=Post()))
    add("wagtailredirects:edit", A("edit", u("wagtailredirects:edit", "@redirect"), ADMIN,
                                   post=Post()))
    add("wagtailredirects:delete", A("delete", u("wagtailredirects:delete", "@redirect"),
                                     ADMIN, post=Post()))
    add("wagtailredirects:start_import", A("import", u("wagtailredirects:start_import"), ADMIN))
    add("wagtailredirects:process_import", A("import", u("wagtailredirects:process_import"),
                                             ADMIN, ok="405", post=Post()))
    add("simple_translation:submit_page_translation", A("course X", u(
        "simple_translation:submit_page_translation", COURSE_X), ADMIN, post=Post()))
    add("simple_translation:submit_snippet_translation", A("a category", u(
        "simple_translation:submit_snippet_translation", "courses", "coursecategory",
        "@category"), ADMIN, post=Post()))
    add("wagtailembeds:chooser", A("embed chooser", u("wagtailembeds:chooser")))
    add("wagtailembeds:chooser_upload", A("embed chooser", u("wagtailembeds:chooser_upload")))
    # Every snippet has its own menu: the index sends everyone to the dashboard.
    add("wagtailsnippets:index", A("snippets", u("wagtailsnippets:index"), NOBODY))
    # Images and documents: trainers (and the admin); officers have no media permission.
    media = TRAINERS | ADMIN
    for app, kind, obj in (("wagtaildocs", "document", "@document"),
                           ("wagtailimages", "image", "@image")):
        add(f"{app}:index", A("library", u(f"{app}:index"), media))
        add(f"{app}:index_results", A("library", u(f"{app}:index_results"), media))
        add(f"{app}:add", A("add", u(f"{app}:add"), media, post=Post()))
        add(f"{app}:add_multiple", A("add", u(f"{app}:add_multiple"), media))
        add(f"{app}:edit", A("edit", u(f"{app}:edit", obj), media, post=Post()))
        # Trainers hold "change" on the whole library (granted by the migrations), which in
        # Wagtail covers deleting any item: one shared library, not one per trainer.
        add(f"{app}:delete", A("delete", u(f"{app}:delete", obj), media, post=Post()))
        add(f"{app}:edit_multiple", A("edit", u(f"{app}:edit_multiple", obj), media,
                                      ok="405", refused="405", post=Post()))
        add(f"{app}:delete_multiple", A("delete", u(f"{app}:delete_multiple", obj), media,
                                        ok="405", refused="405", post=Post()))
        add(f"{app}:create_multiple_from_uploaded_{kind}", A("no such upload", u(
            f"{app}:create_multiple_from_uploaded_{kind}", 999999), NOBODY, refused="405"))
        add(f"{app}:delete_upload_multiple", A("no such upload", u(
            f"{app}:delete_upload_multiple", 999999), NOBODY, refused="405"))
        # Wagtail's choosers open for any admin user, listing what the user may choose
        # (nothing for officers); picking one is checked (`chosen`).
        add(f"{app}_chooser:choose", A("chooser", u(f"{app}_chooser:choose")))
        add(f"{app}_chooser:choose_results", A("chooser", u(f"{app}_chooser:choose_results")))
        add(f"{app}_chooser:chosen", A("chosen", u(f"{app}_chooser:chosen", obj), media))
        add(f"{app}_chooser:chosen_multiple", A("chosen", lambda w, a=app, o=obj: reverse(
            f"{a}_chooser:chosen_multiple") + f"?id={resolve(w, o)}"))
        add(f"{app}_chooser:create", A("upload", u(f"{app}_chooser:create"), media,
                                       post=Post()))
    add("wagtaildocs:document_usage", A("usage", u("wagtaildocs:document_usage", "@document"),
                                        TRAINERS | ADMIN))
    add("wagtailimages:image_usage", A("usage", u("wagtailimages:image_usage", "@image"),
                                       TRAINERS | ADMIN))
    # No dynamic image serve view is installed: the URL generator is off for everyone.
    add("wagtailimages:url_generator", A("URL generator", u("wagtailimages:url_generator",
                                                            "@image"), media, ok="404"))
    add("wagtailimages:url_generator_output", A("URL generator", u(
        "wagtailimages:url_generator_output", "@image"), media, ok="404"))
    add("wagtailimages:preview", A("preview", u("wagtailimages:preview", "@image",
                                                "original"), TRAINERS | ADMIN))
    add("wagtailimages_chooser:select_format", A("format", u(
        "wagtailimages_chooser:select_format", "@image"), TRAINERS | ADMIN))
    add("wagtailadmin_sprite", A("icons", u("wagtailadmin_sprite"), EVERYONE))
    # The admin's own password reset is off: allauth's is the only one (404 for everyone).
    add("wagtailadmin_password_reset", A("reset", u("wagtailadmin_password_reset"), EVERYONE,
                                         ok="404", anon="404"))
    add("wagtailadmin_password_reset_done", A("reset", u("wagtailadmin_password_reset_done"),
                                              EVERYONE, ok="404", anon="404"))
    add("wagtailadmin_password_reset_confirm", A("a wrong key", u(
        "wagtailadmin_password_reset_confirm", "x", "y"), EVERYONE, ok="404", anon="404"))
    add("wagtailadmin_password_reset_complete", A("reset", u(
        "wagtailadmin_password_reset_complete"), EVERYONE, ok="404", anon="404"))
    add("wagtailadmin_javascript_catalog", A("translations", u(
        "wagtailadmin_javascript_catalog"), EVERYONE))
    t.update(_snippet_entries())
    return t


def _snippet_entries() -> dict[str, list[Probe]]:
    """Each snippet viewset: the list, add, edit, delete, usage, history, (copy, inspect, ...)
    and its chooser. Scoped viewsets (cooperatives, memberships, officer scopes) answer 404 for
    an object outside the user's scope; the others send a user without the permission to the
    dashboard ("home")."""
    t: dict[str, list[Probe]] = {}
    scoped = {"cooperatives_cooperative", "cooperatives_membership", "cooperatives_officerscope"}
    # model: (objects [(label, ref, may open it)], may list, may add, may change the shared
    # objects, may delete, extra object views)
    specs = {
        "cooperatives_cooperative": (
            [("A", "@coop_a", P_SIDE), ("C", "@coop_c", Q_SIDE)],
            OFFICERS | ADMIN, OFFICERS | ADMIN, None, ADMIN, ()),
        "cooperatives_membership": (
            [("member_a's", "@membership_a", P_SIDE), ("C's member's", "@membership_c", Q_SIDE)],
            OFFICERS | ADMIN, ADMIN, None, ADMIN, ()),
        # Reference data: officers read the lists, the site admin changes them.
        "cooperatives_cooperativeunion": (
            [("P's union", "@union_p", ADMIN)], OFFICERS | ADMIN, ADMIN, ADMIN, ADMIN,
            ("copy",)),
        "cooperatives_commune": (
            [("Q's commune", "@commune_q", ADMIN)], OFFICERS | ADMIN, ADMIN, ADMIN, ADMIN,
            ("copy",)),
        "cooperatives_officerscope": (
            [("officer_q's scope", "@scope_q", ADMIN)], ADMIN, ADMIN, ADMIN, ADMIN, ()),
        "courses_coursecategory": (
            [("a category", "@category", TRAINERS | ADMIN)], TRAINERS | ADMIN,
            TRAINERS | ADMIN, TRAINERS | ADMIN, ADMIN, ("copy",)),
        # Trainers author checklists; officers read the lists and the versions (inspect).
        "certification_standard": (
            [("VietGAP", "@vietgap.standard_id", TRAINERS | ADMIN)], STAFF, TRAINERS | ADMIN,
            TRAINERS | ADMIN, NOBODY, ()),
        "certification_standardversion": (
            [("VietGAP v1", "@vietgap", TRAINERS | ADMIN)], STAFF, TRAINERS | ADMIN,
            TRAINERS | ADMIN, NOBODY, ("inspect", "new_version", "publish")),
    }
    for model, (objects, listing, adding, changing, deleting, extras) in specs.items():
        ns = f"wagtailsnippets_{model}"
        choosers = f"wagtailsnippetchoosers_{model}"
        refused = "404" if model in scoped else "home"
        t[f"{ns}:list"] = [A("list", u(f"{ns}:list"), listing)]
        t[f"{ns}:list_results"] = [A("list", u(f"{ns}:list_results"), listing)]
        t[f"{ns}:add"] = [A("add", u(f"{ns}:add"), adding, post=Post())]
        # Choosers open for any admin user and list only the user's scope (nothing for those
        # without one); picking an object is checked by `chosen`.
        t[f"{choosers}:choose"] = [A("chooser", u(f"{choosers}:choose"))]
        t[f"{choosers}:choose_results"] = [A("chooser", u(f"{choosers}:choose_results"))]
        t[f"{choosers}:chosen_multiple"] = [A("chosen", u(f"{choosers}:chosen_multiple"))]
        t[f"{choosers}:create"] = [A("chooser's add", u(f"{choosers}:create"), adding,
                                     post=Post())]
        t[f"{choosers}:chosen"] = [
            A(label, u(f"{choosers}:chosen", ref), allowed if model in scoped else STAFF,
              refused="404") for label, ref, allowed in objects]
        for view in ("edit", "delete", "usage", "history", "history_results", *extras):
            probes = []
            for label, ref, opening in objects:
                overrides = {}
                if view == "delete":
                    allowed = deleting
                    if model in scoped:
                        # In scope but without the delete permission: the dashboard.
                        overrides = dict.fromkeys(opening - ADMIN, "home")
                    if model.startswith("certification_"):
                        # Standards and versions in use: the hook refuses and sends back.
                        overrides = {"admin": "redirect"}
                elif view == "publish":
                    allowed = TRAINERS | ADMIN
                    overrides = dict.fromkeys(allowed, "redirect")  # published already
                elif view == "inspect":
                    allowed = STAFF
                elif model in scoped:
                    allowed = opening
                else:
                    allowed = changing
                probes.append(A(label, u(f"{ns}:{view}", ref), allowed, refused=refused,
                                overrides=overrides,
                                post=Post() if view in ("edit", "delete", "copy", "new_version",
                                                        "publish") else None))
            t[f"{ns}:{view}"] = probes
    t["wagtailsnippets_certification_standardversion:export"] = [A(
        "VietGAP v1 as YAML", u("wagtailsnippets_certification_standardversion:export",
                                "@vietgap", "yaml"), STAFF)]
    t["wagtailsnippets_certification_standardversion:import"] = [A(
        "import", u("wagtailsnippets_certification_standardversion:import"), TRAINERS | ADMIN,
        post=Post())]
    return t


TABLE.update(_admin_entries())

# Views that take a POST without a CSRF token by design: probe label -> (the answer to a
# tokenless POST, whether it may write).
CSRF_EXEMPT = {
    # RFC 8058 one-click unsubscribe: the signed token in the URL is the authority, and the
    # one write is turning that person's digest off.
    "accounts:unsubscribe": {"a valid link (the signed token is the capability)": ("200", True),
                             "an altered link": ("400", False)},
}

# Writes that are not a change of what the platform holds: the session, and Wagtail's lazily
# created per-user admin preferences.
IGNORED_TABLES = ("django_session", "wagtailusers_userprofile")


# --- walking the URL patterns --------------------------------------------------------------


def _walk(resolver, prefix="", namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if pattern.name:
                yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), route
            else:
                yield route, route


def url_patterns() -> dict[str, str]:
    return dict(_walk(get_resolver()))


# --- requests ------------------------------------------------------------------------------


def outcome(response) -> str:
    status = response.status_code
    if 300 <= status < 400:
        location = response.get("Location", "")
        path = location.split("?", 1)[0]
        if path.startswith(("/accounts/login/", "/admin/login/", "/_util/login/")):
            return "login"
        if path == "/admin/":
            return "home"
        return "redirect"
    return str(status)


def _writes(queries) -> list[str]:
    found = []
    for query in queries:
        sql = query["sql"].lstrip().upper()
        if not sql.startswith(("INSERT", "UPDATE", "DELETE")):
            continue
        if any(f'"{table.upper()}"' in sql or f" {table.upper()} " in sql
               for table in IGNORED_TABLES):
            continue
        found.append(query["sql"][:120])
    return found


class Sessions:
    """One signed-in session per role, made once; each request gets a fresh client carrying
    it, so a request that logs out or rotates the session cannot leak into the next cell."""

    def __init__(self, world):
        self.keys = {}
        for role, user in world.users.items():
            if user is not None:
                client = Client()
                client.force_login(user)
                self.keys[role] = client.cookies[settings.SESSION_COOKIE_NAME].value

    def client(self, role, *, csrf: bool = False, token: str | None = None) -> Client:
        client = Client(enforce_csrf_checks=csrf, HTTP_ACCEPT_LANGUAGE="vi")
        if role in self.keys:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.keys[role]
        if token:
            client.cookies[settings.CSRF_COOKIE_NAME] = token
        return client


def _close(response) -> None:
    """Close a response (a file stays open until then) as Django's test client closes its own:
    without `close_old_connections`, which would close the database connection in the middle of
    the module's transaction (on PostgreSQL; SQLite's in-memory database ignores it)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def request(client, method: str, url: str, data=None) -> tuple[str, list[str]]:
    """One cell: the request inside a transaction that is rolled back, so cells are
    independent; returns the outcome and the writes it made before the rollback."""
    # A GET only reads: its queries are not kept (the cheaper path for thousands of cells).
    capture = CaptureQueriesContext(connection) if method != "GET" else nullcontext()
    with transaction.atomic(), capture as queries:
        try:
            response = client.get(url) if method == "GET" else client.post(url, data or {})
            result = outcome(response)
            _close(response)
        except Exception as error:  # noqa: BLE001 - a 500 is one more outcome to report
            result = "500"
            print(f"500 on {method} {url}: {type(error).__name__}: {error}")
        writes = _writes(queries.captured_queries) if queries is not None else []
        transaction.set_rollback(True)
    return result, writes


FINGERPRINT_APPS = {"accounts", "cooperatives", "courses", "certification", "exports",
                    "dashboards", "home", "wagtailcore", "wagtailimages", "wagtaildocs",
                    "wagtailredirects", "auth", "account"}
FINGERPRINT_TIMES = ("updated_at", "last_activity_at", "revoked_at", "replaced_at",
                     "last_published_at", "created_at")


def _fingerprint_sql() -> str:
    parts = []
    for model in apps.get_models():
        if model._meta.app_label not in FINGERPRINT_APPS or model._meta.proxy:
            continue
        table = connection.ops.quote_name(model._meta.db_table)
        # The table's own columns: a page model's inherited ones live in its parent's table
        # (SQLite would read a missing quoted column as a string; PostgreSQL refuses it).
        columns = {f.name: f.column for f in model._meta.local_concrete_fields}
        times = [connection.ops.quote_name(columns[name]) for name in FINGERPRINT_TIMES
                 if name in columns]
        latest = f"MAX({times[0]})" if times else "NULL"
        parts.append(f"SELECT '{model._meta.label}', COUNT(*), CAST({latest} AS VARCHAR(64)) "
                     f"FROM {table}")
    return " UNION ALL ".join(parts)


def fingerprint() -> tuple:
    """Row counts of every model of the platform and of Wagtail's pages, revisions, images and
    documents, with the latest change time where a model records one: one query."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        return tuple(sorted(cursor.fetchall()))


def _probes():
    for key, probes in TABLE.items():
        for probe in probes:
            yield key, probe


def _report(rows, title) -> str:
    lines = [title, f"{'role':<10} {'method':<6} {'url':<70} {'expected':<10} got"]
    for role, method, url, expected, got in rows:
        lines.append(f"{role:<10} {method:<6} {url:<70} {expected:<10} {got}")
    return "\n".join(lines)


# --- the tests -----------------------------------------------------------------------------


def test_every_url_pattern_is_classified():
    """A URL pattern missing from the table fails here by name: classify it or remove it."""
    patterns = url_patterns()
    missing = sorted(f"{key}  (route {route})" for key, route in patterns.items()
                     if key not in TABLE)
    assert not missing, ("URL patterns with no entry in the access matrix (tests/security/"
                         "test_access_matrix.py, TABLE):\n" + "\n".join(missing))


def test_every_role_gets_what_the_table_says_on_every_url(world):
    started = time.monotonic()
    sessions = Sessions(world)
    patterns = url_patterns()
    mismatches, cells = [], 0
    dump = os.environ.get("MATRIX_DUMP")
    for key, probe in _probes():
        if key not in patterns:
            continue  # e.g. media files, served only with DEBUG on
        url = probe.url(world)
        row = []
        probe_started = time.monotonic()
        for role in ROLES:
            got, _writes_made = request(sessions.client(role), "GET", url)
            cells += 1
            expected = probe.expected(role)
            row.append(got)
            if got != expected:
                mismatches.append((role, "GET", url, expected, got))
        if dump:
            print(f"DUMP {time.monotonic() - probe_started:.2f} {key!r} {probe.label!r} {url} "
                  + " ".join(
                f"{role}={got}" for role, got in zip(ROLES, row, strict=True)))
    elapsed = time.monotonic() - started
    print(f"\naccess matrix: {cells} GET cells in {elapsed:.1f}s")
    assert not mismatches, _report(mismatches, f"{len(mismatches)} of {cells} GET cells differ "
                                                "from the access matrix:")


def _csrf_token() -> tuple[str, str]:
    secret = _get_new_csrf_string()
    return secret, _mask_cipher_secret(secret)


def test_no_post_without_a_csrf_token_changes_anything(world):
    """Every URL, POSTed by a signed-in role allowed there (the site admin where nobody is)
    without a CSRF token: 403 and no write at all."""
    started = time.monotonic()
    sessions = Sessions(world)
    patterns = url_patterns()
    failures, cells = [], 0
    for key, probe in _probes():
        if key not in patterns:
            continue
        allowed = [role for role in ROLES if role in probe.post_allow() and role != "anonymous"]
        role = allowed[0] if allowed else "admin"
        url = probe.url(world)
        data = probe.post.data(world) if probe.post else {}
        got, writes = request(sessions.client(role, csrf=True), "POST", url, data)
        cells += 1
        expected, may_write = CSRF_EXEMPT.get(key, {}).get(probe.label, ("403", False))
        if got != expected or (writes and not may_write):
            failures.append((role, "POST", url, expected, f"{got} {writes or ''}"))
    print(f"\naccess matrix: {cells} POST cells without a token in "
          f"{time.monotonic() - started:.1f}s")
    assert not failures, _report(failures, "POSTs without a CSRF token that were not refused "
                                           "or that wrote:")


def test_a_refused_role_changes_nothing_even_with_a_csrf_token(world):
    """Every state-changing probe, POSTed with a valid CSRF token by each signed-in role not
    allowed to make the change: refused (no 2xx) and the database unchanged. The data is that
    of a real change: the allowed role's POST is checked to write where `effective`."""
    started = time.monotonic()
    sessions = Sessions(world)
    patterns = url_patterns()
    failures, cells = [], 0
    secret, token = _csrf_token()
    before = fingerprint()
    for key, probe in _probes():
        if key not in patterns or probe.post is None:
            continue
        url = probe.url(world)
        allowed = probe.post_allow()
        for role in ROLES:
            if role == "anonymous":
                continue
            data = {**probe.post.data(world), "csrfmiddlewaretoken": token}
            client = sessions.client(role, csrf=True, token=secret)
            if role in allowed:
                if probe.post.effective and role == min(allowed & SIGNED_IN, default=None):
                    got, writes = request(client, "POST", url, data)
                    cells += 1
                    if not writes:
                        failures.append((role, "POST", url, "a write", f"{got} no write"))
                continue
            with transaction.atomic():
                got, writes = request(client, "POST", url, data)
                after = fingerprint()  # before the rollback of the cell's outer block
                transaction.set_rollback(True)
            cells += 1
            if got.startswith("2") or writes or before != after:
                changed = [b for b, a in zip(before, after, strict=True) if a != b]
                failures.append((role, "POST", url, "refused",
                                 f"{got} writes={writes[:2]} changed={changed[:3]}"))
    print(f"\naccess matrix: {cells} POST cells with a token in "
          f"{time.monotonic() - started:.1f}s")
    assert not failures, _report(failures, "POSTs by a refused role that were not refused, or "
                                           "payloads that change nothing for the allowed role:")
