"""ZIP exports of certificates for officers: scope, content, progress, download (the page and
the file are lms.exports'; tests/exports covers what every kind of export shares)."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from certification.certificates import services
from certification.models import Certificate
from lms.cooperatives.models import CooperativeUnion, OfficerScope
from lms.exports.models import Export
from lms.exports.services import export_build
from tests.factories import CooperativeFactory, MembershipFactory, OfficerFactory, province
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db


def completed_certificate(cooperative, name="Nguyễn Thị Hồng Xuân") -> Certificate:
    from courses import services as course_services
    from tests.factories.courses import lessons_of

    member = MembershipFactory(cooperative=cooperative, user__full_name=name).user
    course = make_course(lessons=1, quiz=False)
    enrollment = course_services.enrollment_create(user=member, course=course)
    course_services.lesson_complete(enrollment=enrollment, lesson=lessons_of(course)[0])
    return services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)


def test_an_officer_exports_the_certificates_of_a_cooperative_in_scope(
    cooperative, officer, django_capture_on_commit_callbacks
):
    first = completed_certificate(cooperative, "Nguyễn Thị Hồng Xuân")
    second = completed_certificate(cooperative, "Trần Văn Minh")
    elsewhere = completed_certificate(CooperativeFactory(province=province("Sơn La")))

    with django_capture_on_commit_callbacks(execute=True):
        export = services.certificate_export_request(user=officer, cooperative=cooperative)

    export.refresh_from_db()
    assert export.status == Export.Status.DONE
    assert (export.done, export.total, export.percent) == (2, 2, 100)
    names = zipfile.ZipFile(io.BytesIO(export.file.read())).namelist()
    assert sorted(names) == sorted([f"nguyen-thi-hong-xuan-{first.code}.pdf",
                                    f"tran-van-minh-{second.code}.pdf"])
    assert not any(elsewhere.code in name for name in names)


def test_a_province_export_leaves_out_revoked_and_replaced_certificates(
    cooperative, officer, django_capture_on_commit_callbacks
):
    kept = completed_certificate(cooperative, "Lê Thị Thu Hà")
    revoked = completed_certificate(cooperative, "Đỗ Văn Nam")
    services.certificate_revoke(certificate=revoked, by=officer, reason="Cấp nhầm")

    with django_capture_on_commit_callbacks(execute=True):
        export = services.certificate_export_request(user=officer,
                                                     province=cooperative.province)

    export.refresh_from_db()
    names = zipfile.ZipFile(io.BytesIO(export.file.read())).namelist()
    assert names == [f"le-thi-thu-ha-{kept.code}.pdf"]


def test_an_export_leaves_out_expired_certificates_and_keeps_those_on_their_last_day(
    cooperative, officer, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    today = timezone.make_aware(datetime.datetime.combine(timezone.localdate(),
                                                          datetime.time.min))
    last_day = completed_certificate(cooperative, "Lê Thị Thu Hà")
    expired = completed_certificate(cooperative, "Đỗ Văn Nam")
    Certificate.objects.filter(pk=last_day.pk).update(expires_at=today)
    Certificate.objects.filter(pk=expired.pk).update(
        expires_at=today - datetime.timedelta(seconds=1))

    with django_capture_on_commit_callbacks(execute=True):
        export = services.certificate_export_request(user=officer, cooperative=cooperative)

    export.refresh_from_db()
    names = zipfile.ZipFile(io.BytesIO(export.file.read())).namelist()
    assert names == [f"le-thi-thu-ha-{last_day.code}.pdf"]


def test_an_officer_cannot_export_outside_their_scope(officer):
    other = CooperativeFactory(province=province("Sơn La"))

    with pytest.raises(PermissionDenied):
        services.certificate_export_request(user=officer, cooperative=other)
    with pytest.raises(PermissionDenied):
        services.certificate_export_request(user=officer, province=province("Sơn La"))


def test_a_learner_cannot_reach_the_export_pages(client, learner):
    client.force_login(learner)

    assert client.get(reverse("certification:exports")).status_code == 404


def test_the_export_page_reports_progress_and_offers_the_download_to_its_owner_only(
    client, cooperative, officer, django_capture_on_commit_callbacks
):
    completed_certificate(cooperative)
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certification:exports"),
                               {"cooperative": cooperative.pk})
    export = Export.objects.get()
    assert response.url == reverse("exports:detail", args=[export.pk])

    page = client.get(response.url).content.decode()
    status = client.get(reverse("exports:status", args=[export.pk])).json()
    download = client.get(reverse("exports:download", args=[export.pk]))

    assert f"<h1>{cooperative.name}</h1>" in page
    assert "Tải tệp ZIP về" in page
    assert reverse("certification:exports") in page  # the way back: all ZIP files
    assert (status["status"], status["percent"]) == ("done", 100)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert download["Content-Disposition"].startswith(
        f'attachment; filename="chung-chi-{cooperative.registration_code}-')
    client.force_login(OfficerFactory(provinces=[cooperative.province]))
    assert client.get(reverse("exports:status", args=[export.pk])).status_code == 404


def test_building_an_export_again_changes_nothing(cooperative, officer,
                                                  django_capture_on_commit_callbacks):
    completed_certificate(cooperative)
    with django_capture_on_commit_callbacks(execute=True):
        export = services.certificate_export_request(user=officer, cooperative=cooperative)
    export.refresh_from_db()
    name = export.file.name

    again = export_build(export_id=export.pk)

    assert again.file.name == name
    assert again.done == 1


def test_the_zip_is_asked_for_with_a_csrf_token_and_listed_among_recent_files(
    cooperative, officer, django_capture_on_commit_callbacks
):
    completed_certificate(cooperative)
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    form = client.get(reverse("certification:exports"))
    token = form.context["csrf_token"]

    assert client.post(reverse("certification:exports"),
                       {"province": cooperative.province.pk}).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certification:exports"),
                               {"province": cooperative.province.pk,
                                "csrfmiddlewaretoken": str(token)})

    export = Export.objects.get()
    assert response.url == reverse("exports:detail", args=[export.pk])
    listed = client.get(reverse("certification:exports")).content.decode()
    assert reverse("exports:detail", args=[export.pk]) in listed
    assert cooperative.province.name in listed


def test_a_union_officer_s_province_zip_holds_only_the_union_s_cooperatives(
    django_capture_on_commit_callbacks
):
    union = CooperativeUnion.objects.create(name="Liên minh HTX Bắc Ninh",
                                            province=province("Bắc Ninh"))
    theirs = completed_certificate(CooperativeFactory(province=province("Bắc Ninh"),
                                                      union=union), "Lê Thị Thu Hà")
    outside = completed_certificate(CooperativeFactory(province=province("Bắc Ninh")),
                                    "Đỗ Văn Nam")
    officer = OfficerFactory()
    OfficerScope.objects.create(officer=officer, union=union)

    with django_capture_on_commit_callbacks(execute=True):
        export = services.certificate_export_request(user=officer, province=province("Bắc Ninh"))

    export.refresh_from_db()
    names = zipfile.ZipFile(io.BytesIO(export.file.read())).namelist()
    assert names == [f"le-thi-thu-ha-{theirs.code}.pdf"]
    assert not any(outside.code in name for name in names)


def test_an_officer_who_lost_the_province_can_no_longer_open_its_zip(
    client, cooperative, officer, django_capture_on_commit_callbacks
):
    completed_certificate(cooperative)
    with django_capture_on_commit_callbacks(execute=True):
        export = services.certificate_export_request(user=officer,
                                                     province=cooperative.province)
    officer.officer_scopes.all().delete()
    client.force_login(officer)

    for name in ("detail", "status", "download"):
        assert client.get(reverse(f"exports:{name}", args=[export.pk])).status_code == 404


def test_the_manage_list_shows_an_officer_only_the_certificates_in_scope(
    client, cooperative, officer
):
    mine = completed_certificate(cooperative, "Nguyễn Thị Hồng Xuân")
    other = completed_certificate(CooperativeFactory(province=province("Sơn La")), "Trần Văn Út")
    client.force_login(officer)

    page = client.get(reverse("certification:manage_list")).content.decode()

    assert mine.snapshot["holder"] in page
    assert other.snapshot["holder"] not in page


def test_a_learner_has_no_manage_list(client, learner):
    client.force_login(learner)

    assert client.get(reverse("certification:manage_list")).status_code == 404
