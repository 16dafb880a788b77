"""The health checks a load balancer asks: every service answers (the real ones in CI's second
pass), a service that fails turns the answer into a 503 that names it, and nothing in it
names a host or a secret."""

import json

import pytest
from django.conf import settings
from django.urls import reverse

from lms import health

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_asking_any_service(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("health_live"))

    assert response.status_code == 200 and response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_every_service_answers(client):
    response = client.get(reverse("health"))

    body = json.loads(response.content)
    assert response.status_code == 200, body
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "storage"}
    assert all(check["status"] == "ok" for check in body["checks"].values())
    if settings.CELERY_TASK_ALWAYS_EAGER:
        assert "not used" in body["checks"]["broker"]["note"]
    else:  # CI's second pass: a real connection to Redis
        assert "note" not in body["checks"]["broker"]


def test_a_failing_service_gives_503_naming_it_and_nothing_secret(client, monkeypatch):
    def broken():
        raise ConnectionError("redis://:s3cret@10.0.0.7:6379/1 refused")

    monkeypatch.setitem(health.CHECKS, "cache", broken)

    response = client.get(reverse("health"))

    body = json.loads(response.content)
    assert response.status_code == 503
    assert body["status"] == "fail"
    assert body["checks"]["cache"] == {"status": "fail", "error": "ConnectionError"}
    assert body["checks"]["database"]["status"] == "ok"
    assert "s3cret" not in response.content.decode() and "10.0.0.7" not in response.content.decode()


def test_a_post_is_refused(client):
    assert client.post(reverse("health")).status_code == 405
    assert client.post(reverse("health_live")).status_code == 405
