"""Fixtures shared by the whole suite: temporary MEDIA_ROOT and PRIVATE_MEDIA_ROOT, a clean
cache, and users per role."""

import os

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test.utils import override_settings

from lms.celery import app as celery_app
from tests.factories import (
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    TrainerFactory,
    UserFactory,
)
from tests.object_store import object_store  # noqa: F401 - a fixture for the suite


@pytest.fixture(autouse=True, scope="session")
def _own_redis_cache_per_process():
    """Each test process of a parallel run clears the cache between tests; on Redis that empties
    the whole database, so each process gets a database of its own (1 + its number) rather than
    emptying another's rate-limit counters in the middle of a test. The real worker started by
    a test is given the same one (tests/celery_worker.py)."""
    process = os.environ.get("PYTEST_XDIST_WORKER", "")
    location = django_settings.CACHES["default"].get("LOCATION", "")
    if not (process.startswith("gw") and str(location).startswith("redis://")):
        yield
        return
    base, _, _ = str(location).rpartition("/")
    caches = {"default": {**django_settings.CACHES["default"],
                          "LOCATION": f"{base}/{1 + int(process[2:])}"}}
    saved = os.environ.get("REDIS_URL")
    with override_settings(CACHES=caches):
        os.environ["REDIS_URL"] = caches["default"]["LOCATION"]
        yield
    if saved is not None:
        os.environ["REDIS_URL"] = saved


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Passwords are hashed with MD5 in the suite, as Django's testing docs advise: production's
    PBKDF2 costs about half a second of CPU per hash, and every user the fixtures create and every
    sign-in computes one (it was a large share of CI's time). Tests about hashing itself set their
    own hasher (tests/accounts/test_enumeration.py); tests/test_settings.py pins production's."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """Text messages are kept in memory, like e-mail in mail.outbox; each test starts with none."""
    from lms.accounts import sms

    settings.SMS_BACKEND = "lms.accounts.sms.LocmemBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language, whatever an earlier test in the same process
    left active (a request's middleware or a task may activate another one)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clean_cache():
    # Rate-limit counters live in the cache; each test starts from none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _celery_eager(request):
    """Tasks run in-process in unit tests even when a broker is configured; only tests marked
    `worker` send them through the broker to a real worker."""
    if request.node.get_closest_marker("worker"):
        yield
        return
    saved = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = saved


@pytest.fixture
def cooperative(db):
    return CooperativeFactory()


@pytest.fixture
def learner(db):
    return UserFactory()


@pytest.fixture
def manager(cooperative):
    return MembershipFactory(cooperative=cooperative, role="manager").user


@pytest.fixture
def member(cooperative):
    return MembershipFactory(cooperative=cooperative, role="member").user


@pytest.fixture
def trainer(db):
    return TrainerFactory()


@pytest.fixture
def officer(cooperative):
    """A union officer whose scope is the province of `cooperative`."""
    return OfficerFactory(provinces=[cooperative.province])


@pytest.fixture
def site_admin(db):
    return UserFactory(is_superuser=True, is_staff=True)
