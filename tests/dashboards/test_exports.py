"""Exports of the dashboards' tables: CSV and XLSX content (read back with openpyxl), file
names, filters, and the background build of long lists with its progress page and status
(lms.exports' page, shared with the certificate ZIPs)."""

import csv
import io
import re

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from certification.models import Standard
from courses.models import CoursePage
from lms.accounts.models import User
from lms.cooperatives.models import Cooperative, OfficerScope
from lms.exports import tasks as export_tasks
from lms.exports.models import Export

pytestmark = pytest.mark.django_db


def export_url(table, fmt="csv", query=""):
    return reverse("dashboards:export", kwargs={"table": table, "fmt": fmt}) + query


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")  # Excel reads the diacritics
    return list(csv.reader(io.StringIO(content[1:])))


def workbook(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


@pytest.fixture
def officer_client(client, bac_ninh):
    client.force_login(bac_ninh.officer)
    return client


def test_the_course_table_as_csv(officer_client, bac_ninh):
    response = officer_client.get(export_url("courses"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().strftime("%Y%m%d")
    assert response["Content-Disposition"] == f'attachment; filename="theo-khoa-hoc-{today}.csv"'
    rows = csv_rows(response)
    assert rows[1:] == [
        [bac_ninh.course_a.title, "Quản trị hợp tác xã", "2", "2", "100.0", "2"],
        [bac_ninh.course_b.title, "Kế toán", "2", "0", "0.0", "0"],
    ]


def test_the_sector_table_as_xlsx_has_a_bold_header_and_numbers(officer_client):
    response = officer_client.get(export_url("sectors", "xlsx"))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert re.search(r'filename="theo-linh-vuc-\d{8}\.xlsx"', response["Content-Disposition"])
    sheet = workbook(response.content)
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows[0]) == 7
    assert all(cell.font.bold for cell in sheet[1])
    # Sector, cooperatives, reached, learners, enrollments, completions, rate (%)
    assert rows[1] == ("Trồng trọt", 2, 1, 2, 3, 2, 66.7)
    assert rows[2] == ("Chăn nuôi", 1, 1, 2, 2, 1, 50.0)
    assert sheet["B2"].data_type == "n"


def test_exports_honour_the_filters(officer_client, bac_ninh):
    sectors = csv_rows(officer_client.get(export_url("sectors", query="?sector=livestock")))
    summary = csv_rows(officer_client.get(
        export_url("summary", query="?date_from=2025-02-01&date_to=2025-02-28")))

    assert [row[0] for row in sectors[1:]] == ["Chăn nuôi"]
    assert [row[1] for row in summary[1:]] == ["3", "2", "2", "2", "1", "50.0", "1"]


def test_the_readiness_tables(officer_client):
    readiness = csv_rows(officer_client.get(export_url("readiness")))
    distance = csv_rows(officer_client.get(export_url("distance")))
    stars = csv_rows(officer_client.get(export_url("stars")))

    assert readiness[1:] == [["Chuẩn ocop-test", "1", "1", "0", "1"],
                             ["Chuẩn vietgap-test", "1", "1", "1", "0"]]
    assert distance[1:] == [["Chuẩn ocop-test", "1", "0", "0", "1"],
                            ["Chuẩn vietgap-test", "1", "1", "0", "0"]]
    assert stars[1:] == [["Chuẩn ocop-test", "0", "1", "1", "0", "0"]]


def test_the_learner_list_has_a_row_per_learner_and_cooperative(officer_client, bac_ninh):
    rows = csv_rows(officer_client.get(export_url("learners")))

    assert sorted((row[0], row[2], row[6], row[7], row[9]) for row in rows[1:]) == sorted([
        ("Nguyễn Văn An", bac_ninh.c1.name, "2", "1", "1"),
        ("Trần Thị Bình", bac_ninh.c1.name, "1", "1", "1"),
        ("Trần Thị Bình", bac_ninh.c2.name, "1", "1", "1"),
        ("Lê Văn Cường", bac_ninh.c2.name, "1", "0", "0"),
    ])


def test_the_members_of_a_cooperative_as_xlsx(officer_client, bac_ninh):
    response = officer_client.get(export_url("members", "xlsx",
                                             f"?cooperative={bac_ninh.c1.pk}"))

    assert re.search(r'filename="thanh-vien-hop-tac-xa-vai-thieu-phuong-son-\d{8}\.xlsx"',
                     response["Content-Disposition"])
    rows = list(workbook(response.content).iter_rows(values_only=True))
    assert [row[:6] for row in rows[1:]] == [
        ("Nguyễn Văn An", bac_ninh.u1.email, "Quản lý", 2, 1, 1),
        ("Trần Thị Bình", bac_ninh.u2.email, "Thành viên", 1, 1, 1)]
    assert rows[1][6].date().isoformat() == "2025-02-05"  # last activity, a real date


def test_a_member_without_email_is_listed_with_the_phone(officer_client, bac_ninh):
    User.objects.filter(pk=bac_ninh.u2.pk).update(email=None, phone="+84912345678")

    rows = csv_rows(officer_client.get(export_url("members", "csv",
                                                  f"?cooperative={bac_ninh.c1.pk}")))

    assert [row[:2] for row in rows[1:]] == [["Nguyễn Văn An", bac_ninh.u1.email],
                                             ["Trần Thị Bình", "0912 345 678"]]


def test_the_open_actions_list(officer_client, bac_ninh):
    rows = csv_rows(officer_client.get(export_url("actions")))

    assert len(rows) == 1 + 6
    assert {row[0] for row in rows[1:]} == {bac_ninh.c2.name}
    assert rows[1][8] == "Overdue" or rows[1][8] == "Quá hạn"


def test_a_long_list_is_built_in_the_background_with_its_progress(
        officer_client, bac_ninh, settings, django_capture_on_commit_callbacks):
    settings.DASHBOARD_EXPORT_STREAM_LIMIT = 1  # so two cooperatives make a long list

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = officer_client.get(export_url("cooperatives", "xlsx", "?sector=crop&q=hop"))
    job = Export.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exports:detail", args=[job.pk])
    assert (job.kind, job.format, job.params) == (
        "dashboards.table", "xlsx",
        {"table": "cooperatives", "filters": {"sector": "crop", "q": "hop", "sort": "name"}})
    waiting = officer_client.get(reverse("exports:status", args=[job.pk])).json()
    assert (waiting["status"], waiting["percent"]) == ("pending", 0)
    page = officer_client.get(response["Location"]).content.decode()
    assert 'id="export-download"' in page and " hidden" in page
    assert "<h1>Hợp tác xã</h1>" in page or "<h1>Cooperatives</h1>" in page
    # The request does not count the rows (the worker does, when it starts).
    assert "XLSX" in page and 'id="export-count"></span>' in page
    assert f'href="{reverse("dashboards:home")}?sector=crop"' in page  # back, with the filters

    for callback in callbacks:  # the task, run eagerly
        callback()

    status = officer_client.get(reverse("exports:status", args=[job.pk])).json()
    assert status == {"status": "done", "done": 2, "total": 2, "percent": 100,
                      "label": status["label"]}
    download = officer_client.get(reverse("exports:download", args=[job.pk]))
    assert re.search(r'filename="danh-sach-hop-tac-xa-\d{8}\.xlsx"',
                     download["Content-Disposition"])
    rows = list(workbook(b"".join(download.streaming_content)).iter_rows(values_only=True))
    assert sorted(row[0] for row in rows[1:]) == sorted([bac_ninh.c1.name, bac_ninh.c3.name])


def test_small_lists_are_written_at_once(officer_client, bac_ninh):
    response = officer_client.get(export_url("cooperatives", "xlsx"))

    assert response.status_code == 200
    assert not Export.objects.exists()
    rows = list(workbook(response.content).iter_rows(values_only=True))
    assert rows[0][-2:] == ("Chuẩn ocop-test", "Chuẩn vietgap-test")
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name[bac_ninh.c1.name][5:9] == (2, 3, 2, 66.7)


def test_a_background_export_belongs_to_its_owner(client, bac_ninh, settings,
                                                  django_capture_on_commit_callbacks):
    settings.DASHBOARD_EXPORT_STREAM_LIMIT = 0
    client.force_login(bac_ninh.officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(export_url("learners"))
    job = Export.objects.get()
    client.force_login(bac_ninh.other_officer)

    for name in ("detail", "status", "download"):
        assert client.get(reverse(f"exports:{name}", args=[job.pk])).status_code == 404


def test_an_officer_who_lost_their_scope_can_no_longer_open_a_built_export(
        officer_client, bac_ninh, settings, django_capture_on_commit_callbacks):
    settings.DASHBOARD_EXPORT_STREAM_LIMIT = 0
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.get(export_url("learners"))
    job = Export.objects.get()
    assert job.status == Export.Status.DONE
    OfficerScope.objects.filter(officer=bac_ninh.officer).delete()

    for name in ("detail", "status", "download"):
        assert officer_client.get(reverse(f"exports:{name}", args=[job.pk])).status_code == 404


def test_the_build_reads_the_scope_again_and_fails_without_one(
        bac_ninh, settings, django_capture_on_commit_callbacks, client):
    settings.DASHBOARD_EXPORT_STREAM_LIMIT = 0
    client.force_login(bac_ninh.officer)
    with django_capture_on_commit_callbacks(execute=False):
        client.get(export_url("cooperatives"))
    job = Export.objects.get()
    OfficerScope.objects.filter(officer=bac_ninh.officer).delete()

    with pytest.raises(Exception, match="no dashboard scope"):
        export_tasks.build_export(str(job.pk))

    job.refresh_from_db()
    assert job.status == Export.Status.FAILED
    assert not job.file


def test_running_the_task_twice_keeps_the_first_file(
        officer_client, settings, django_capture_on_commit_callbacks):
    settings.DASHBOARD_EXPORT_STREAM_LIMIT = 0
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.get(export_url("cooperatives"))
    job = Export.objects.get()
    first = job.file.name

    export_tasks.build_export(str(job.pk))

    job.refresh_from_db()
    assert (job.status, job.file.name) == (Export.Status.DONE, first)


# --- names that a spreadsheet program would take for formulas --------------------------------

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def formula_names(bac_ninh):
    """Cooperative C1, learner u1, course A and the OCOP standard named like formulas."""
    Cooperative.objects.filter(pk=bac_ninh.c1.pk).update(name=HYPERLINK)
    User.objects.filter(pk=bac_ninh.u1.pk).update(full_name="+1+1")
    CoursePage.objects.filter(pk=bac_ninh.course_a.pk).update(title="@SUM(A1)")
    Standard.objects.filter(pk=bac_ninh.ocop.standard_id).update(name_vi="-1+2", name_en="-1+2")
    return bac_ninh


def test_names_like_formulas_are_text_in_the_csv_tables(officer_client, formula_names):
    learners = csv_rows(officer_client.get(export_url("learners")))
    courses = csv_rows(officer_client.get(export_url("courses")))
    cooperatives = csv_rows(officer_client.get(export_url("cooperatives")))

    assert ("'+1+1", "'" + HYPERLINK) in {(row[0], row[2]) for row in learners[1:]}
    assert {row[0] for row in courses[1:]} == {"'@SUM(A1)", formula_names.course_b.title}
    assert "'-1+2" in cooperatives[0]  # a standard's column
    assert "'" + HYPERLINK in {row[0] for row in cooperatives[1:]}


def test_names_like_formulas_are_text_in_the_xlsx_tables(officer_client, formula_names):
    members = workbook(officer_client.get(export_url(
        "members", "xlsx", f"?cooperative={formula_names.c1.pk}")).content)
    cooperatives = workbook(officer_client.get(export_url("cooperatives", "xlsx")).content)

    an = next(row for row in members.iter_rows(min_row=2) if row[0].value == "'+1+1")
    assert an[0].data_type == "s"
    assert (an[3].value, an[3].data_type) == (2, "n")  # enrollments, still a number
    header = {cell.value: cell for cell in cooperatives[1]}
    assert header["'-1+2"].data_type == "s"
    c1 = next(row for row in cooperatives.iter_rows(min_row=2)
              if row[0].value == "'" + HYPERLINK)
    assert c1[0].data_type == "s"
    assert all(cell.data_type != "f" for row in cooperatives.iter_rows() for cell in row)
