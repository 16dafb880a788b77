"""Journey 4 in a browser: a union officer signs in, opens the dashboard of the province,
filters it, drills into a cooperative and downloads a table as XLSX, on a phone and on a
desktop screen; a long list is prepared in the background and downloaded from its page."""

import re

import openpyxl
import pytest

from tests.dashboards.conftest import populate
from tests.factories import CooperativeFactory, MembershipFactory, OfficerFactory, province
from tests.factories.accounts import PASSWORD
from tests.factories.checklists import ocop_dict, version_from_dict, vietgap_dict
from tests.factories.courses import make_course

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def province_with_data():
    courses = [make_course(lessons=1, quiz=False, category_slug=slug)
               for slug in ("management", "accounting", "digital-marketing")]
    vietgap = version_from_dict(vietgap_dict(points=2))
    ocop = version_from_dict(ocop_dict())
    cooperatives = populate(12, courses=courses, vietgap=vietgap, ocop=ocop)
    hidden = CooperativeFactory(name="Hợp tác xã Chè Mộc Châu", province=province("Sơn La"))
    MembershipFactory(cooperative=hidden)
    officer = OfficerFactory(provinces=[province("Bắc Ninh")], full_name="Đỗ Thị Lan Anh")
    return officer, cooperatives


def sign_in(page, base_url, officer):
    page.goto(f"{base_url}/accounts/login/?next=/dashboard/")
    page.fill("input[name=login]", officer.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/dashboard/$"))


def downloaded_names(page, button, folder) -> list[str]:
    """Click the download button and read the first column of the workbook it saves."""
    with page.expect_download() as download_info:
        button.click()
    path = folder / download_info.value.suggested_filename
    download_info.value.save_as(path)
    return [row[0] for row in openpyxl.load_workbook(path).active.iter_rows(
        min_row=2, values_only=True)]


def test_an_officer_filters_drills_down_and_downloads_on_a_phone(live_server, phone, screenshot,
                                                                 tmp_path):
    officer, cooperatives = province_with_data()
    page = phone
    sign_in(page, live_server.url, officer)

    assert "Bắc Ninh" in page.locator("h1").inner_text()
    assert "Mộc Châu" not in page.content()
    # Cards stack two by two and nothing makes the page wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "dashboard-360")

    page.locator(".dash-filters > summary").click()
    page.select_option("select[name=sector]", "crop")
    page.locator(".dash-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"sector=crop"))
    assert page.locator(".dash-filters .chip").first.inner_text() in ("Trồng trọt",
                                                                       "Crop production")
    screenshot(page, "dashboard-filtered-360", full_page=False)

    page.locator(".dash-head__meta a").click()
    page.wait_for_url(re.compile(r"/dashboard/cooperatives/\?.*sector=crop"))
    screenshot(page, "dashboard-cooperatives-360")
    crop = [c for c in cooperatives if c.sector == "crop"]
    assert page.locator("tbody th a").count() == len(crop)
    page.locator("tbody th a").first.click()
    page.wait_for_url(re.compile(r"/dashboard/cooperatives/\d+/$"))
    assert page.locator("h1").inner_text() in {c.name for c in crop}
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "dashboard-cooperative-360")

    with page.expect_download() as download_info:
        page.locator("a[data-export='members.xlsx']").click()
    download = download_info.value
    assert re.fullmatch(r"thanh-vien-hop-tac-xa-[a-z0-9-]+-\d{8}\.xlsx",
                        download.suggested_filename)
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Thành viên", "Email hoặc số điện thoại", "Vai trò")
    assert len(rows) == 1 + 3
    assert all(isinstance(row[3], int) for row in rows[1:])  # enrollments as numbers


def test_the_dashboard_on_a_desktop_screen(live_server, browser, screenshot, tmp_path):
    officer, cooperatives = province_with_data()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN",
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server.url, officer)

    assert page.locator(".dash-filters").get_attribute("open") is not None  # open when wide
    screenshot(page, "dashboard-1280")
    with page.expect_download() as download_info:
        page.locator("a[data-export='cooperatives.xlsx']").first.click()
    path = tmp_path / "list.xlsx"
    download_info.value.save_as(path)
    sheet = openpyxl.load_workbook(path).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(c.name for c in cooperatives)

    page.goto(f"{live_server.url}/dashboard/cooperatives/{cooperatives[0].pk}/")
    screenshot(page, "dashboard-cooperative-1280")
    context.close()


def test_a_long_list_is_prepared_in_the_background_and_downloaded_from_its_page(
        live_server, phone, screenshot, settings, tmp_path):
    settings.DASHBOARD_EXPORT_STREAM_LIMIT = 1  # so the province's list counts as long
    officer, cooperatives = province_with_data()
    page = phone
    sign_in(page, live_server.url, officer)

    page.locator("a[data-export='cooperatives.xlsx']").first.click()
    page.wait_for_url(re.compile(r"/exports/[0-9a-f-]{36}/$"))
    assert page.locator("h1").inner_text() == "Hợp tác xã"
    download_button = page.locator("#export-download")
    download_button.wait_for(state="visible")  # the page's script saw the file ready
    assert page.locator("#export-label").inner_text() == "Sẵn sàng"
    assert download_button.inner_text() == "Tải tệp XLSX về"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "export-ready-360")

    assert sorted(downloaded_names(page, download_button, tmp_path)) == sorted(
        c.name for c in cooperatives)

    page.locator(".breadcrumb a").click()
    page.wait_for_url(re.compile(r"/dashboard/$"))


def test_an_export_whose_builds_failed_offers_to_try_again_and_then_downloads(
        live_server, phone, screenshot, tmp_path):
    from lms.exports.models import Export

    officer, cooperatives = province_with_data()
    export = Export.objects.create(
        requested_by=officer, kind="dashboards.table", title="Hợp tác xã", format="xlsx",
        language="vi", params={"table": "cooperatives", "filters": {}},
        status=Export.Status.FAILED, error="WorkerLost: no worker finished the build", tries=5)
    page = phone
    sign_in(page, live_server.url, officer)

    page.goto(f"{live_server.url}/exports/{export.pk}/")
    assert page.locator("#export-label").inner_text() == "Không thành công"
    assert page.get_by_text("Không tạo được tệp. Vui lòng thử lại.").is_visible()
    assert not page.locator("#export-download").is_visible()  # no file to download
    screenshot(page, "export-failed-360")

    page.get_by_role("button", name="Làm lại").click()
    download_button = page.locator("#export-download")
    download_button.wait_for(state="visible")
    assert page.locator("#export-label").inner_text() == "Sẵn sàng"
    assert sorted(downloaded_names(page, download_button, tmp_path)) == sorted(
        c.name for c in cooperatives)
