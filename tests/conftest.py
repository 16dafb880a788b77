"""Fixtures shared by the whole suite: a temporary MEDIA_ROOT, a clean cache, and users per role."""

import pytest
from django.core.cache import cache

from lms.celery import app as celery_app
from tests.factories import (
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    TrainerFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
