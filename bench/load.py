"""Load benchmark (issue 16): the learner and officer pages under 32 connections through gunicorn,
PostgreSQL and Redis, each back to back with a bare view served by the same gunicorn in the same
run, against the targets of issue 16.

Usage: python bench/load.py   (`make bench` runs it). Needs wrk (Debian's package), PostgreSQL
and Redis, CI's services:

- the database BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/lms_bench) is
  created and migrated, and, when it has no cooperatives, seeded with
  `manage.py seed_scale --profile $BENCH_PROFILE` (default national: long, once);
- gunicorn serves it with production settings (DEBUG off, static files collected into a
  temporary directory, persistent connections by default) and 4 sync workers on a free local
  port, Celery's broker in BENCH_BROKER_URL (default Redis db 0) and the cache in BENCH_CACHE_URL
  (default Redis db 1, under its own key prefix, emptied at the start), behind one trusted proxy
  (requests say https and come each from another address, so per-address limits such as
  certificate verification's answer as they would answer many people);
- the known accounts of seed_scale (or, on a seed_demo database, the demo's, as stand-ins) sign in
  through the login form; each page is measured with `wrk -t2 -c$BENCH_CONNECTIONS
  -d${BENCH_SECONDS}s` after a short warm-up, the bare view just before it; query count and HTML
  size come from one warm request in this process (Django's test client, same database, same
  account); the export requests are timed one after another.

Pages (BENCH_PAGES names): home, catalog, course, lesson, quiz, my-learning, verify (the learner),
dashboard-national, dashboard-province, cooperatives, cooperative (the officers), trainer-course.

Prints one table and writes it to build/bench-load.json. A target missed is a MISS, not a
failure (exit 0); a page that answers with an error or a redirect, or a server that does not
start, is (exit 1). Knobs: BENCH_SECONDS (15), BENCH_CONNECTIONS (32), BENCH_WARMUP_SECONDS (2),
BENCH_TIMEOUT (30, seconds wrk waits for one answer), BENCH_PAGES (comma list of page names, with
`exports` for the export requests), BENCH_EXPORTS (tables, default
cooperatives,learners,actions,members), BENCH_EXPORT_REQUESTS (5), BENCH_WORKERS (4)."""

import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
BIN = Path(sys.executable).parent
LUA = Path(__file__).resolve().parent / "wrk_latency.lua"
REPORT = BASE_DIR / "build" / "bench-load.json"
SERVER_LOG = BASE_DIR / "build" / "bench-load-gunicorn.log"


def knob(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


DATABASE_URL = knob("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lms_bench")
BROKER_URL = knob("BENCH_BROKER_URL", "redis://127.0.0.1:6379/0")
CACHE_URL = knob("BENCH_CACHE_URL", "redis://127.0.0.1:6379/1")
CACHE_PREFIX = "lms-bench"
PROFILE = knob("BENCH_PROFILE", "national")
SECONDS = int(knob("BENCH_SECONDS", "15"))
CONNECTIONS = int(knob("BENCH_CONNECTIONS", "32"))
WARMUP_SECONDS = int(knob("BENCH_WARMUP_SECONDS", "2"))
TIMEOUT = int(knob("BENCH_TIMEOUT", "30"))
WORKERS = int(knob("BENCH_WORKERS", "4"))
PAGES = [name.strip() for name in knob("BENCH_PAGES", "").split(",") if name.strip()]
EXPORTS = [name.strip() for name in
           knob("BENCH_EXPORTS", "cooperatives,learners,actions,members").split(",")]
EXPORT_REQUESTS = int(knob("BENCH_EXPORT_REQUESTS", "5"))
SECRET_KEY = secrets.token_urlsafe(50)  # this run's: the server and this process share it

# Who signs in: seed_scale's accounts; on a seed_demo database (development) the demo's, the
# site admin standing in for a national officer.
ACCOUNT_SETS = {
    "seed_scale": ("bench-pass-2026", {
        "learner": "learner@scale.example",
        "officer-national": "officer-national@scale.example",
        "officer-province": "officer-province@scale.example",
        "trainer": "trainer@scale.example",
    }),
    "seed_demo": ("hoc-cung-htx-2025", {
        "learner": "hocvien@htx.example",
        "officer-national": "admin@htx.example",
        "officer-province": "canbo@htx.example",
        "trainer": "giangvien@htx.example",
    }),
}

# Issue 16's targets, per account. Learner pages: at least 1/5 of the bare view's requests per
# second, 100 requests/s, p95 under 200 ms, at most 10 queries. Officer pages: p95 under 500 ms
# (national) or 200 ms (one province), under 150 KB of HTML. Officer and trainer pages carry no
# admin bundle. Export requests answer in under 300 ms.
TARGETS = {
    "learner": {"min_ratio": 0.2, "min_rps": 100, "max_p95": 200, "max_queries": 10},
    "officer-national": {"max_p95": 500, "max_kb": 150, "no_userbar": True},
    "officer-province": {"max_p95": 200, "max_kb": 150, "no_userbar": True},
    "trainer": {"no_userbar": True},
}
EXPORT_MAX_MS = 300
DRAIN_TIMEOUT = 900  # seconds: 32 requests left behind of a page that takes 10 s or more
USERBAR = "wagtail-userbar"


class BenchError(Exception):
    """The benchmark could not measure (a page answered with an error, the server died)."""


@dataclass
class Page:
    name: str
    account: str
    path: str
    rps: float | None = None
    p50: float | None = None
    p90: float | None = None
    p95: float | None = None
    p99: float | None = None
    requests: int | None = None
    timeouts: int = 0
    bare_rps: float | None = None
    ratio: float | None = None
    queries: int | None = None
    kb: float | None = None
    gzip_kb: float | None = None
    userbar: bool | None = None
    verdict: str = ""
    misses: list[str] = field(default_factory=list)
    error: str = ""


# --- set-up ---------------------------------------------------------------------------------


def database_prepare() -> None:
    """Create the database if it is missing, and migrate it (with development settings, as a
    person would)."""
    import psycopg

    parts = urllib.parse.urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    try:
        psycopg.connect(DATABASE_URL, connect_timeout=5).close()
    except psycopg.OperationalError as error:
        if f'"{name}" does not exist' not in str(error):
            raise
        server = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        print(f"Created the database {name}.")
    manage("migrate", "--noinput", "--verbosity=0", env=seeding_env())


def seeding_env() -> dict:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO_", "LMS_", "CELERY_", "REDIS_", "CACHE_"))}
    env["DATABASE_URL"] = DATABASE_URL
    return env


def server_env(static_root: str) -> dict:
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "lms.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "DJANGO_STATIC_ROOT": static_root,
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": DATABASE_URL,
        "CELERY_BROKER_URL": BROKER_URL,
        "REDIS_URL": CACHE_URL,
        "CACHE_KEY_PREFIX": CACHE_PREFIX,
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LMS_BENCH_BARE_VIEW": "1",
    })
    return env



def manage(*args: str, env: dict) -> None:
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def cache_empty() -> None:
    """This run starts from a cold cache of its own: nothing left from another database."""
    import redis

    client = redis.Redis.from_url(CACHE_URL)
    keys = list(client.scan_iter(f"{CACHE_PREFIX}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start:start + 1000])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_start(env: dict, port: int) -> subprocess.Popen:
    SERVER_LOG.parent.mkdir(exist_ok=True)
    log = SERVER_LOG.open("w")
    # A session of its own, so that the whole group (master and workers) is stopped at the end.
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "lms.wsgi:application", "--workers", str(WORKERS),
         "--worker-class", "sync", "--bind", f"127.0.0.1:{port}", "--timeout", str(TIMEOUT * 4),
         "--log-level", "warning"],
        cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn stopped at start (see {SERVER_LOG.name}).")
        try:
            if Http(port).get("/bench/bare/", timeout=5).status == 200:
                return process
        except BenchError:
            pass  # not listening yet
        time.sleep(0.5)
    raise BenchError("gunicorn did not answer within 60 s.")


def server_stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# --- HTTP as a browser behind the proxy ------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


class Http:
    """A browser's session against the local server, as it comes through the proxy (https)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method: str, path: str, form: dict | None = None, *,
                timeout: float = TIMEOUT * 4) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.255.0.1",
                   "Accept-Language": "vi"}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers.update({"Content-Type": "application/x-www-form-urlencoded",
                            "Origin": self.origin, "Referer": self.origin + path})
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read())
        except (OSError, http.client.HTTPException) as error:
            raise BenchError(f"{method} {path}: {error!r}") from error
        finally:
            connection.close()
        for header in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value and "max-age=0" not in rest.lower():
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        return answer

    def get(self, path: str, *, timeout: float = TIMEOUT * 4) -> Answer:
        return self.request("GET", path, timeout=timeout)

    def drain(self) -> None:
        """Wait for the answers wrk left behind: gunicorn still serves the requests of the
        connections wrk closed at the end (up to one per connection), and the next figure
        must not pay for them. A request made now is served after them."""
        if self.get("/bench/bare/", timeout=DRAIN_TIMEOUT).status != 200:
            raise BenchError("the bare view stopped answering")

    def login(self, email: str, password: str) -> None:
        form = self.get("/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)
        if form.status != 200 or token is None:
            raise BenchError(f"The login form answered {form.status} without a CSRF token.")
        answer = self.request("POST", "/accounts/login/", {
            "login": email, "password": password, "csrfmiddlewaretoken": token.group(1).decode()})
        location = answer.headers.get("Location", "")
        if answer.status != 302 or "/accounts/" in location or "sessionid" not in self.cookies:
            raise BenchError(f"{email} could not sign in ({answer.status} {location}).")


# --- what to measure ------------------------------------------------------------------------


def accounts_find():
    from lms.accounts.models import User

    for source, (password, emails) in ACCOUNT_SETS.items():
        users = {role: User.objects.filter(email=email).first() for role, email in emails.items()}
        if all(users.values()):
            return source, password, users
    raise BenchError("The database has none of the known accounts (seed_scale or seed_demo).")


def pages_find(users: dict) -> tuple[list[Page], int]:
    """The pages of issue 16, found in the seeded data: the learner's course in progress (the
    one with most lessons done), its first lesson and first quiz, a certificate of the learner,
    and the learner's cooperative for the officers' pages."""
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from certification.models import Certificate
    from courses.models import Enrollment, LessonPage, QuizPage
    from lms.cooperatives.models import Membership

    learner = users["learner"]
    enrollment = (Enrollment.objects.filter(user=learner, course__live=True)
                  .annotate(done=Count("lessons_done"))
                  .order_by("status", "-done", "pk").select_related("course").first())
    if enrollment is None:
        raise BenchError(f"{learner.email} has no enrollment in a live course.")
    course = enrollment.course
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    quiz = QuizPage.objects.live().descendant_of(course).order_by("path").first()
    certificate = (Certificate.objects.filter(recipient=learner).order_by("pk").first()
                   or Certificate.objects.order_by("pk").first())
    membership = (Membership.objects.filter(user=learner, status=Membership.Status.ACTIVE)
                  .order_by("pk").first())
    client = Client(REMOTE_ADDR="10.255.0.2")
    client.force_login(learner)
    catalog = client.get(reverse("courses:catalog"), secure=True)
    if catalog.status_code != 302:
        raise BenchError(f"The catalog's fixed address answered {catalog.status_code}.")
    missing = [name for name, value in (("lesson", lesson), ("quiz", quiz),
                                        ("certificate", certificate),
                                        ("membership", membership)) if value is None]
    if missing:
        raise BenchError(f"Nothing to measure for: {', '.join(missing)}.")
    cooperative = membership.cooperative_id
    pages = [
        Page("home", "learner", "/"),
        Page("catalog", "learner", catalog["Location"]),
        Page("course", "learner", course.get_url()),
        Page("lesson", "learner", lesson.get_url()),
        Page("quiz", "learner", quiz.get_url()),
        Page("my-learning", "learner", reverse("courses:my_learning")),
        Page("verify", "learner", reverse("certification:verify_code", args=[certificate.code])),
        Page("dashboard-national", "officer-national", reverse("dashboards:home")),
        Page("dashboard-province", "officer-province", reverse("dashboards:home")),
        Page("cooperatives", "officer-national", reverse("dashboards:cooperatives")),
        Page("cooperative", "officer-national",
             reverse("dashboards:cooperative", args=[cooperative])),
        Page("trainer-course", "trainer", course.get_url()),
    ]
    return pages, cooperative


def in_process(page: Page, user) -> None:
    """Queries and HTML size of one warm request (the first fills the caches), as the page's
    account, in this process against the same database and cache."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(REMOTE_ADDR="10.255.0.3", HTTP_ACCEPT_ENCODING="gzip",
                    HTTP_ACCEPT_LANGUAGE="vi")
    client.force_login(user)
    client.get(page.path, secure=True)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.path, secure=True)
    if response.status_code != 200:
        raise BenchError(f"answered {response.status_code} {response.get('Location', '')} "
                         "in process")
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        page.gzip_kb = len(body) / 1024
        body = gzip.decompress(body)
    page.queries = len(queries)
    page.kb = len(body) / 1024
    page.userbar = USERBAR.encode() in body


def wrk(url: str, cookie: str, seconds: int, connections: int = CONNECTIONS) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
               f"--timeout={TIMEOUT}s", "-s", str(LUA),
               "-H", f"Cookie: {cookie}", "-H", "X-Forwarded-Proto: https",
               "-H", "Accept-Encoding: gzip", "-H", "Accept-Language: vi", url]
    run = subprocess.run(command, capture_output=True, text=True, timeout=seconds + TIMEOUT + 60,
                         env={**os.environ, "WRK_VARY_ADDRESS": "1"})
    found = re.search(r"^BENCH_RESULT (\{.*\})$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise BenchError(f"wrk failed: {run.stderr.strip() or run.stdout.strip()}")
    result = json.loads(found.group(1))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def load_run(sessions: dict, port: int, page: Page, bare: list[float]) -> None:
    """The bare view, then the page, with the page's account, after a check that the page
    answers 200 over HTTP (a redirect to the login form is no figure) and a short warm-up
    (one connection per worker, so that little is left behind)."""
    session = sessions[page.account]
    before = session.get(page.path)
    if before.status != 200:
        raise BenchError(f"answered {before.status} {before.headers.get('Location', '')}")
    base = f"http://127.0.0.1:{port}"
    cookie = session.cookie_header()
    plain = wrk(base + "/bench/bare/", cookie, SECONDS)
    if plain["errors"]["status"] or plain["errors"]["connect"]:
        raise BenchError(f"the bare view answered with errors: {plain['errors']}")
    bare.append(plain["rps"])
    page.bare_rps = plain["rps"]
    session.drain()
    if WARMUP_SECONDS:
        wrk(base + page.path, cookie, WARMUP_SECONDS, connections=WORKERS)
        session.drain()
    result = wrk(base + page.path, cookie, SECONDS)
    session.drain()
    errors = result["errors"]
    if errors["status"] or errors["connect"] or errors["read"] or errors["write"]:
        raise BenchError(f"errors under load: {errors['status']} answers not 2xx/3xx, "
                         f"{errors['connect']} connect, {errors['read']} read, "
                         f"{errors['write']} write")
    after = session.get(page.path)
    if after.status != 200:
        raise BenchError(f"answered {after.status} after the run")
    page.requests, page.timeouts = result["requests"], errors["timeout"]
    page.rps = result["rps"]
    page.ratio = page.rps / plain["rps"]
    if page.requests:
        page.p50, page.p90, page.p95, page.p99 = (result[key] / 1000 for key in
                                                  ("p50", "p90", "p95", "p99"))


def judge(page: Page, reference_kb: float | None) -> None:
    target = TARGETS[page.account]
    if not page.requests:
        # wrk counts only the answers that came within the run: no figure at all.
        page.misses.append(f"no answer within {SECONDS} s")
    checks = [  # (target, figure, passes, what a miss says)
        ("min_ratio", page.ratio, lambda value, limit: value >= limit, "of bare <"),
        ("min_rps", page.rps, lambda value, limit: value >= limit, "req/s <"),
        ("max_p95", page.p95, lambda value, limit: value < limit, "p95 ms >="),
        ("max_queries", page.queries, lambda value, limit: value <= limit, "queries >"),
        ("max_kb", page.kb, lambda value, limit: value < limit, "KB >="),
    ]
    for key, value, passes, miss in checks:
        if key in target and value is not None and page.requests and not passes(
                value, target[key]):
            page.misses.append(f"{miss} {target[key]}")
    if target.get("no_userbar") and page.userbar:
        page.misses.append("admin user bar")
    if page.account == "trainer" and reference_kb and page.kb > reference_kb * 1.1:
        page.misses.append("heavier than the learner's")
    if page.timeouts:
        page.misses.append(f"{page.timeouts} timeouts (> {TIMEOUT} s)")
    page.verdict = "MISS" if page.misses else "PASS"


def exports_time(session: Http, officer, cooperative: int) -> list[dict]:
    """Each export request of the national officer, EXPORT_REQUESTS times one after another:
    the time until the whole answer is in (a redirect to the export's page when it is handed to
    Celery, else the file)."""
    from django.utils import timezone

    from lms.exports.models import Export

    started = timezone.now()
    rows = []
    try:
        for table in EXPORTS:
            path = f"/dashboard/export/{table}.csv"
            if table == "members":
                path += f"?cooperative={cooperative}"
            times, answers = [], set()
            for _ in range(EXPORT_REQUESTS):
                start = time.perf_counter()
                answer = session.get(path)
                times.append((time.perf_counter() - start) * 1000)
                location = answer.headers.get("Location", "")
                if answer.status == 302 and location.startswith("/exports/"):
                    answers.add("handed over")
                elif answer.status == 200 and "attachment" in answer.headers.get(
                        "Content-Disposition", ""):
                    answers.add(f"file {len(answer.body) / 1024:.0f} KB")
                else:
                    raise BenchError(f"export {table}: answered {answer.status} {location}")
            median = statistics.median(times)
            rows.append({"table": table, "median_ms": median, "max_ms": max(times),
                         "answer": ", ".join(sorted(answers)),
                         "verdict": "PASS" if median < EXPORT_MAX_MS else "MISS"})
    finally:
        # Never built: marked failed, so that neither the sweep nor a worker that later takes
        # the broker's message builds them (a deleted row would make that worker fail).
        Export.objects.filter(requested_by=officer, created_at__gte=started,
                              status=Export.Status.PENDING).update(status=Export.Status.FAILED)
    return rows


# --- output ---------------------------------------------------------------------------------


def figure(value, digits=0) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def rate(value) -> str:
    return figure(value, 1 if value is not None and value < 10 else 0)


def table_print(pages: list[Page], exports: list[dict], bare: list[float],
                bare_page: Page) -> None:
    header = (f"{'page':20} {'account':17} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} "
              f"{'×bare':>6} {'queries':>7} {'KB':>6} {'gz KB':>6}  verdict")
    print(header)
    print("-" * len(header))
    if bare:
        print(f"{'bare view':20} {'(each run)':17} {figure(statistics.median(bare)):>7} "
              f"{'':31} {figure(bare_page.queries):>7} {figure(bare_page.kb, 1):>6} "
              f"{figure(bare_page.gzip_kb, 1):>6}  median of {len(bare)} runs, "
              f"{figure(min(bare))}–{figure(max(bare))} req/s")
    for page in pages:
        if page.error:
            print(f"{page.name:20} {page.account:17} ERROR: {page.error}")
            continue
        verdict = page.verdict + (f" ({'; '.join(page.misses)})" if page.misses else "")
        print(f"{page.name:20} {page.account:17} {rate(page.rps):>7} {figure(page.p50):>7} "
              f"{figure(page.p95):>7} {figure(page.p99):>7} {figure(page.ratio, 2):>6} "
              f"{figure(page.queries):>7} {figure(page.kb, 1):>6} {figure(page.gzip_kb, 1):>6}"
              f"  {verdict}")
    if exports:
        print()
        print(f"{'export request':20} {'median ms':>10} {'max ms':>8}  answer, verdict "
              f"(< {EXPORT_MAX_MS} ms, {EXPORT_REQUESTS} requests one after another)")
        for row in exports:
            print(f"{row['table']:20} {figure(row['median_ms']):>10} {figure(row['max_ms']):>8}"
                  f"  {row['answer']}, {row['verdict']}")


# --- the run --------------------------------------------------------------------------------


def main() -> int:
    if shutil.which("wrk") is None:
        print("wrk is missing: `make system-deps` installs it (Debian's package wrk).")
        return 1
    load_start = os.getloadavg()
    database_prepare()
    with tempfile.TemporaryDirectory(prefix="lms-bench-static-") as static_root:
        env = server_env(static_root)
        # Before Django starts here: the static files' manifest is read once, when first needed.
        manage("collectstatic", "--noinput", "--verbosity=0", env=env)
        os.environ.update(env)
        import django

        django.setup()
        from lms.cooperatives.models import Cooperative

        if not Cooperative.objects.exists():
            print(f"Seeding {DATABASE_URL.rsplit('/', 1)[-1]} with the {PROFILE} profile "
                  "(once; minutes).")
            manage("seed_scale", f"--profile={PROFILE}", env=seeding_env())
        cache_empty()
        return run(env, load_start)


def run(env: dict, load_start: tuple[float, float, float]) -> int:
    source, password, users = accounts_find()
    data = data_counts()
    print(f"Data ({source}): " + ", ".join(f"{count:,} {name}" for name, count in data.items()))
    port = free_port()
    server = None
    pages: list[Page] = []
    exports: list[dict] = []
    bare: list[float] = []
    bare_page = Page("bare view", "learner", "/bench/bare/")
    errors: list[str] = []
    try:
        server = server_start(env, port)
        sessions = {}
        for role, user in users.items():
            sessions[role] = Http(port)
            sessions[role].login(user.email, password)
        all_pages, cooperative = pages_find(users)
        pages = [page for page in all_pages if not PAGES or page.name in PAGES]
        in_process(bare_page, users["learner"])
        print(f"gunicorn: {WORKERS} sync workers on port {port}; wrk -t2 -c{CONNECTIONS} "
              f"-d{SECONDS}s per page, the bare view before each; {os.cpu_count()} cores, "
              f"load average {load_start[0]:.2f} at the start.")
        for page in pages:
            try:
                in_process(page, users[page.account])
                load_run(sessions, port, page, bare)
            except BenchError as error:
                page.error = str(error)
                errors.append(f"{page.name}: {error}")
                print(f"  {page.name}: ERROR {error}", flush=True)
                continue
            learner_course = next((p for p in pages if p.name == "course" and p.kb), None)
            judge(page, learner_course.kb if learner_course else None)
            print(f"  {page.name}: {page.rps:,.1f} req/s, p95 {figure(page.p95)} ms "
                  f"(bare {page.bare_rps:,.0f} req/s)", flush=True)
        if not PAGES or "exports" in PAGES:
            try:
                exports = exports_time(sessions["officer-national"], users["officer-national"],
                                       cooperative)
            except BenchError as error:
                errors.append(str(error))
        if server.poll() is not None:
            errors.append(f"gunicorn stopped during the run (see {SERVER_LOG.name})")
    except BenchError as error:
        errors.append(str(error))
    finally:
        if server is not None:
            server_stop(server)
    load_end = os.getloadavg()
    print()
    table_print(pages, exports, bare, bare_page)
    print(f"\nLoad average (1, 5, 15 min): {', '.join(f'{v:.2f}' for v in load_start)} at the "
          f"start, {', '.join(f'{v:.2f}' for v in load_end)} at the end; "
          f"{os.cpu_count()} cores.")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps({
        "data": {"source": source, "profile": PROFILE if source == "seed_scale" else None,
                 **data},
        "settings": {"seconds": SECONDS, "connections": CONNECTIONS, "workers": WORKERS,
                     "warmup_seconds": WARMUP_SECONDS, "cores": os.cpu_count()},
        "load_average": {"start": load_start, "end": load_end},
        "bare": {"rps": bare, "queries": bare_page.queries, "kb": bare_page.kb},
        "pages": [asdict(page) for page in pages],
        "exports": exports,
        "errors": errors,
    }, indent=2, ensure_ascii=False))
    print(f"Written to {REPORT.relative_to(BASE_DIR)}.")
    for error in errors:
        print(f"ERROR: {error}")
    return 1 if errors else 0


def data_counts() -> dict[str, int]:
    from certification.models import Certificate
    from courses.models import Enrollment
    from lms.accounts.models import User
    from lms.cooperatives.models import Cooperative

    return {"cooperatives": Cooperative.objects.count(), "users": User.objects.count(),
            "enrollments": Enrollment.objects.count(),
            "certificates": Certificate.objects.count()}


if __name__ == "__main__":
    sys.exit(main())
