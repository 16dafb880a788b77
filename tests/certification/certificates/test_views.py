"""Certificates through the Django test client: public verification, "My certificates", the PDF
download and the manage page. Pages render in Vietnamese, so the tests check data, status codes
and URLs rather than interface text."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from certification.certificates import views
from certification.certificates.codes import code_new
from certification.models import Certificate
from tests.certification.conftest import HOLDER_NAME, issue
from tests.factories import OfficerFactory, TrainerFactory, UserFactory, province
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db

FAKE_PDF = b"%PDF-1.7\n% a stored certificate\n"


def verify_url(code):
    return reverse("certification:verify_code", args=[code])


def pdf_url(certificate):
    return reverse("certification:pdf", args=[certificate.code])


def manage_url(certificate):
    return reverse("certification:manage", args=[certificate.code])


def with_stored_pdf(certificate):
    """A PDF already stored, so access tests do not render one."""
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(FAKE_PDF), save=True)
    return certificate


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def as_user(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def other_certificate(trainer):
    """Another user's certificate for another course."""
    other = UserFactory(full_name="Trần Văn Bình", email="binh@example.vn", phone="0987654321")
    course = make_course(trainer=trainer, lessons=1, quiz=False)
    course.title = "Kỹ thuật trồng vải thiều"
    course.save()
    return issue(other, course)


@pytest.fixture
def far_officer(db):
    """A union officer whose scope is another province than the holder's cooperative's."""
    return OfficerFactory(provinces=[province("Hà Nội")])


# --- verification: the form and the outcomes


def test_the_verify_page_shows_a_form_for_the_code(client):
    response = client.get(reverse("certification:verify"))

    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()
    assert "certificate" not in response.context


def test_a_valid_certificate_shows_what_it_states(client, certificate):
    response = client.get(verify_url(certificate.code))
    page = response.content.decode()

    assert response.status_code == 200
    assert response.context["status"] == Certificate.Status.VALID
    assert HOLDER_NAME in page
    assert certificate.snapshot["course"] in page
    assert certificate.snapshot["union"] in page
    assert certificate.code_grouped in page


def test_the_verify_page_shows_the_completion_date_day_first(client, certificate):
    year, month, day = certificate.snapshot["completed_on"].split("-")

    page = client.get(verify_url(certificate.code)).content.decode()

    assert f"{day}/{month}/{year}" in page


def test_the_verify_page_is_not_cached(client, certificate):
    response = client.get(verify_url(certificate.code))
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_an_expired_certificate_shows_as_expired_with_its_expiry_date(client, certificate):
    expired = timezone.now() - datetime.timedelta(days=3)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=expired)

    response = client.get(verify_url(certificate.code))

    assert response.status_code == 200
    assert response.context["status"] == Certificate.Status.EXPIRED
    assert timezone.localtime(expired).strftime("%d/%m/%Y") in response.content.decode()


def test_a_revoked_certificate_shows_the_reason_and_the_date(client, certificate, officer):
    revoked_at = timezone.now() - datetime.timedelta(days=40)
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=revoked_at, revoked_reason="Gian lận trong bài kiểm tra", revoked_by=officer)

    response = client.get(verify_url(certificate.code))
    page = response.content.decode()

    assert response.status_code == 200
    assert response.context["status"] == Certificate.Status.REVOKED
    assert "Gian lận trong bài kiểm tra" in page
    assert timezone.localtime(revoked_at).strftime("%d/%m/%Y") in page


def test_a_revoked_certificate_does_not_name_who_revoked_it(client, certificate, officer):
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoked_reason="Sai thông tin", revoked_by=officer)

    page = client.get(verify_url(certificate.code)).content.decode()

    assert officer.full_name not in page
    assert officer.email not in page


def test_a_replaced_certificate_links_the_new_code(client, certificate, officer):
    from certification.certificates import services

    new = services.certificate_reissue(certificate=certificate, by=officer)

    response = client.get(verify_url(certificate.code))
    page = response.content.decode()

    assert response.context["status"] == Certificate.Status.REPLACED
    assert f'href="{verify_url(new.code)}"' in page
    assert new.code_grouped in page


def test_an_unknown_code_is_a_404_page_that_says_not_found(client, certificate):
    response = client.get(verify_url(code_new()))

    assert response.status_code == 404
    assert response.context["not_found"] is True
    assert "certificate" not in response.context


def test_an_unknown_code_shows_no_certificate_data(client, certificate, other_certificate):
    page = client.get(verify_url(code_new())).content.decode()

    for shown in (certificate, other_certificate):
        assert shown.snapshot["holder"] not in page
        assert shown.snapshot["course"] not in page
        assert shown.code_grouped not in page


def test_a_typed_code_is_shown_back_escaped(client):
    page = client.get(reverse("certification:verify"),
                      {"code": '"><script>alert(1)</script>'}, follow=True).content.decode()

    assert "<script>alert(1)" not in page


# --- verification: only what the certificate states


def test_the_verify_page_does_not_show_the_holders_email_or_phone(client, certificate, holder):
    page = client.get(verify_url(certificate.code)).content.decode()

    assert holder.email not in page
    assert holder.phone not in page


def test_the_verify_page_does_not_show_other_users_data(client, certificate, other_certificate):
    page = client.get(verify_url(certificate.code)).content.decode()

    other = other_certificate.recipient
    assert other.full_name not in page
    assert other.email not in page
    assert other.phone not in page
    assert other_certificate.snapshot["course"] not in page
    assert other_certificate.code_grouped not in page


def test_the_verify_page_does_not_link_the_pdf_or_the_manage_page(client, certificate):
    with_stored_pdf(certificate)

    page = client.get(verify_url(certificate.code)).content.decode()

    assert pdf_url(certificate) not in page
    assert certificate.pdf.name not in page
    assert manage_url(certificate) not in page


def test_the_verify_page_does_not_show_the_trainers_email(client, certificate, trainer):
    page = client.get(verify_url(certificate.code)).content.decode()

    assert trainer.email not in page


# --- verification: codes as typed


def test_a_code_typed_in_lower_case_with_dashes_redirects_to_the_canonical_url(
        client, certificate):
    typed = certificate.code_grouped.lower()

    response = client.get(reverse("certification:verify"), {"code": typed})

    assert response.status_code == 302
    assert response["Location"] == verify_url(certificate.code)


def test_a_code_typed_with_spaces_redirects_to_the_canonical_url(client, certificate):
    typed = " ".join(certificate.code_grouped.split("-"))

    response = client.get(reverse("certification:verify"), {"code": typed})

    assert response["Location"] == verify_url(certificate.code)


def test_a_grouped_lower_case_code_in_the_address_finds_the_certificate(client, certificate):
    response = client.get(verify_url(certificate.code_grouped.lower()), follow=True)

    assert response.status_code == 200
    assert response.context["certificate"] == certificate


# --- verification: rate limit


def test_the_lookup_after_the_limit_from_one_address_is_refused(client):
    for _ in range(views.VERIFY_LIMIT):
        assert client.get(verify_url(code_new())).status_code == 404

    response = client.get(verify_url(code_new()))

    assert response.status_code == 429


def test_a_refused_lookup_shows_no_certificate_even_for_a_real_code(client, certificate):
    for _ in range(views.VERIFY_LIMIT):
        client.get(verify_url(code_new()))

    response = client.get(verify_url(certificate.code))

    assert response.status_code == 429
    assert HOLDER_NAME not in response.content.decode()


def test_the_limit_is_per_address(client, certificate):
    for _ in range(views.VERIFY_LIMIT):
        client.get(verify_url(code_new()), REMOTE_ADDR="203.0.113.7")

    response = client.get(verify_url(certificate.code), REMOTE_ADDR="203.0.113.8")

    assert response.status_code == 200


def test_the_empty_form_does_not_count_as_a_lookup(client, certificate):
    for _ in range(views.VERIFY_LIMIT + 5):
        assert client.get(reverse("certification:verify")).status_code == 200

    assert client.get(verify_url(certificate.code)).status_code == 200


# --- My certificates


def test_my_certificates_lists_only_my_own(client, certificate, holder, other_certificate):
    response = as_user(client, holder).get(reverse("certification:mine"))
    page = response.content.decode()

    assert response.status_code == 200
    assert response.context["certificates"] == [certificate]
    assert certificate.code_grouped in page
    assert other_certificate.code_grouped not in page
    assert other_certificate.snapshot["course"] not in page


def test_my_certificates_needs_a_login(client):
    response = client.get(reverse("certification:mine"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- PDF download


def test_the_holder_downloads_the_pdf(client, certificate, holder):
    with_stored_pdf(certificate)

    response = as_user(client, holder).get(pdf_url(certificate))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert body(response) == FAKE_PDF


def test_the_pdf_is_an_attachment_named_after_the_code(client, certificate, holder):
    with_stored_pdf(certificate)

    response = as_user(client, holder).get(pdf_url(certificate))

    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert f"chung-chi-{certificate.code_grouped}.pdf" in disposition


def test_another_learner_cannot_download_the_pdf(client, certificate, learner):
    with_stored_pdf(certificate)

    assert as_user(client, learner).get(pdf_url(certificate)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in_for_the_pdf(client, certificate):
    with_stored_pdf(certificate)

    response = client.get(pdf_url(certificate))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_officer_in_scope_downloads_the_pdf(client, certificate, officer):
    with_stored_pdf(certificate)

    response = as_user(client, officer).get(pdf_url(certificate))

    assert response.status_code == 200
    assert body(response) == FAKE_PDF


def test_an_officer_of_another_province_cannot_download_the_pdf(client, certificate,
                                                                far_officer):
    with_stored_pdf(certificate)

    assert as_user(client, far_officer).get(pdf_url(certificate)).status_code == 404


def test_a_site_admin_downloads_the_pdf(client, certificate, site_admin):
    with_stored_pdf(certificate)

    response = as_user(client, site_admin).get(pdf_url(certificate))

    assert response.status_code == 200
    assert body(response) == FAKE_PDF


def test_an_unknown_code_has_no_pdf(client, holder):
    assert as_user(client, holder).get(
        reverse("certification:pdf", args=[code_new()])).status_code == 404


def test_a_pdf_not_rendered_yet_is_rendered_on_download(client, certificate, holder):
    assert not certificate.pdf

    response = as_user(client, holder).get(pdf_url(certificate))

    assert response.status_code == 200
    assert body(response).startswith(b"%PDF-")
    certificate.refresh_from_db()
    assert certificate.pdf


def test_a_pdf_that_cannot_be_rendered_sends_the_holder_back_to_their_certificates(
        client, certificate, holder, monkeypatch):
    def broken(html):
        raise RuntimeError("renderer down")

    monkeypatch.setattr("certification.certificates.pdf.html_to_pdf", broken)

    response = as_user(client, holder).get(pdf_url(certificate))

    assert response.status_code == 302
    assert response["Location"] == reverse("certification:mine")


# --- the manage page: who


def test_the_courses_trainer_may_manage_the_certificate(client, certificate, trainer):
    assert certificate.snapshot["trainer_id"] == trainer.pk
    assert as_user(client, trainer).get(manage_url(certificate)).status_code == 200


def test_an_officer_in_scope_may_manage_the_certificate(client, certificate, officer):
    assert as_user(client, officer).get(manage_url(certificate)).status_code == 200


def test_a_site_admin_may_manage_the_certificate(client, certificate, site_admin):
    assert as_user(client, site_admin).get(manage_url(certificate)).status_code == 200


def test_a_plain_learner_may_not_manage_the_certificate(client, certificate, learner):
    assert as_user(client, learner).get(manage_url(certificate)).status_code == 404


def test_the_holder_may_not_manage_their_certificate(client, certificate, holder):
    assert as_user(client, holder).get(manage_url(certificate)).status_code == 404


def test_another_trainer_may_not_manage_the_certificate(client, certificate):
    assert as_user(client, TrainerFactory()).get(manage_url(certificate)).status_code == 404


def test_an_officer_of_another_province_may_not_manage_the_certificate(
        client, certificate, far_officer):
    assert as_user(client, far_officer).get(manage_url(certificate)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in_for_the_manage_page(client, certificate):
    response = client.get(manage_url(certificate))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- the manage page: revoking and re-issuing


def test_revoking_without_a_reason_shows_an_error_and_keeps_the_certificate_valid(
        client, certificate, officer):
    response = as_user(client, officer).post(manage_url(certificate),
                                             {"action": "revoke", "reason": "  "})

    assert response.status_code == 200
    assert response.context["error"]
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_revoking_with_a_reason_revokes_the_certificate(client, certificate, officer):
    response = as_user(client, officer).post(
        manage_url(certificate), {"action": "revoke", "reason": "Gian lận trong bài kiểm tra"})

    assert response.status_code == 302
    assert response["Location"] == manage_url(certificate)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Gian lận trong bài kiểm tra"
    assert certificate.revoked_by == officer


def test_a_learner_cannot_revoke_by_posting(client, certificate, learner):
    response = as_user(client, learner).post(manage_url(certificate),
                                             {"action": "revoke", "reason": "Vì tôi muốn"})

    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_the_holder_cannot_reissue_by_posting(client, certificate, holder):
    response = as_user(client, holder).post(manage_url(certificate), {"action": "reissue"})

    assert response.status_code == 404
    assert holder.certificates.count() == 1


def test_reissuing_makes_a_new_certificate_and_redirects_to_its_manage_page(
        client, certificate, holder, trainer):
    holder.full_name = "Nguyễn Thị Hồng Xuân Mai"
    holder.save()

    response = as_user(client, trainer).post(manage_url(certificate), {"action": "reissue"})

    certificate.refresh_from_db()
    new = certificate.replaced_by
    assert new is not None
    assert response.status_code == 302
    assert response["Location"] == manage_url(new)
    assert new.snapshot["holder"] == "Nguyễn Thị Hồng Xuân Mai"
    assert new.pdf
    assert certificate.status == Certificate.Status.REPLACED


def test_the_reissued_certificates_manage_page_opens_for_the_trainer(
        client, certificate, trainer):
    response = as_user(client, trainer).post(manage_url(certificate), {"action": "reissue"},
                                             follow=True)

    assert response.status_code == 200
    assert response.context["certificate"] == Certificate.objects.get(
        pk=certificate.pk).replaced_by


def test_a_revoked_certificate_cannot_be_brought_back_by_reissuing(
        client, certificate, holder, officer):
    as_user(client, officer).post(manage_url(certificate),
                                  {"action": "revoke", "reason": "Gian lận trong bài kiểm tra"})

    client.post(manage_url(certificate), {"action": "reissue"})

    statuses = {c.status for c in holder.certificates.all()}
    assert Certificate.Status.VALID not in statuses
