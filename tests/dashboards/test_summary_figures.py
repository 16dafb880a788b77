"""Every participation figure the dashboard reads from the summary tables equals the one counted
from the rows by the plain Python below, over random memberships (learners in two cooperatives,
memberships not active), enrollments, completions and certificates (revoked, expired) dated on
the edges of local days, and random periods and filters."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certification.certificates.codes import code_new
from certification.models import Certificate
from courses.models import Enrollment
from lms.cooperatives.models import Cooperative, Membership
from lms.dashboards import selectors, summaries
from lms.dashboards.selectors import Filters
from tests.factories import CommuneFactory, CooperativeFactory, UserFactory, province
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DAYS = [datetime.date(2025, 3, 1) + datetime.timedelta(days=n) for n in range(5)]
TIMES = [datetime.time(0, 0), datetime.time(0, 1), datetime.time(12), datetime.time(23, 59)]
USERS, COOPERATIVES = 6, 4


@pytest.fixture
def world(db):
    """Four cooperatives in two provinces and three sectors, six people, three courses in two
    categories; what happens to them is drawn by each example."""
    bac_ninh, son_la = province("Bắc Ninh"), province("Sơn La")
    commune = CommuneFactory(province=bac_ninh)
    cooperatives = [
        CooperativeFactory(province=bac_ninh, commune=commune, sector="crop"),
        CooperativeFactory(province=bac_ninh, commune=commune, sector="livestock"),
        CooperativeFactory(province=bac_ninh, commune=None, sector="crop"),
        CooperativeFactory(province=son_la, commune=None, sector="crop"),
    ]
    courses = [make_course(lessons=1, quiz=False, category_slug=slug)
               for slug in ("management", "management", "accounting")]
    return {"cooperatives": cooperatives, "users": [UserFactory() for _ in range(USERS)],
            "courses": courses, "provinces": [bac_ninh, son_la]}


moments = st.tuples(st.sampled_from(DAYS), st.sampled_from(TIMES))
enrollment = st.fixed_dictionaries({
    "start": moments,
    # days after the start it was completed (same day at a later time when 0), or never
    "completed": st.none() | st.tuples(st.integers(0, 3), st.sampled_from(TIMES)),
    "certificate": st.sampled_from(["none", "valid", "revoked", "expired", "expires_today",
                                    "replaced"]),
})
events = st.fixed_dictionaries({
    # (user, cooperative) -> membership status
    "memberships": st.dictionaries(
        st.tuples(st.integers(0, USERS - 1), st.integers(0, COOPERATIVES - 1)),
        st.sampled_from(["active", "active", "pending", "declined"]), max_size=10),
    "enrollments": st.dictionaries(st.tuples(st.integers(0, USERS - 1), st.integers(0, 2)),
                                   enrollment, max_size=12),
})
filters = st.fixed_dictionaries({
    "date_from": st.none() | st.sampled_from(DAYS),
    "date_to": st.none() | st.sampled_from(DAYS),
    "province": st.none() | st.integers(0, 1),
    "sector": st.sampled_from(["", "crop", "livestock"]),
    "course": st.none() | st.integers(0, 2),
    "category": st.none() | st.sampled_from(["management", "accounting"]),
})


def local(day, time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=ZONE)


def write(world, drawn) -> None:
    Certificate.objects.all().delete()
    Enrollment.objects.all().delete()
    Membership.objects.all().delete()
    for (u, c), status in drawn["memberships"].items():
        Membership.objects.create(user=world["users"][u], cooperative=world["cooperatives"][c],
                                  status=status)
    now = timezone.now()
    for (u, k), item in drawn["enrollments"].items():
        user, course = world["users"][u], world["courses"][k]
        row = Enrollment.objects.create(user=user, course=course,
                                        course_key=course.translation_key)
        started = local(*item["start"])
        completed = None
        if item["completed"] is not None:
            days, time = item["completed"]
            completed = max(local(item["start"][0] + datetime.timedelta(days=days), time),
                            started)
        Enrollment.objects.filter(pk=row.pk).update(
            enrolled_at=started, completed_at=completed,
            status=Enrollment.Status.COMPLETED if completed else Enrollment.Status.ACTIVE)
        kind = item["certificate"]
        if completed is None or kind == "none":
            continue
        today = timezone.localdate()
        Certificate.objects.create(
            code=code_new(), kind=Certificate.Kind.COURSE, recipient=user,
            source_key=str(course.translation_key), source_id=row.pk, language="vi",
            issued_at=completed,
            revoked_at=now if kind == "revoked" else None,
            replaced_at=now if kind == "replaced" else None,
            expires_at={"expired": local(today - datetime.timedelta(days=1), TIMES[3]),
                        "expires_today": local(today, TIMES[0]),
                        "valid": local(today + datetime.timedelta(days=400), TIMES[2])}.get(kind),
            snapshot={})


# --- the reference: plain Python over the rows ---------------------------------------------


class Reference:
    def __init__(self, scope_cooperatives, f: Filters):
        self.f = f
        self.cooperatives = [c for c in scope_cooperatives
                             if (not f.province_id or c.province_id == f.province_id)
                             and (not f.sector or c.sector == f.sector)]
        self.members = {c.pk: {m.user_id for m in Membership.objects.filter(
            cooperative=c, status="active")} for c in self.cooperatives}
        self.enrollments = list(Enrollment.objects.select_related("course__category"))
        self.certificates = list(Certificate.objects.all())

    def in_period(self, moment) -> bool:
        if moment is None:
            return False
        day = timezone.localdate(moment)
        return ((not self.f.date_from or day >= self.f.date_from)
                and (not self.f.date_to or day <= self.f.date_to))

    def course_ok(self, e) -> bool:
        return ((not self.f.course_key or e.course_key == self.f.course_key)
                and (not self.f.category_key
                     or (e.course.category and e.course.category.translation_key
                         == self.f.category_key)))

    def started(self, e) -> bool:
        return self.course_ok(e) and self.in_period(e.enrolled_at)

    def finished(self, e) -> bool:
        return (self.course_ok(e) and e.status == "completed"
                and self.in_period(e.completed_at))

    def figures(self, cooperatives, enrollments=None) -> dict:
        people = set().union(*(self.members[c.pk] for c in cooperatives))
        mine = [e for e in (enrollments or self.enrollments) if e.user_id in people]
        started = [e for e in mine if self.started(e)]
        return {
            "learners": len({e.user_id for e in started}),
            "enrollments": len(started),
            "completions": len([e for e in mine if self.finished(e)]),
            "cohort_completed": len([e for e in started if e.status == "completed"]),
            "reached": len([c for c in cooperatives
                            if any(e.user_id in self.members[c.pk] for e in started)]),
            "cooperatives": len(cooperatives),
        }

    def certificates_of(self, cooperatives) -> list[Certificate]:
        people = set().union(*(self.members[c.pk] for c in cooperatives))
        by_pk = {e.pk: e for e in self.enrollments}
        result = []
        for cert in self.certificates:
            source = by_pk.get(cert.source_id)
            if (cert.kind == "course" and cert.recipient_id in people
                    and cert.status == Certificate.Status.VALID
                    and self.in_period(cert.issued_at)
                    and (not (self.f.course_key or self.f.category_key)
                         or (source is not None and self.course_ok(source)))):
                result.append(cert)
        return result


def rows_of(rows, names) -> dict:
    return {row.key: {name: getattr(row, name) for name in names} for row in rows}


ENROLMENT_FIGURES = ("enrollments", "completions", "cohort_completed")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(drawn=events, chosen=filters)
def test_every_summary_figure_equals_the_count_from_the_rows(world, drawn, chosen):
    write(world, drawn)
    summaries.rebuild()
    courses, provinces = world["courses"], world["provinces"]
    f = Filters(
        date_from=chosen["date_from"], date_to=chosen["date_to"],
        province_id=provinces[chosen["province"]].pk if chosen["province"] is not None else None,
        sector=chosen["sector"],
        course_key=courses[chosen["course"]].translation_key if chosen["course"] is not None
        else "",
        category_key=next((c.category.translation_key for c in courses
                           if c.category.slug == chosen["category"]), "")
        if chosen["category"] else "")
    everything = Cooperative.objects.all()
    scoped = everything
    if f.province_id:
        scoped = scoped.filter(province_id=f.province_id)
    if f.sector:
        scoped = scoped.filter(sector=f.sector)
    ref = Reference(list(everything), f)
    names = selectors.catalogue()

    totals = selectors.participation_totals(scoped, f)
    expected = ref.figures(ref.cooperatives)
    assert {name: getattr(totals, name) for name in ("learners", *ENROLMENT_FIGURES)} == {
        name: expected[name] for name in ("learners", *ENROLMENT_FIGURES)}
    assert totals.certificates == len(ref.certificates_of(ref.cooperatives))
    assert totals.rate == (round(100 * expected["cohort_completed"] / expected["enrollments"], 1)
                           if expected["enrollments"] else None)

    by_course = {}
    for e in ref.enrollments:
        if ref.started(e) or ref.finished(e):
            by_course.setdefault(str(e.course_key), []).append(e)
    expected_courses = {}
    for key, group in by_course.items():
        counts = ref.figures(ref.cooperatives, group)
        if counts["enrollments"] or counts["completions"]:
            expected_courses[key] = {name: counts[name] for name in ENROLMENT_FIGURES}
            expected_courses[key]["certificates"] = len(
                [c for c in ref.certificates_of(ref.cooperatives) if c.source_key == key])
    assert rows_of(selectors.participation_by_course(scoped, f, names),
                   (*ENROLMENT_FIGURES, "certificates")) == expected_courses

    expected_categories = {}
    for e in ref.enrollments:
        key = str(e.course.category.translation_key)
        group = [x for x in ref.enrollments if str(x.course.category.translation_key) == key]
        counts = ref.figures(ref.cooperatives, group)
        if counts["enrollments"] or counts["completions"]:
            expected_categories[key] = {name: counts[name]
                                        for name in ("learners", *ENROLMENT_FIGURES)}
    assert rows_of(selectors.participation_by_category(scoped, f, names),
                   ("learners", *ENROLMENT_FIGURES)) == expected_categories

    group_figures = ("cooperatives", "reached", "learners", *ENROLMENT_FIGURES)
    expected_sectors = {}
    for sector in {c.sector for c in ref.cooperatives}:
        counts = ref.figures([c for c in ref.cooperatives if c.sector == sector])
        expected_sectors[sector] = {name: counts[name] for name in group_figures}
    assert rows_of(selectors.participation_by_sector(scoped, f), group_figures) == \
        expected_sectors

    expected_communes = {}
    for place in {(c.province_id, c.commune_id) for c in ref.cooperatives}:
        counts = ref.figures([c for c in ref.cooperatives
                              if (c.province_id, c.commune_id) == place])
        name_of = next(c.province.name for c in ref.cooperatives if c.province_id == place[0])
        expected_communes[(place[1], name_of)] = {
            name: counts[name] for name in group_figures}
    communes = selectors.participation_by_commune(scoped, f)
    assert {(row.key, row.detail): {name: getattr(row, name) for name in group_figures}
            for row in communes} == expected_communes

    months = selectors.participation_by_month(scoped, f)
    first = months[0].key if months else None
    for row in months:
        def in_month(moment, month=row.key):
            day = timezone.localdate(moment)
            return (day.year, day.month) == (month.year, month.month) and day >= first \
                and day <= (f.date_to or timezone.localdate())
        people = set().union(*(ref.members[c.pk] for c in ref.cooperatives))
        mine = [e for e in ref.enrollments if e.user_id in people]
        assert row.enrollments == len([e for e in mine if ref.started(e)
                                       and in_month(e.enrolled_at)])
        assert row.completions == len([e for e in mine if ref.finished(e)
                                       and in_month(e.completed_at)])
