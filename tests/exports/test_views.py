"""The export page, its status and its file: what the owner sees while it is built and once it
is ready, and that nobody else, whatever their role, learns it exists."""

import re

import pytest
from django.urls import reverse

from lms.exports import services
from lms.exports.models import Export
from tests.exports.conftest import ECHO
from tests.factories import OfficerFactory, province

pytestmark = pytest.mark.django_db

VIEWS = ("detail", "status", "download")


def download_button(page: str) -> str:
    return re.search(r'<a [^>]*id="export-download"[^>]*>[^<]*</a>', page).group(0)


@pytest.fixture
def pending(officer, django_capture_on_commit_callbacks) -> Export:
    with django_capture_on_commit_callbacks(execute=False):
        return services.export_request(user=officer, kind=ECHO, title="Danh sách thử",
                                       params={"rows": 4}, fmt="csv", total=4)


@pytest.fixture
def ready(pending) -> Export:
    services.export_build(export_id=pending.pk)
    pending.refresh_from_db()
    return pending


def test_the_page_shows_the_title_the_progress_and_the_way_back(client, officer, pending):
    client.force_login(officer)

    page = client.get(reverse("exports:detail", args=[pending.pk])).content.decode()

    assert "<h1>Danh sách thử</h1>" in page
    assert "CSV ·" in page
    assert "Đang chờ" in page and "0 / 4" in page
    assert '<a href="/somewhere/">← Where it came from</a>' in page
    assert f'data-status-url="{reverse("exports:status", args=[pending.pk])}"' in page
    assert download_button(page).endswith(" hidden>Tải tệp CSV về</a>")
    assert "js/export-progress" in page


def test_the_status_says_where_the_build_is(client, officer, pending):
    client.force_login(officer)
    url = reverse("exports:status", args=[pending.pk])

    waiting = client.get(url)
    services.export_build(export_id=pending.pk)
    done = client.get(url).json()

    assert waiting.json() == {"status": "pending", "done": 0, "total": 4, "percent": 0,
                              "label": "Đang chờ"}
    assert "no-cache" in waiting["Cache-Control"]
    assert done == {"status": "done", "done": 4, "total": 4, "percent": 100,
                    "label": "Sẵn sàng"}


def test_the_file_is_offered_once_ready(client, officer, pending):
    client.force_login(officer)
    assert client.get(reverse("exports:download", args=[pending.pk])).status_code == 404
    services.export_build(export_id=pending.pk)

    page = client.get(reverse("exports:detail", args=[pending.pk])).content.decode()
    download = client.get(reverse("exports:download", args=[pending.pk]))

    assert download_button(page) == (
        f'<a class="button button--block" id="export-download" '
        f'href="{reverse("exports:download", args=[pending.pk])}">Tải tệp CSV về</a>')
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="echo-vi.txt"'
    assert b"".join(download.streaming_content) == b"xin chao"


def test_a_failed_build_says_so(client, officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = services.export_request(user=officer, kind=ECHO, title="Hỏng",
                                         params={"fail": "yes"}, fmt="csv")
    with pytest.raises(ValueError):
        services.export_build(export_id=export.pk)
    client.force_login(officer)

    page = client.get(reverse("exports:detail", args=[export.pk])).content.decode()

    assert "Không thành công" in page
    assert "Không tạo được tệp. Vui lòng thử lại." in page
    assert client.get(reverse("exports:download", args=[export.pk])).status_code == 404


def test_the_page_is_in_english_for_an_english_speaker(client, officer, ready):
    officer.preferred_language = "en"
    officer.save(update_fields=["preferred_language"])
    client.force_login(officer)

    page = client.get(reverse("exports:detail", args=[ready.pk])).content.decode()

    assert "Ready" in page and "Download the CSV file" in page


@pytest.mark.parametrize("role", ["learner", "manager", "trainer", "officer of the province",
                                  "officer of another province", "site admin"])
def test_another_person_s_export_is_not_found_whatever_their_role(
        client, ready, role, learner, manager, trainer, cooperative, site_admin):
    users = {
        "learner": learner,
        "manager": manager,
        "trainer": trainer,
        "officer of the province": OfficerFactory(provinces=[cooperative.province]),
        "officer of another province": OfficerFactory(provinces=[province("Sơn La")]),
        "site admin": site_admin,
    }
    client.force_login(users[role])

    for name in VIEWS:
        assert client.get(reverse(f"exports:{name}", args=[ready.pk])).status_code == 404, name


def test_signing_in_comes_first(client, ready):
    for name in VIEWS:
        response = client.get(reverse(f"exports:{name}", args=[ready.pk]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_an_unknown_export_is_not_found(client, officer):
    client.force_login(officer)

    url = reverse("exports:detail", args=["0b0e5f6a-0000-4000-8000-000000000000"])
    assert client.get(url).status_code == 404


def test_the_pages_only_read(client, officer, ready):
    client.force_login(officer)

    for name in VIEWS:
        assert client.post(reverse(f"exports:{name}", args=[ready.pk])).status_code == 405
