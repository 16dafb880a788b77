"""The Content-Security-Policy header: strict on the site's pages, looser on the Wagtail admin,
never framable by another site. tests/e2e/test_csp.py proves in Chromium that the pages work
under it."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def nonce_of(directives) -> str:
    (nonce,) = [s for s in directives["script-src"] if s.startswith("'nonce-")]
    return nonce[len("'nonce-"):-1]


def test_a_site_page_gets_the_strict_policy(client):
    response = client.get("/")

    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    # Scripts and style sheets: the site's own files, or inline with this response's nonce.
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[name]
        assert "'unsafe-eval'" not in directives[name]
        assert directives[name][:2] == ["'self'", f"'nonce-{nonce_of(directives)}'"]
    assert directives["style-src-attr"] == ["'unsafe-inline'"]
    assert "https://www.youtube-nocookie.com" in directives["frame-src"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_nonce_is_new_for_every_response(client):
    first, second = client.get("/"), client.get("/")

    assert nonce_of(policy(first)) != nonce_of(policy(second))
    assert len(nonce_of(policy(first))) >= 22  # at least 128 random bits


def test_errors_and_redirects_carry_the_policy_too(client):
    missing = client.get("/khong-co-trang-nay/")
    redirect = client.get(reverse("account_profile"))

    assert missing.status_code == 404 and redirect.status_code == 302
    assert policy(missing)["frame-ancestors"] == ["'none'"]
    assert policy(redirect)["object-src"] == ["'none'"]


def test_the_admin_gets_its_own_policy_that_still_forbids_framing_by_others(client, site_admin):
    client.force_login(site_admin)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    directives = policy(response)
    assert directives["frame-ancestors"] == ["'self'"]  # the page editor frames its preview
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert "'unsafe-inline'" in directives["script-src"]
    assert not any(s.startswith("'nonce-") for s in directives["script-src"])
    assert "'unsafe-eval'" not in directives["script-src"]


def test_the_dashboard_charts_inline_styles_carry_the_responses_nonce(client, officer):
    client.force_login(officer)

    response = client.get(reverse("dashboards:home"))

    assert response.status_code == 200
    page = response.content.decode()
    nonce = nonce_of(policy(response))
    styles = re.findall(r"<style\b[^>]*>", page)
    assert styles, "the dashboard draws no chart"
    assert all(f'nonce="{nonce}"' in tag for tag in styles)
    # No inline script runs, nonce or not: the pages' scripts are static files (the userbar's
    # JSON data is not run).
    inline = re.findall(r"<script\b(?![^>]*\bsrc=)[^>]*>", page)
    assert all('type="application/json"' in tag for tag in inline)
