"""Long lists of the dashboards come a page at a time, in order: the communes of the overview
and the cooperative list, whose page is chosen before its figures are counted."""

import re

import pytest
from django.urls import reverse

from tests.dashboards.conftest import enroll
from tests.factories import (
    CommuneFactory,
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    province,
)
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def thirty(db):
    """Thirty cooperatives of Bắc Ninh, each in a commune of its own; the 17th has learners."""
    region = province("Bắc Ninh")
    cooperatives = [
        CooperativeFactory(name=f"Hợp tác xã Số {n:02d}", province=region,
                           commune=CommuneFactory(province=region, name=f"Số {n:02d}"))
        for n in range(1, 31)]
    course = make_course(lessons=1, quiz=False)
    for _ in range(2):
        enroll(MembershipFactory(cooperative=cooperatives[16]).user, course, on="2025-02-01")
    return cooperatives


def row_headers(html: str, caption: str) -> list[str]:
    """The row headings of the table with this caption, as the page shows them."""
    table = html.split(f'<caption class="visually-hidden">{caption}</caption>', 1)[1]
    body = table.split("</table>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell).split("\n")[0].strip()
            for cell in re.findall(r'<th scope="row">(.*?)</th>', body, re.S)]


def test_the_communes_come_25_at_a_time_most_enrollments_first(client, thirty):
    client.force_login(OfficerFactory(provinces=[province("Bắc Ninh")]))
    url = reverse("dashboards:home")

    first = client.get(url).content.decode()
    second = client.get(url + "?communes=2").content.decode()

    shown = row_headers(first, "Theo xã") + row_headers(second, "Theo xã")
    assert len(row_headers(first, "Theo xã")) == 25
    assert shown == ["Xã Số 17"] + [f"Xã Số {n:02d}" for n in range(1, 31) if n != 17]
    assert "Xã, phường 1–25 trên tổng số 30, nhiều lượt ghi danh nhất trước." in first
    assert "communes=2#communes-title" in first and "communes=1#communes-title" in second


def test_the_cooperative_list_shows_a_page_with_its_figures_and_counts_them_all(client,
                                                                                 thirty):
    client.force_login(OfficerFactory(provinces=[province("Bắc Ninh")]))
    url = reverse("dashboards:cooperatives")

    first = client.get(url).content.decode()
    last = client.get(url + "?page=2").content.decode()
    by_enrollments = client.get(url + "?sort=enrollments").content.decode()

    assert row_headers(first, "Hợp tác xã") == [f"Hợp tác xã Số {n:02d}" for n in range(1, 26)]
    assert row_headers(last, "Hợp tác xã") == [f"Hợp tác xã Số {n:02d}" for n in range(26, 31)]
    assert "30 hợp tác xã" in first and "1 / 2" in first
    assert row_headers(by_enrollments, "Hợp tác xã")[:2] == ["Hợp tác xã Số 17",
                                                             "Hợp tác xã Số 01"]
    seventeen = by_enrollments.split("Hợp tác xã Số 17</a>", 1)[1]
    assert re.findall(r'<td class="num">(\d+)</td>', seventeen)[:2] == ["2", "2"]
