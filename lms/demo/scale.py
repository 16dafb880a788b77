"""A whole country's worth of invented rows for load tests (`manage.py seed_scale`, issue 16):
provinces' communes and cooperatives, learners and their memberships, enrollments with lesson
progress and passed quizzes, certificates, submitted self-assessments with their reports and
action plans.

Two halves. The few things that must be real go through the services a person's clicks go
through: the courses (lms.demo.courses, then copied in Wagtail), the known accounts and one
learner's courses, and two self-assessments per standard, whose reports, action plans,
certificates and PDFs become the templates of the rest. The mass is drawn by `people_rows`, a
pure function of the profile and what the database holds (`World`), from a generator seeded by
the profile's name, and written by `TableWriter` in batches (COPY on PostgreSQL): no signal, no
save() and no PDF per row. Every seeded certificate and report PDF points at the one file
rendered for its template, so the sweeps (docs/decisions/0010) find nothing owed."""

import bisect
import datetime
import decimal
import hashlib
import json
import random
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.core.management.color import no_style
from django.db import connection

from certification.certificates.codes import ALPHABET, LENGTH
from lms.cooperatives.models import registration_code_key
from lms.months import add_months
from lms.text import fold, vietnamese_collation_key

SEED = 2026
PASSWORD = "bench-pass-2026"
DOMAIN = "scale.example"
BATCH = 10_000
YEAR = datetime.timedelta(days=365)
HUNDRED = decimal.Decimal("100.0")


@dataclass(frozen=True)
class Profile:
    """How much of everything. `certificates` counts course and self-assessment certificates:
    every completed enrollment and every submitted self-assessment has one, so the completed
    enrollments number `certificates - assessments`."""

    name: str
    provinces: int
    communes: int
    cooperatives: int
    learners: int  # users with a membership
    courses: int  # Vietnamese course pages (the demo ones also have an English copy)
    enrollments: int
    lesson_progress: int
    assessments: int  # submitted self-assessments, each with its readiness report
    certificates: int
    standards: tuple[str, ...] = ("vietgap-crop",)
    demo_courses: int = 5  # read from lms/demo/content/; the rest are copies of them
    every_checklist: bool = True  # else only those of `standards` (quicker, for the tests)

    @property
    def completed(self) -> int:
        return self.certificates - self.assessments


PROFILES = {
    "national": Profile("national", 34, 3321, 35_000, 150_000, 40, 600_000, 1_500_000, 20_000,
                        220_000, standards=("vietgap-crop", "globalgap-ifa-fv",
                                            "ocop-fresh-produce")),
    "province": Profile("province", 1, 100, 1_000, 4_300, 40, 17_000, 43_000, 570, 6_300,
                        standards=("vietgap-crop", "ocop-fresh-produce")),
    "small": Profile("small", 2, 20, 200, 800, 8, 3_000, 7_500, 100, 1_100),
    # For the tests only: every kind of row, in seconds.
    "tiny": Profile("tiny", 2, 6, 12, 40, 3, 90, 240, 6, 40, demo_courses=1,
                    every_checklist=False),
}

# --- names ---------------------------------------------------------------------------------

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lò", "Hà", "Mai", "Tạ", "Trịnh"]
MIDDLE = {"f": ["Thị", "Thị Thu", "Thị Hồng", "Ngọc", "Thị Minh", "Thanh", "Thị Kim"],
          "m": ["Văn", "Minh", "Quốc", "Đức", "Hữu", "Công", "Thanh", "Xuân"]}
GIVEN = {"f": ["Lan", "Hoa", "Mai", "Hương", "Hà", "Thảo", "Linh", "Trang", "Nga", "Hạnh",
               "Yến", "Xuân", "Nhung", "Phương", "Loan", "Dung", "Huệ", "Vân"],
         "m": ["Minh", "Tuấn", "Hùng", "Dũng", "Nam", "Sơn", "Long", "Hải", "Thắng", "Cường",
               "Phúc", "Bình", "Tài", "Khoa", "Quang", "Trung", "Hiếu", "Toàn"]}
PLACE = ["Tân", "Phú", "An", "Bình", "Hòa", "Thạnh", "Long", "Mỹ", "Vĩnh", "Đông", "Tây",
         "Nam", "Bắc", "Thuận", "Phước", "Hưng", "Quang", "Minh", "Hồng", "Thanh", "Kim", "Yên",
         "Xuân", "Đại", "Cẩm", "Lạc", "Trung", "Hợp", "Nghĩa", "Lợi", "Sơn", "Hải"]
# sector -> what cooperatives of the sector call themselves
TRADES = {
    "crop": ["Rau an toàn", "Lúa gạo", "Cà phê", "Chè", "Cây ăn quả", "Hồ tiêu", "Điều"],
    "livestock": ["Chăn nuôi", "Chăn nuôi bò", "Nuôi ong"],
    "fishery": ["Thủy sản", "Nuôi tôm", "Nghề cá"],
    "mixed_services": ["Dịch vụ Nông nghiệp", "Dịch vụ Tổng hợp"],
    "forestry": ["Lâm nghiệp", "Trồng rừng"],
    "other": ["Thủ công mỹ nghệ", "Du lịch cộng đồng", "Vận tải"],
}
SECTOR_WEIGHTS = {"crop": 45, "livestock": 15, "fishery": 10, "mixed_services": 20,
                  "forestry": 4, "other": 6}
REVOKED_REASON = "Cấp nhầm người học, đã thu hồi theo đề nghị của hợp tác xã."
CLOSING_NOTE = "Đã khắc phục và lưu hồ sơ tại văn phòng hợp tác xã."


def person_name(rng: random.Random) -> str:
    sex = rng.choice("fm")
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"


def certificate_code(rng: random.Random, taken: set[str]) -> str:
    while True:
        code = "".join(rng.choice(ALPHABET) for _ in range(LENGTH))
        if code not in taken:
            taken.add(code)
            return code


def _moment(rng: random.Random, now: datetime.datetime, *, newest: datetime.timedelta,
            oldest: datetime.timedelta) -> datetime.datetime:
    """A moment between `oldest` and `newest` ago, to the second, at any time of day."""
    span = int((oldest - newest).total_seconds())
    return now - newest - datetime.timedelta(seconds=rng.randrange(span + 1))


# --- what the generator is given -----------------------------------------------------------


@dataclass(frozen=True)
class Province:
    id: int
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class Course:
    id: int
    key: uuid.UUID
    title: str
    titles: dict  # language -> title on the certificate
    slug: str
    hours: str
    valid_months: int | None
    trainer_id: int | None
    trainer_name: str
    lesson_keys: tuple[uuid.UUID, ...]
    quiz_id: int
    quiz_key: uuid.UUID
    answers: dict  # question id -> correct option keys: the passed attempt


@dataclass(frozen=True)
class ReportTemplate:
    """One real submission, copied for the others of its standard."""

    version_id: int
    version_label: str
    standard_names: dict  # language -> name
    profile: dict
    ready: bool
    reason: str
    snapshot: dict
    actions: tuple  # (control_point_id, gap, blocking, target_option, gain, course_id)


@dataclass(frozen=True)
class Cooperative:
    id: int
    name: str
    province_id: int
    union_name: str


@dataclass
class World:
    """What the mass of rows hangs on: ids and keys already in the database, the counts still
    to make, and the moment the history ends."""

    now: datetime.datetime
    password_hash: str
    cooperatives: list[Cooperative]
    courses: list[Course]
    templates: dict[str, list[ReportTemplate]]  # standard code -> templates
    learners: int
    enrollments: int
    completed: int
    lesson_progress: int
    assessments: int
    start_ids: dict[str, int]  # table -> first id to use
    province_names: dict[int, str] = field(default_factory=dict)
    managed: set[int] = field(default_factory=set)  # cooperatives that have a manager already
    revoker_id: int | None = None
    certificate_pdf: str = ""
    assessment_certificate_pdf: str = ""
    report_pdf: str = ""
    report_pdf_language: str = "vi"
    taken_codes: set[str] = field(default_factory=set)


# --- tables --------------------------------------------------------------------------------

# table -> (app_label.Model, columns in the order of the generated tuples)
TABLES = {
    "union": ("cooperatives.CooperativeUnion", ("id", "name", "province_id")),
    "commune": ("cooperatives.Commune", ("id", "province_id", "name", "kind", "name_collation")),
    "cooperative": ("cooperatives.Cooperative", (
        "id", "name", "registration_code", "province_id", "commune_id", "union_id", "sector",
        "member_count", "founded", "name_folded", "name_collation", "created_at")),
    "user": ("accounts.User", (
        "id", "password", "email", "full_name", "preferred_language", "date_joined",
        "last_login", "welcome_email_sent_at")),
    "email": ("account.EmailAddress", ("id", "user_id", "email", "verified", "primary")),
    "membership": ("cooperatives.Membership", (
        "id", "user_id", "cooperative_id", "role", "status", "requested_at", "decided_at")),
    "enrollment": ("courses.Enrollment", (
        "id", "user_id", "course_id", "course_key", "status", "enrolled_at", "completed_at",
        "last_page_key", "last_activity_at")),
    "progress": ("courses.LessonProgress", ("id", "enrollment_id", "lesson_key",
                                            "completed_at")),
    "attempt": ("courses.QuizAttempt", (
        "id", "enrollment_id", "quiz_key", "quiz_id", "number", "answers", "score", "passed",
        "submitted_at")),
    "certificate": ("certification.Certificate", (
        "id", "code", "kind", "recipient_id", "cooperative_id", "source_key", "source_id",
        "language", "issued_at", "expires_at", "revoked_at", "revoked_reason", "revoked_by_id",
        "snapshot", "pdf", "pdf_tries")),
    "assessment": ("certification.Assessment", (
        "id", "cooperative_id", "version_id", "profile", "status", "started_by_id",
        "started_at", "updated_at", "submitted_by_id", "submitted_at")),
    "report": ("certification.ReadinessReport", (
        "id", "assessment_id", "ready", "reason", "snapshot", "created_at")),
    "report_pdf": ("certification.ReadinessReportPdf", (
        "id", "report_id", "language", "file", "tries", "created_at", "rendered_at")),
    "action": ("certification.CorrectiveAction", (
        "id", "assessment_id", "control_point_id", "gap", "blocking", "target_option", "gain",
        "course_id", "owner_id", "due_date", "status", "closing_note", "closed_at", "position",
        "updated_at")),
}


# --- the generator -------------------------------------------------------------------------


def geography_rows(profile: Profile, provinces: list[Province], *, now: datetime.datetime,
                   start_ids: dict[str, int]) -> Iterator[tuple[str, tuple]]:
    """Unions, communes and cooperatives of the profile's provinces (the most populous first)."""
    rng = random.Random(f"{SEED}:{profile.name}:geography")
    weights = {province.id: rng.uniform(1, 6) for province in provinces}
    chosen = sorted(provinces, key=lambda p: (-weights[p.id], p.code))[:profile.provinces]
    total = sum(weights[p.id] for p in chosen)
    union_id, commune_id, cooperative_id = (start_ids["union"], start_ids["commune"],
                                            start_ids["cooperative"])
    commune_shares = _shares(profile.communes, [weights[p.id] / total for p in chosen])
    cooperative_shares = _shares(profile.cooperatives,
                                 [weights[p.id] / total for p in chosen])
    sectors, sector_weights = list(SECTOR_WEIGHTS), list(SECTOR_WEIGHTS.values())
    for province, communes, cooperatives in zip(chosen, commune_shares, cooperative_shares,
                                                strict=True):
        level = "thành phố" if province.kind == "city" else "tỉnh"
        yield "union", (union_id, f"Liên minh Hợp tác xã {level} {province.name}", province.id)
        names = _place_names(rng, communes)
        ids = []
        for name in names:
            kind = rng.choices(["commune", "ward", "special_zone"], [80, 19, 1])[0]
            yield "commune", (commune_id, province.id, name, kind,
                              vietnamese_collation_key(name))
            ids.append((commune_id, name))
            commune_id += 1
        used = Counter()
        for _ in range(cooperatives):
            commune, commune_name = rng.choice(ids)
            sector = rng.choices(sectors, sector_weights)[0]
            name = f"Hợp tác xã {rng.choice(TRADES[sector])} {commune_name}"
            used[name] += 1
            if used[name] > 1:
                name = f"{name} {used[name]}"
            code = registration_code_key(f"{province.code}{cooperative_id:08d}")
            founded = (now - _days(rng, 200, 20 * 365)).date()
            created = _moment(rng, now, newest=datetime.timedelta(days=30), oldest=3 * YEAR)
            yield "cooperative", (
                cooperative_id, name, code, province.id, commune, union_id, sector,
                int(rng.paretovariate(1.6) * 12), founded, fold(name),
                vietnamese_collation_key(name), created)
            cooperative_id += 1
        union_id += 1


def _days(rng, low: int, high: int) -> datetime.timedelta:
    return datetime.timedelta(days=rng.randint(low, high))


def _shares(total: int, fractions: list[float]) -> list[int]:
    """`total` split by `fractions`, summing exactly to `total` (largest remainders)."""
    raw = [total * f for f in fractions]
    shares = [int(x) for x in raw]
    for index in sorted(range(len(raw)), key=lambda i: shares[i] - raw[i])[:total - sum(shares)]:
        shares[index] += 1
    return shares


def _place_names(rng: random.Random, count: int) -> list[str]:
    pairs = [f"{a} {b}" for a in PLACE for b in PLACE if a != b]
    rng.shuffle(pairs)
    return [pairs[i % len(pairs)] + (f" {i // len(pairs) + 1}" if i >= len(pairs) else "")
            for i in range(count)]


def people_rows(world: World, *, name: str) -> Iterator[tuple[str, tuple]]:
    """The learners and everything they did, then the self-assessments, as (table, row) pairs.
    The same world and name give the same rows."""
    rng = random.Random(f"{SEED}:{name}:people")
    now = world.now
    ids = dict(world.start_ids)

    def next_id(table: str) -> int:
        ids[table] += 1
        return ids[table] - 1

    courses = world.courses
    learner_count, course_count = world.learners, len(courses)
    if world.enrollments > learner_count * course_count:
        raise ValueError("More enrollments than learners times courses.")
    # Which learner takes which course, which enrollments are completed, and how many lessons
    # each of the others has done: drawn first, so the counts come out exact.
    pairs = sorted(rng.sample(range(learner_count * course_count), world.enrollments))
    completed = set(rng.sample(range(len(pairs)), world.completed))
    done = [len(courses[pair % course_count].lesson_keys) if index in completed else 0
            for index, pair in enumerate(pairs)]
    remaining = world.lesson_progress - sum(done)
    owners = [index for index, pair in enumerate(pairs) if index not in completed
              for _ in range(len(courses[pair % course_count].lesson_keys) - 1)]
    if not 0 <= remaining <= len(owners):
        raise ValueError(f"Cannot place {world.lesson_progress} lesson progress rows: "
                         f"{sum(done)} for completed courses, room for {len(owners)} more.")
    for slot in rng.sample(range(len(owners)), remaining):
        done[owners[slot]] += 1
    del owners

    cooperatives = world.cooperatives
    weights = [rng.paretovariate(1.2) for _ in cooperatives]
    homes = rng.choices(range(len(cooperatives)), weights=weights, k=learner_count)
    managers: dict[int, int] = {}  # cooperative id -> manager's user id
    member_of: dict[int, Cooperative | None] = {}
    languages: dict[int, str] = {}
    names: dict[int, str] = {}
    first_user = ids["user"]
    start = 0
    for learner in range(learner_count):
        user_id = next_id("user")
        stop = bisect.bisect_left(pairs, (learner + 1) * course_count, lo=start)
        mine = range(start, stop)
        start = stop
        enrolled = {index: _moment(rng, now, newest=datetime.timedelta(days=2), oldest=3 * YEAR)
                    for index in mine}
        joined = min(enrolled.values(), default=_moment(
            rng, now, newest=datetime.timedelta(days=1), oldest=3 * YEAR)) - _days(rng, 0, 30)
        full_name = person_name(rng)
        language = "en" if rng.random() < 0.05 else "vi"
        email = f"hocvien{user_id - first_user + 1:06d}@{DOMAIN}"
        last_login = _moment(rng, now, newest=datetime.timedelta(0),
                             oldest=min(now - joined, 2 * YEAR))
        yield "user", (user_id, world.password_hash, email, full_name, language, joined,
                       last_login, joined)
        yield "email", (next_id("email"), user_id, email, True, True)
        names[user_id], languages[user_id] = full_name, language
        cooperative = cooperatives[homes[learner]]
        status = rng.choices(["active", "pending", "declined"], [90, 7, 3])[0]
        role = "member"
        if status == "active":
            if cooperative.id not in managers and cooperative.id not in world.managed:
                managers[cooperative.id], role = user_id, "manager"
            elif rng.random() < 0.02:
                role = "accountant"
        decided = None if status == "pending" else joined + _days(rng, 0, 10)
        yield "membership", (next_id("membership"), user_id, cooperative.id, role, status,
                             joined, decided)
        member_of[user_id] = cooperative if status == "active" else None
        for index in mine:
            course = courses[pairs[index] % course_count]
            yield from _enrollment_rows(rng, world, next_id, user_id, full_name, language,
                                        member_of[user_id], course, enrolled[index],
                                        done[index], index in completed)
    yield from _assessment_rows(rng, world, next_id, managers, names, languages)


def _enrollment_rows(rng, world: World, next_id, user_id, full_name, language, cooperative,
                     course: Course, enrolled_at, done: int, completed: bool):
    now = world.now
    enrollment_id = next_id("enrollment")
    # Lessons are done one after another, minutes to days apart, and never after today.
    moments, moment = [], enrolled_at
    for _ in range(done):
        moment = min(moment + datetime.timedelta(minutes=rng.randint(5, 60 * 24 * 6)),
                     now - datetime.timedelta(hours=1))
        moments.append(moment)
    completed_at = None
    if completed:
        completed_at = min((moments[-1] if moments else enrolled_at)
                           + datetime.timedelta(minutes=rng.randint(3, 60 * 24 * 3)),
                           now - datetime.timedelta(hours=1))
    last_key = course.quiz_key if completed else (
        course.lesson_keys[done - 1] if done else None)
    last_activity = completed_at or (moments[-1] if moments else None)
    yield "enrollment", (enrollment_id, user_id, course.id, course.key,
                         "completed" if completed else "active", enrolled_at, completed_at,
                         last_key, last_activity)
    for key, moment in zip(course.lesson_keys, moments, strict=False):
        yield "progress", (next_id("progress"), enrollment_id, key, moment)
    if not completed:
        return
    yield "attempt", (next_id("attempt"), enrollment_id, course.quiz_key, course.quiz_id, 1,
                      course.answers, HUNDRED, True, completed_at)
    issued = completed_at + datetime.timedelta(seconds=rng.randint(5, 120))
    revoked = issued + _days(rng, 1, 60) if rng.random() < 0.004 else None
    if revoked is not None and revoked > now:
        revoked = None
    local_day = completed_at.astimezone(world.now.tzinfo).date()
    snapshot = {
        "holder": full_name, "course": course.titles.get(language, course.title),
        "course_slug": course.slug, "hours": course.hours,
        "completed_on": local_day.isoformat(), "trainer": course.trainer_name,
        "trainer_id": course.trainer_id,
        "cooperative": cooperative.name if cooperative else "",
        "union": cooperative.union_name if cooperative else "",
    }
    yield "certificate", (
        next_id("certificate"), certificate_code(rng, world.taken_codes), "course", user_id,
        cooperative.id if cooperative else None, str(course.key), enrollment_id, language,
        issued, add_months(issued, course.valid_months) if course.valid_months else None,
        revoked, REVOKED_REASON if revoked else "", world.revoker_id if revoked else None,
        snapshot, world.certificate_pdf, 1)


def _assessment_rows(rng, world: World, next_id, managers: dict[int, int], names, languages):
    """The self-assessments: most cooperatives with a manager assessed against one standard or
    more, some several times over the years; the latest report of each is recent, so its open
    actions fall due around today."""
    now, today = world.now, world.now.date()
    standards = sorted(world.templates)
    by_id = {cooperative.id: cooperative for cooperative in world.cooperatives}
    managed = sorted(managers)
    slots = [(cooperative, standard) for cooperative in managed for standard in standards]
    count = world.assessments
    distinct = min(len(slots), max(1, round(count * 0.8))) if count else 0
    if count and not slots:
        raise ValueError("No cooperative has a manager to submit a self-assessment.")
    chosen = rng.sample(slots, distinct)
    reports = Counter(range(distinct))
    for extra in rng.choices(range(distinct), k=count - distinct):
        reports[extra] += 1
    for index, (cooperative_id, standard) in enumerate(chosen):
        cooperative, manager = by_id[cooperative_id], managers[cooperative_id]
        submitted = _moment(rng, now, newest=datetime.timedelta(days=1),
                            oldest=datetime.timedelta(days=150))
        history = [submitted]
        for _ in range(reports[index] - 1):
            history.append(history[-1] - _days(rng, 120, 400))
        for number, submitted_at in enumerate(reversed(history), start=1):
            latest = number == len(history)
            template = rng.choice(world.templates[standard])
            yield from _report_rows(rng, world, next_id, template, cooperative, manager,
                                    names[manager], languages[manager], submitted_at,
                                    latest, today)


def _report_rows(rng, world: World, next_id, template: ReportTemplate, cooperative, manager,
                 manager_name, language, submitted_at, latest: bool, today):
    assessment_id = next_id("assessment")
    started = submitted_at - _days(rng, 1, 20)
    yield "assessment", (assessment_id, cooperative.id, template.version_id, template.profile,
                         "submitted", manager, started, submitted_at, manager, submitted_at)
    report_id = uuid.UUID(int=rng.getrandbits(128), version=4)
    snapshot = {**template.snapshot,
                "cooperative": {"id": cooperative.id, "name": cooperative.name,
                                "province": world.province_names.get(cooperative.province_id,
                                                                     "")},
                "submitted_at": submitted_at.isoformat(), "submitted_by": manager_name}
    yield "report", (report_id, assessment_id, template.ready, template.reason, snapshot,
                     submitted_at)
    yield "report_pdf", (next_id("report_pdf"), report_id, world.report_pdf_language,
                         world.report_pdf, 1, submitted_at,
                         submitted_at + datetime.timedelta(seconds=rng.randint(5, 60)))
    local_day = submitted_at.astimezone(world.now.tzinfo).date()
    for position, (point, gap, blocking, option, gain, course) in enumerate(template.actions):
        due = local_day + datetime.timedelta(days=30 if blocking else 90)
        if not latest or (due < today - datetime.timedelta(days=60) and rng.random() < 0.8):
            status = "done"
        else:
            status = rng.choices(["open", "in_progress", "done"], [50, 25, 25])[0]
        closed = None
        if status == "done":
            closed = min(submitted_at + _days(rng, 3, 120), world.now)
        yield "action", (next_id("action"), assessment_id, point, gap, blocking, option, gain,
                         course, manager, due, status, CLOSING_NOTE if closed else "", closed,
                         position, closed or submitted_at)
    names = template.standard_names
    yield "certificate", (
        next_id("certificate"), certificate_code(rng, world.taken_codes), "assessment", manager,
        cooperative.id, f"assessment:{assessment_id}", assessment_id, language,
        submitted_at + datetime.timedelta(seconds=rng.randint(5, 60)), None, None, "", None,
        {"holder": manager_name, "cooperative": cooperative.name,
         "standard": names.get(language) or names["vi"], "version": template.version_label,
         "completed_on": local_day.isoformat(), "report_id": str(report_id)},
        world.assessment_certificate_pdf, 1)


def digest(rows: Iterable[tuple[str, tuple]]) -> str:
    """A fingerprint of generated rows, to tell that two runs drew the same."""
    hasher = hashlib.sha256()
    for table, row in rows:
        hasher.update(json.dumps([table, row], default=str, ensure_ascii=False).encode())
    return hasher.hexdigest()


# --- writing -------------------------------------------------------------------------------


class TableWriter:
    """Rows into tables in batches, bypassing models' save() and signals: COPY on PostgreSQL,
    executemany elsewhere. Columns left out take the field's default. Explicit ids are given,
    so the sequences are moved past them at the end (`finish`)."""

    def __init__(self, *, batch: int = BATCH):
        from django.apps import apps

        self.batch = batch
        self.pending: dict[str, list[tuple]] = defaultdict(list)
        self.counts: Counter = Counter()
        self.specs = {}
        for table, (label, columns) in TABLES.items():
            model = apps.get_model(label)
            fields = {f.attname: f for f in model._meta.concrete_fields}
            given = [fields[column] for column in columns]
            # A generated column is the database's to fill (ReadinessReport.stars).
            extra = [f for f in model._meta.concrete_fields
                     if f.attname not in columns and not f.generated]
            defaults = tuple(self._default(f) for f in extra)
            self.specs[table] = (model, given + extra, defaults)
        self.postgres = connection.vendor == "postgresql"

    @staticmethod
    def _default(model_field):
        if model_field.has_default():
            return model_field.get_default()
        if model_field.null:
            return None
        if model_field.empty_strings_allowed:
            return ""
        raise ValueError(f"No value for {model_field}")

    def add(self, table: str, row: tuple) -> None:
        rows = self.pending[table]
        rows.append(row)
        if len(rows) >= self.batch:
            self.flush(table)

    def add_all(self, rows: Iterable[tuple[str, tuple]]) -> None:
        for table, row in rows:
            self.add(table, row)

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else list(self.pending):
            rows = self.pending.pop(name, [])
            if rows:
                self._write(name, rows)
                self.counts[name] += len(rows)

    def _write(self, table: str, rows: list[tuple]) -> None:
        model, fields, defaults = self.specs[table]
        names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        quoted = connection.ops.quote_name(model._meta.db_table)
        json_columns = [i for i, f in enumerate(fields) if f.get_internal_type() == "JSONField"]
        with connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f"COPY {quoted} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        row = row + defaults
                        if json_columns:
                            row = list(row)
                            for i in json_columns:
                                if row[i] is not None:
                                    row[i] = json.dumps(row[i], ensure_ascii=False)
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(
                    f"INSERT INTO {quoted} ({names}) VALUES ({marks})",
                    [[f.get_db_prep_save(value, connection)
                      for f, value in zip(fields, row + defaults, strict=True)]
                     for row in rows])

    def finish(self) -> None:
        self.flush()
        models = [model for model, _fields, _defaults in self.specs.values()]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


# --- the database side ---------------------------------------------------------------------

# email -> (full name, what the account is for)
ACCOUNTS = {
    f"learner@{DOMAIN}": ("Trần Thị Bích Ngọc", "learner: 3 courses (completed, half done, "
                                                 "just started)"),
    f"officer-national@{DOMAIN}": ("Đỗ Văn Quyết", "union officer, every province"),
    f"officer-province@{DOMAIN}": ("Lê Thị Thanh Tâm", "union officer, the largest province"),
    f"trainer@{DOMAIN}": ("Phạm Minh Khôi", "trainer of some courses"),
}
NOT_MET = 3  # requirements not met in the self-assessment with gaps
JUSTIFICATION = "Đã kiểm tra sổ ghi chép và hiện trường của tổ sản xuất."


class AlreadySeeded(Exception):
    pass


def seed(profile: Profile, *, log=print) -> dict[str, int]:
    """Fill an empty database (after migrate) with `profile`; returns the row counts."""
    from lms.cooperatives.models import Cooperative as CooperativeRow

    if CooperativeRow.objects.exists():
        raise AlreadySeeded("The database already has cooperatives: seed_scale fills an empty "
                            "database (drop it, migrate, and run again).")
    from celery import current_app

    saved = current_app.conf.task_always_eager, current_app.conf.task_eager_propagates
    # Whatever the few real services below hand over runs here and now, not in a broker queue.
    current_app.conf.task_always_eager, current_app.conf.task_eager_propagates = True, True
    try:
        return _seed(profile, log=log)
    finally:
        current_app.conf.task_always_eager, current_app.conf.task_eager_propagates = saved


def _seed(profile: Profile, *, log) -> dict[str, int]:
    from io import StringIO

    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction
    from django.db.models import Count
    from django.utils import timezone

    from certification.management.commands.load_checklists import shipped_files
    from lms.cooperatives import models as places
    from lms.dashboards import summaries
    from lms.demo.course_files import load_courses
    from lms.demo.courses import seed_courses
    from lms.demo.management.commands.seed_demo import Command as SeedDemo
    from lms.outbox.models import Message

    started = time.monotonic()
    now = timezone.localtime()
    password_hash = make_password(PASSWORD)
    messages_before = Message.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    accounts = {email: _account(email, name, password_hash) for email, (name, _role)
                in ACCOUNTS.items()}
    trainer = accounts[f"trainer@{DOMAIN}"]
    _join_group(trainer, "trainers")
    log(f"{_clock(started)} Courses: {profile.demo_courses} from the demo files, copied up to "
        f"{profile.courses}.")
    # The English home page first: the English catalog and courses are made under it.
    SeedDemo().seed_home_translation()
    demo = seed_courses(load_courses()[:profile.demo_courses], trainer=trainer)
    pages = demo + _course_copies(demo, profile.courses - len(demo))
    # After the courses, so that control points link to the courses that close their gaps.
    files = [str(path) for path in shipped_files()
             if profile.every_checklist or path.stem.replace("_", "-") in profile.standards]
    call_command("load_checklists", *files, stdout=StringIO())

    log(f"{_clock(started)} Provinces, communes and cooperatives.")
    provinces = [Province(p.id, p.code, p.name, p.kind)
                 for p in places.Province.objects.order_by("code")]
    with transaction.atomic():
        writer = TableWriter()
        writer.add_all(geography_rows(profile, provinces, now=now,
                                      start_ids=_start_ids(writer)))
        writer.finish()
    largest = (places.Cooperative.objects.values("province_id").annotate(n=Count("pk"))
               .order_by("-n", "province_id").first()["province_id"])
    _scopes(accounts[f"officer-national@{DOMAIN}"], places.Province.objects.all())
    _scopes(accounts[f"officer-province@{DOMAIN}"],
            places.Province.objects.filter(pk=largest))
    at_home = list(places.Cooperative.objects.filter(province_id=largest).order_by("pk")[:1 + 2 *
                   len(profile.standards)])

    log(f"{_clock(started)} The known learner's courses and the self-assessments the others "
        "copy (real ones, with their PDFs).")
    learner = accounts[f"learner@{DOMAIN}"]
    places.Membership.objects.create(user=learner, cooperative=at_home[0],
                                     role=places.Membership.Role.MEMBER,
                                     status=places.Membership.Status.ACTIVE, decided_at=now)
    certificate_pdf = _learner_courses(learner, pages[:3])
    templates, report_pdf, assessment_pdf = _report_templates(profile, at_home[1:],
                                                              password_hash)
    log(f"{_clock(started)} Learners, enrollments, lesson progress, certificates, "
        "self-assessments.")
    world = _world(profile, now=now, password_hash=password_hash, pages=pages,
                   templates=templates, revoker=accounts[f"officer-national@{DOMAIN}"])
    world.certificate_pdf, world.assessment_certificate_pdf = certificate_pdf, assessment_pdf
    world.report_pdf, world.report_pdf_language = report_pdf
    with transaction.atomic():
        writer = TableWriter()
        world.start_ids = _start_ids(writer)
        writer.add_all(people_rows(world, name=profile.name))
        writer.finish()
    # The notices the few real completions sent are the only outbox work: delivered already.
    Message.objects.filter(pk__gt=messages_before).delete()
    log(f"{_clock(started)} The officer dashboard's summary tables.")
    summaries.rebuild()
    if connection.vendor == "postgresql":
        # Bulk-written tables have no statistics until autovacuum comes by: without them the
        # planner guesses (and JIT-compiles plans for tables it thinks are huge).
        log(f"{_clock(started)} Statistics for the query planner (ANALYZE).")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return counts()


def _clock(started: float) -> str:
    return f"[{time.monotonic() - started:6.1f} s]"


def _account(email: str, full_name: str, password_hash: str):
    from allauth.account.models import EmailAddress

    from lms.accounts.models import User

    user = User.objects.create(email=email, full_name=full_name, preferred_language="vi",
                               password=password_hash)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _join_group(user, which: str) -> None:
    from django.contrib.auth.models import Group

    from lms.accounts.roles import TRAINERS, UNION_OFFICERS

    user.groups.add(Group.objects.get(name={"trainers": TRAINERS,
                                            "officers": UNION_OFFICERS}[which]))


def _scopes(officer, provinces) -> None:
    from lms.cooperatives.models import OfficerScope

    _join_group(officer, "officers")
    OfficerScope.objects.bulk_create(OfficerScope(officer=officer, province=province)
                                     for province in provinces)


def _course_copies(originals: list, count: int) -> list:
    """`count` more courses, copies of the demo ones with their lessons, quiz and cover, live;
    every other one without a trainer, every third valid for two years."""
    from courses.models import CoursePage

    copies = []
    for n in range(count):
        source = originals[n % len(originals)]
        number = n // len(originals) + 2
        title = f"{source.title} (lớp {number})"
        copy = source.copy(recursive=True, keep_live=True, log_action=None, update_attrs={
            "title": title, "draft_title": title, "slug": f"{source.slug}-{number}",
            "certificate_valid_months": 24 if n % 3 == 0 else None})
        if n % 2:
            CoursePage.objects.filter(pk=copy.pk).update(trainer=None)
        copies.append(CoursePage.objects.get(pk=copy.pk))
    return copies


def _learner_courses(learner, pages) -> str:
    """Through the services: the first course completed with its certificate (rendered: the
    PDF every seeded course certificate points at), the second half done, the third just
    started. Returns the PDF's stored name."""
    from certification.certificates import services as certificate_services
    from courses import selectors as course_selectors
    from courses import services as course_services
    from courses.models import LessonPage, QuizPage

    for number, page in enumerate(pages):
        enrollment = course_services.enrollment_create(user=learner, course=page)
        outline = course_selectors.course_outline(course=page)
        lessons = [item for item in outline if isinstance(item, LessonPage)]
        if number == 0:
            for lesson in lessons:
                course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
            for quiz in (item for item in outline if isinstance(item, QuizPage)):
                course_services.quiz_submit(
                    enrollment=enrollment, quiz=quiz,
                    raw_answers={q.id: sorted(q.correct) for q in quiz.grading_questions()})
            enrollment.refresh_from_db()
            # Issued by the completion's task already when tasks ran; found then, made if not.
            certificate = certificate_services.certificate_issue_for_enrollment(
                enrollment_id=enrollment.pk)
            certificate_services.certificate_render_pdf(certificate_id=certificate.pk)
            certificate.refresh_from_db()
            pdf = certificate.pdf.name
        elif number == 1:
            for lesson in lessons[:max(1, len(lessons) // 2)]:
                course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
        else:
            course_services.lesson_visit(enrollment=enrollment, lesson=lessons[0])
    return pdf


def _report_templates(profile: Profile, cooperatives: list, password_hash: str):
    """Two real self-assessments per standard of the profile, one meeting every requirement and
    one with gaps, submitted by a manager of their own; their reports, action plans, PDFs and
    certificates are what the seeded ones copy."""
    from certification import scoring
    from certification.assessments import services as assessment_services
    from certification.certificates import services as certificate_services
    from certification.checklists.models import ControlPoint, Standard
    from certification.models import Assessment, CorrectiveAction
    from certification.reports import services as report_services
    from lms.cooperatives.models import Membership

    rng = random.Random(f"{SEED}:{profile.name}:templates")
    templates: dict[str, list[ReportTemplate]] = {}
    cooperatives = iter(cooperatives)
    report_pdf = assessment_pdf = None
    for standard_code in profile.standards:
        standard = Standard.objects.get(code=standard_code)
        for with_gaps in (False, True):
            cooperative = next(cooperatives)
            manager = _account(f"quanly.{cooperative.registration_code}@{DOMAIN}",
                               person_name(rng), password_hash)
            Membership.objects.create(user=manager, cooperative=cooperative,
                                      role=Membership.Role.MANAGER,
                                      status=Membership.Status.ACTIVE)
            assessment = assessment_services.assessment_start(
                cooperative=cooperative, standard=standard, user=manager)
            if assessment.profile is None:
                assessment_services.assessment_profile_save(assessment=assessment,
                                                            user=manager, answers={})
                assessment.refresh_from_db()
            points = list(ControlPoint.objects.filter(section__version=assessment.version)
                          .prefetch_related("options").order_by("section__sort_order",
                                                                "sort_order"))
            tags = assessment.profile_tags
            applicable = [p for p in points if not p.tag_set or not p.tag_set.isdisjoint(tags)]
            short = {p.pk for p in rng.sample(applicable, NOT_MET)} if with_gaps else set()
            for point in applicable:
                options = [option.code for option in point.options.all()]
                if options:
                    value = options[-1] if point.pk in short else options[0]
                else:
                    value = scoring.NOT_COMPLIANT if point.pk in short else scoring.COMPLIANT
                extra = {"justification": JUSTIFICATION} if (
                    not options and point.justification_needed(value)) else {}
                assessment_services.answer_save(assessment=assessment, control_point=point,
                                                user=manager, value=value, **extra)
            report = report_services.assessment_submit(
                assessment=Assessment.objects.get(pk=assessment.pk), user=manager)
            # Made by the submission's tasks already when tasks ran; made here if not.
            report_services.readiness_report_render_pdf(report_id=report.pk, language="vi")
            certificate = report_services.assessment_certificate_issue(report_id=report.pk,
                                                                       user_id=manager.pk)
            certificate_services.certificate_render_pdf(certificate_id=certificate.pk)
            certificate.refresh_from_db()
            assessment_pdf = certificate.pdf.name
            report_pdf = (report.pdfs.get(language="vi").file.name, "vi")
            version = assessment.version
            templates.setdefault(standard_code, []).append(ReportTemplate(
                version_id=version.pk, version_label=version.label,
                standard_names={"vi": standard.name_vi, "en": standard.name_en},
                profile=assessment.profile, ready=report.ready, reason=report.reason,
                snapshot=report.snapshot,
                actions=tuple(CorrectiveAction.objects.filter(assessment=assessment)
                              .order_by("position").values_list(
                                  "control_point_id", "gap", "blocking", "target_option",
                                  "gain", "course_id"))))
    return templates, report_pdf, assessment_pdf


def _world(profile: Profile, *, now, password_hash, pages, templates, revoker) -> World:
    """What is left to make once the real rows are in."""
    from certification.models import Assessment
    from courses import selectors as course_selectors
    from courses.models import Enrollment, LessonPage, LessonProgress, QuizPage
    from lms.cooperatives.models import Cooperative as CooperativeRow
    from lms.cooperatives.models import Membership
    from lms.cooperatives.models import Province as ProvinceRow

    courses = []
    for page in pages:
        outline = course_selectors.course_outline(course=page)
        quiz = next(item for item in outline if isinstance(item, QuizPage))
        english = page.get_translations().filter(locale__language_code="en").first()
        courses.append(Course(
            id=page.pk, key=page.translation_key, title=page.title,
            titles={"vi": page.title, **({"en": english.title} if english else {})},
            slug=page.slug, hours=format(page.estimated_hours.normalize(), "f"),
            valid_months=page.certificate_valid_months, trainer_id=page.trainer_id,
            trainer_name=page.trainer.full_name if page.trainer else "",
            lesson_keys=tuple(item.translation_key for item in outline
                              if isinstance(item, LessonPage)),
            quiz_id=quiz.pk, quiz_key=quiz.translation_key,
            answers={q.id: sorted(q.correct) for q in quiz.grading_questions()}))
    cooperatives = [Cooperative(id=c.id, name=c.name, province_id=c.province_id,
                                union_name=c.union.name if c.union else "")
                    for c in CooperativeRow.objects.select_related("union").order_by("pk")]
    return World(
        now=now, password_hash=password_hash, cooperatives=cooperatives, courses=courses,
        templates=templates,
        learners=profile.learners - Membership.objects.values("user").distinct().count(),
        enrollments=profile.enrollments - Enrollment.objects.count(),
        completed=profile.completed - Enrollment.objects.filter(status="completed").count(),
        lesson_progress=profile.lesson_progress - LessonProgress.objects.count(),
        assessments=profile.assessments - Assessment.objects.filter(status="submitted").count(),
        start_ids={},
        province_names=dict(ProvinceRow.objects.values_list("pk", "name")),
        managed=set(Membership.objects.filter(role="manager", status="active")
                    .values_list("cooperative_id", flat=True)),
        revoker_id=revoker.pk,
    )


def _start_ids(writer: TableWriter) -> dict[str, int]:
    """The first free id of each table with an integer key."""
    from django.db.models import Max

    ids = {}
    for table, (model, _fields, _defaults) in writer.specs.items():
        if model._meta.pk.get_internal_type() in ("AutoField", "BigAutoField"):
            ids[table] = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    return ids


def counts() -> dict[str, int]:
    """The rows the profile's figures count, as the database holds them now."""
    from allauth.account.models import EmailAddress

    from certification.models import (
        Assessment,
        Certificate,
        CorrectiveAction,
        ReadinessReport,
    )
    from courses.models import CoursePage, Enrollment, LessonProgress, QuizAttempt
    from lms.accounts.models import User
    from lms.cooperatives.models import Commune, Membership
    from lms.cooperatives.models import Cooperative as CooperativeRow

    return {
        "provinces": CooperativeRow.objects.values("province").distinct().count(),
        "communes": Commune.objects.count(),
        "cooperatives": CooperativeRow.objects.count(),
        "learners": Membership.objects.values("user").distinct().count(),
        "users": User.objects.count(),
        "verified e-mail addresses": EmailAddress.objects.filter(verified=True).count(),
        "courses": CoursePage.objects.filter(locale__language_code="vi").live().count(),
        "enrollments": Enrollment.objects.count(),
        "completed enrollments": Enrollment.objects.filter(status="completed").count(),
        "lesson progress rows": LessonProgress.objects.count(),
        "quiz attempts": QuizAttempt.objects.count(),
        "submitted self-assessments": Assessment.objects.filter(status="submitted").count(),
        "readiness reports": ReadinessReport.objects.count(),
        "corrective actions": CorrectiveAction.objects.count(),
        "certificates": Certificate.objects.count(),
        "revoked certificates": Certificate.objects.filter(revoked_at__isnull=False).count(),
    }
