"""A certificate's standing (valid, revoked, expired) in the words a person reads: on the
holder's "My certificates", the officer's list and page, the verification page's status line
and the downloaded PDF (as pdftotext reads it). The pages are read in English (the holder's
preference, or the language cookie for a visitor), as the translations come later.

What "expired" means: the date printed as "Valid until" is the last day the certificate is
valid, the whole day, on the local calendar; it is expired from the next day."""

import datetime
import html
import re
import subprocess
import unicodedata

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from certification.certificates import services
from certification.models import Certificate
from tests.certification.conftest import issue

pytestmark = pytest.mark.django_db

REASON = "Gian lận trong bài kiểm tra"
STORED_PDF = b"%PDF-1.7\n% the stored original, made while the certificate was valid\n"


# --- helpers


def start_of_today() -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(),
                                                         datetime.time.min))


def day(moment) -> str:
    """The day as the English pages print it: "3 Dec 2026"."""
    with translation.override("en"):
        return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


def visible(markup: str) -> str:
    """What a person reads in a piece of HTML: the text without tags, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", markup)
    return " ".join(html.unescape(text).split())


def status_line(page: str) -> str:
    """The verification page's status line, as read."""
    match = re.search(r'<p class="verify__status">(.*?)</p>', page, re.DOTALL)
    assert match, "the page has no status line"
    return visible(match.group(1))


def main_text(page: str) -> str:
    match = re.search(r"<main\b.*?</main>", page, re.DOTALL)
    return visible(match.group(0) if match else page)


def pdf_text(content: bytes) -> str:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, check=True,
                          capture_output=True).stdout.decode()
    return " ".join(unicodedata.normalize("NFC", text).split())


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def revoke(certificate, *, days_ago=40, reason=REASON) -> datetime.datetime:
    revoked_at = timezone.now() - datetime.timedelta(days=days_ago)
    Certificate.objects.filter(pk=certificate.pk).update(revoked_at=revoked_at,
                                                         revoked_reason=reason)
    return revoked_at


def expire_yesterday(certificate) -> datetime.datetime:
    """Valid until yesterday (its last moment): expired today."""
    expires_at = start_of_today() - datetime.timedelta(seconds=1)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=expires_at)
    return expires_at


def expire_today(certificate) -> datetime.datetime:
    """Valid until today, at a moment of today already past: still valid, the last day."""
    expires_at = start_of_today()
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=expires_at)
    return expires_at


def with_stored_pdf(certificate):
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(STORED_PDF), save=True)
    return certificate


@pytest.fixture
def holder(holder):
    """The suite's holder, who reads the site in English (their certificates are issued in
    English too)."""
    holder.preferred_language = "en"
    holder.save()
    return holder


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def my_certificates(client, holder) -> str:
    client.force_login(holder)
    return main_text(client.get(reverse("certification:mine")).content.decode())


def verify_line(client, certificate) -> str:
    return status_line(client.get(
        reverse("certification:verify_code", args=[certificate.code])).content.decode())


def download(client, user, certificate):
    client.force_login(user)
    return client.get(reverse("certification:pdf", args=[certificate.code]))


# --- the rule, at a fixed moment


def local(year, month, day_, hour=0, minute=0, second=0):
    return timezone.make_aware(datetime.datetime(year, month, day_, hour, minute, second))


@pytest.mark.parametrize(("when", "expected"), [
    (local(2025, 4, 29, 23, 59, 59), Certificate.Status.VALID),
    (local(2025, 4, 30, 1, 0), Certificate.Status.VALID),  # the moment it was issued + 1 month
    (local(2025, 4, 30, 23, 59, 59), Certificate.Status.VALID),  # the last day, to its end
    (local(2025, 5, 1, 0, 0), Certificate.Status.EXPIRED),  # the day after
    (local(2026, 1, 1), Certificate.Status.EXPIRED),
])
def test_a_certificate_is_valid_through_its_last_day_and_expired_from_the_next(
        certificate, when, expected):
    certificate.expires_at = local(2025, 4, 30, 1, 0)
    certificate.save()

    assert certificate.status_at(when) == expected
    in_query = Certificate.objects.filter(Certificate.valid_q(when), pk=certificate.pk).exists()
    assert in_query is (expected == Certificate.Status.VALID)


def test_revoking_wins_over_expiring(certificate):
    certificate.expires_at = local(2025, 4, 30, 1, 0)
    certificate.revoked_at = local(2025, 3, 1, 9, 0)

    assert certificate.status_at(local(2025, 6, 1)) == Certificate.Status.REVOKED


# --- My certificates (the holder)


def test_my_certificates_shows_a_valid_certificate_as_valid(client, holder, course):
    issue(holder, course)

    text = my_certificates(client, holder)

    assert "Valid" in text
    assert "Revoked" not in text
    assert "Expired" not in text
    assert "not valid" not in text


def test_my_certificates_shows_a_revoked_certificate_as_revoked_with_date_and_reason(
        client, holder, course):
    revoked_at = revoke(issue(holder, course))

    text = my_certificates(client, holder)

    assert f"Revoked on {day(revoked_at)} — not valid" in text
    assert f"Reason: {REASON}" in text


def test_my_certificates_shows_a_certificate_past_its_last_day_as_expired(
        client, holder, course):
    expires_at = expire_yesterday(issue(holder, course))

    text = my_certificates(client, holder)

    assert f"Expired — valid only until {day(expires_at)}" in text


def test_my_certificates_shows_a_certificate_on_its_last_day_as_valid_until_today(
        client, holder, course):
    expires_at = expire_today(issue(holder, course))

    text = my_certificates(client, holder)

    assert f"Valid until {day(expires_at)}" in text
    assert "Expired" not in text


# --- the verification page's status line (anyone)


def test_the_status_line_of_a_valid_certificate_says_valid(english, certificate):
    assert verify_line(english, certificate) == "Valid certificate"


def test_the_status_line_of_a_revoked_certificate_gives_the_date_and_the_reason(
        english, certificate):
    revoked_at = revoke(certificate)

    assert verify_line(english, certificate) == (
        f"Revoked certificate Revoked on {day(revoked_at)} — not valid Reason: {REASON}")


def test_the_status_line_of_a_certificate_revoked_without_a_recorded_reason(
        english, certificate):
    revoked_at = revoke(certificate, reason="")

    assert verify_line(english, certificate) == (
        f"Revoked certificate Revoked on {day(revoked_at)} — not valid")


def test_the_status_line_of_a_certificate_past_its_last_day_says_expired(english, certificate):
    expires_at = expire_yesterday(certificate)

    assert verify_line(english, certificate) == (
        f"Expired certificate Expired — valid only until {day(expires_at)}")


def test_the_status_line_on_the_last_day_says_valid_until_today(english, certificate):
    expires_at = expire_today(certificate)

    assert verify_line(english, certificate) == (
        f"Valid certificate Valid until {day(expires_at)}")


def test_the_verify_page_keeps_its_rate_limit(english, certificate):
    from certification.certificates import views

    url = reverse("certification:verify_code", args=[certificate.code])
    for _ in range(views.VERIFY_LIMIT):
        english.get(url)

    assert english.get(url).status_code == 429


# --- the officer's list and page


@pytest.fixture
def officer(officer):
    """The suite's officer of the holder's province, who reads the site in English."""
    officer.preferred_language = "en"
    officer.save()
    return officer


def officer_pages(client, officer, certificate) -> tuple[str, str]:
    client.force_login(officer)
    listed = client.get(reverse("certification:manage_list")).content.decode()
    page = client.get(reverse("certification:manage", args=[certificate.code])).content.decode()
    return main_text(listed), main_text(page)


def test_the_officers_list_and_page_show_a_valid_certificate_as_valid(
        client, certificate, officer):
    for text in officer_pages(client, officer, certificate):
        assert "Valid" in text
        assert "not valid" not in text


def test_the_officers_list_and_page_show_the_revocation(client, certificate, officer):
    revoked_at = revoke(certificate)

    for text in officer_pages(client, officer, certificate):
        assert f"Revoked on {day(revoked_at)} — not valid" in text
        assert f"Reason: {REASON}" in text


def test_the_officers_list_and_page_show_an_expired_certificate_as_expired(
        client, certificate, officer):
    expires_at = expire_yesterday(certificate)

    for text in officer_pages(client, officer, certificate):
        assert f"Expired — valid only until {day(expires_at)}" in text


# --- the PDF download


def test_the_pdf_of_a_valid_certificate_is_the_stored_one_without_a_band(
        client, holder, course):
    certificate = issue(holder, course)
    assert services.certificate_render_pdf(certificate_id=certificate.pk)

    response = download(client, holder, certificate)
    content = body(response)

    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as file:
        assert content == file.read()
    text = pdf_text(content)
    assert certificate.snapshot["course"] in text
    assert "REVOKED" not in text
    assert "EXPIRED" not in text
    assert "not valid" not in text


def test_the_pdf_of_a_revoked_certificate_carries_the_revocation_band(client, holder, course):
    certificate = with_stored_pdf(issue(holder, course))
    revoked_at = revoke(certificate)

    response = download(client, holder, certificate)
    content = body(response)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert content != STORED_PDF  # never the original that looks valid
    text = pdf_text(content)
    assert "REVOKED" in text
    assert f"Revoked on {day(revoked_at)} — not valid" in text
    assert f"Reason: {REASON}" in text
    assert "This copy does not certify anything." in text
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as file:
        assert file.read() == STORED_PDF  # the original is kept as it was


def test_the_pdf_of_a_certificate_past_its_last_day_carries_the_expiry_band(
        client, holder, course):
    certificate = with_stored_pdf(issue(holder, course))
    expires_at = expire_yesterday(certificate)

    content = body(download(client, holder, certificate))

    assert content != STORED_PDF
    text = pdf_text(content)
    assert "EXPIRED" in text
    assert f"Expired — valid only until {day(expires_at)}" in text


def test_the_pdf_on_the_last_day_is_the_stored_one(client, holder, course):
    certificate = with_stored_pdf(issue(holder, course))
    expire_today(certificate)

    assert body(download(client, holder, certificate)) == STORED_PDF


def test_an_officer_downloads_a_revoked_certificate_with_its_band(client, certificate,
                                                                   officer):
    Certificate.objects.filter(pk=certificate.pk).update(language="en")
    with_stored_pdf(certificate)
    revoke(certificate)

    content = body(download(client, officer, certificate))

    assert content != STORED_PDF
    assert "REVOKED" in pdf_text(content)


def test_a_revoked_certificate_whose_band_cannot_be_rendered_is_not_handed_out(
        client, holder, course, monkeypatch):
    certificate = with_stored_pdf(issue(holder, course))
    revoke(certificate)

    def broken(html):
        raise RuntimeError("renderer down")

    monkeypatch.setattr("certification.certificates.pdf.html_to_pdf", broken)

    response = download(client, holder, certificate)

    assert response.status_code == 302
    assert response["Location"] == reverse("certification:mine")


def test_the_pdf_handed_out_follows_the_standing_in_the_database_not_an_old_copy(
        holder, course):
    certificate = with_stored_pdf(issue(holder, course))
    old_copy = Certificate.objects.get(pk=certificate.pk)
    revoke(certificate)

    content = services.certificate_pdf_content(certificate=old_copy)

    assert content != STORED_PDF
    assert "REVOKED" in pdf_text(content)
