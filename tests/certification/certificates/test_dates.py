"""One day reads the same wherever a person sees it: the holder's "My certificates" (issued on),
the officer's list and the public verification page (completed on) print a certificate's day in
one format per language, "dd/mm/yyyy" in Vietnamese and "14 Mar 2025" in English."""

import datetime
import html
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from certification.models import Certificate

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 14)
SHOWN = {"vi": "14/03/2025", "en": "14 Mar 2025"}
OTHER_WAYS = ("14-03-2025", "03/14/2025", "Mar. 14, 2025", "March 14, 2025", "2025-03-14",
              "14 tháng 3")


def visible(markup: str) -> str:
    match = re.search(r"<main\b.*?</main>", markup, re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", match.group(0) if match else markup)
    return " ".join(html.unescape(text).split())


def pages_with_the_day(language, holder, officer, certificate) -> dict[str, str]:
    for person in (holder, officer):
        person.preferred_language = language
        person.save()
    pages = {}
    for name, person, url in [
            ("my certificates", holder, reverse("certification:mine")),
            ("officer's list", officer, reverse("certification:manage_list")),
            ("verification", None, reverse("certification:verify_code",
                                           args=[certificate.code]))]:
        client = Client(enforce_csrf_checks=True)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        if person:
            client.force_login(person)
        pages[name] = visible(client.get(url).content.decode())
    return pages


@pytest.fixture
def certificate(certificate):
    """Completed and issued on DAY, late in the evening: a day printed in UTC would be the
    next one."""
    late = timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(23, 30)))
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=late, expires_at=None,
        snapshot={**certificate.snapshot, "completed_on": DAY.isoformat()})
    return Certificate.objects.get(pk=certificate.pk)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_certificates_day_reads_the_same_on_every_page(language, holder, officer, certificate):
    pages = pages_with_the_day(language, holder, officer, certificate)

    for name, text in pages.items():
        assert SHOWN[language] in text, name
        for other in OTHER_WAYS:
            assert other not in text, (name, other)
