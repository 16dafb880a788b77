"""Benchmark: how long a sign-up takes for an address that already has an account and for a new
one, with the project's sign-up (both paths hash the password and queue one e-mail) against
allauth's own (the taken path skips the hash and the e-mail is sent inside the request), in one
run. Close medians mean a stopwatch cannot tell which addresses have accounts.

Usage: python bench/enumeration.py [N]   (default N=10). Builds a scratch SQLite database in a
temporary directory (migrate, N owners), posts the real sign-up form through Django's test
client with the production password hasher; e-mails go to memory (eager tasks). Prints the
median seconds of each path, their ratio, and the same for allauth's behaviour; not a test,
nothing is asserted."""

import atexit
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
SCRATCH = tempfile.mkdtemp(prefix="bench-enumeration-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}/bench.sqlite3"
os.environ["DJANGO_MEDIA_ROOT"] = f"{SCRATCH}/media"
os.environ["DJANGO_PRIVATE_MEDIA_ROOT"] = f"{SCRATCH}/private"
os.environ["CELERY_BROKER_URL"] = ""
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

import django  # noqa: E402

django.setup()
logging.getLogger("celery").setLevel(logging.WARNING)  # eager tasks log each run at INFO

from allauth.account.adapter import DefaultAccountAdapter  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from lms.accounts.adapter import AccountAdapter  # noqa: E402
from lms.accounts.models import User  # noqa: E402

PASSWORD = "Vai-thieu-Luc-Ngan-2025"


def sign_up(email: str) -> float:
    client = Client(HTTP_HOST="127.0.0.1")
    data = {"full_name": "Lê Thị Mai", "email": email, "password1": PASSWORD,
            "password2": PASSWORD, "preferred_language": "vi"}
    start = time.perf_counter()
    response = client.post(reverse("account_signup"), data)
    elapsed = time.perf_counter() - start
    assert response.status_code == 302, response.status_code
    return elapsed


def run(n: int, label: str) -> tuple[float, float]:
    taken, new = [], []
    for i in range(n):  # interleaved, so a busy moment of the machine hits both alike
        cache.clear()
        taken.append(sign_up(f"owner-{i}@example.vn"))
        new.append(sign_up(f"{label}-new-{i}@example.vn"))
    return statistics.median(taken), statistics.median(new)


def report(name: str, taken: float, new: float) -> None:
    print(f"  {name}")
    print(f"    taken address  median {taken * 1000:7.1f} ms")
    print(f"    new address    median {new * 1000:7.1f} ms")
    print(f"    ratio new / taken: {new / taken:.2f}")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    call_command("migrate", verbosity=0, interactive=False)
    for i in range(n):
        User.objects.create_user(f"owner-{i}@example.vn", PASSWORD, full_name=f"Chủ {i}")
    with override_settings(ACCOUNT_RATE_LIMITS=False):
        sign_up("warm-up@example.vn")  # imports and template loading, not counted
        project = run(n, "project")
        with ExitStack() as allauth_only:
            allauth_only.enter_context(override_settings(ACCOUNT_FORMS={}))
            allauth_only.enter_context(
                mock.patch.object(AccountAdapter, "send_mail", DefaultAccountAdapter.send_mail))
            baseline = run(n, "allauth")
    print(f"sign-up timing: N={n} per path")
    report("project (hash and queue on both paths)", *project)
    report("allauth alone (baseline)", *baseline)


if __name__ == "__main__":
    main()
