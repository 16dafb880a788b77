"""Provinces, communes and cooperatives come out of the database in Vietnamese alphabetical
order ("Đ" after every "D", tones compared last), so paginated lists keep it across pages."""

import random
import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from lms.cooperatives.models import Commune, Cooperative, Province
from lms.cooperatives.selectors import cooperatives_to_join
from lms.text import vietnamese_collation_key, vietnamese_sort_key
from tests.factories import CommuneFactory, CooperativeFactory, OfficerFactory, province

pytestmark = pytest.mark.django_db

# In the order of the Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v
# x y, the letters first, then the tones (none, huyền, hỏi, ngã, sắc, nặng).
IN_ORDER = ["An Giang", "Anh Sơn", "Ăn Quán", "Cà Mau", "Cao Bằng", "Dương Kinh", "Đà Nẵng",
            "Đắk Lắk", "Điện Biên", "Đông Cứu", "Đồng Cứu", "Đồng Tháp", "Gia Lai", "Hà Nội",
            "Hà Tĩnh", "Hải Phòng", "Huế", "Ưng Hòa", "Vĩnh Long"]


def test_the_key_sorts_names_in_vietnamese_order():
    shuffled = random.Random(15).sample(IN_ORDER, len(IN_ORDER))
    assert sorted(shuffled, key=vietnamese_collation_key) == IN_ORDER


@given(st.lists(st.text(alphabet="adđeêoôơuưhnk àảãáạĐDAĂÂ", min_size=1, max_size=8),
                min_size=2, max_size=6, unique=True))
def test_the_key_agrees_with_the_python_sort(names):
    by_key = sorted(names, key=lambda name: (vietnamese_collation_key(name), name))
    by_python = sorted(names, key=lambda name: vietnamese_sort_key(name)[:2] + (name,))
    assert by_key == by_python


def test_provinces_come_out_of_the_database_in_vietnamese_order():
    names = list(Province.objects.values_list("name", flat=True))

    assert names == sorted(names, key=vietnamese_sort_key)
    assert names.index("Đà Nẵng") < names.index("Đắk Lắk") < names.index("Điện Biên") \
        < names.index("Gia Lai")


def test_communes_and_cooperatives_come_out_in_vietnamese_order():
    region = province("Đắk Lắk")
    for name in reversed(IN_ORDER):
        CommuneFactory(province=region, name=name)
        CooperativeFactory(name=f"Hợp tác xã {name}", province=region)

    assert list(Commune.objects.filter(province=region).values_list("name", flat=True)) \
        == IN_ORDER
    assert list(Cooperative.objects.values_list("name", flat=True)) == [
        f"Hợp tác xã {name}" for name in IN_ORDER]
    assert [c.name for c in cooperatives_to_join(query="hop tac xa d")][:3] == [
        "Hợp tác xã Dương Kinh", "Hợp tác xã Đà Nẵng", "Hợp tác xã Đắk Lắk"]


def test_renaming_a_cooperative_moves_it_in_the_order():
    cooperative = CooperativeFactory(name="Hợp tác xã Đồng Tháp")
    CooperativeFactory(name="Hợp tác xã Dương Kinh")

    cooperative.name = "Hợp tác xã Cà Mau"
    cooperative.save(update_fields=["name"])

    assert list(Cooperative.objects.values_list("name", flat=True)) == [
        "Hợp tác xã Cà Mau", "Hợp tác xã Dương Kinh"]


def test_the_officers_list_keeps_the_order_across_pages(client, settings, monkeypatch):
    from lms.dashboards import views

    monkeypatch.setattr(views, "COOPERATIVES_PER_PAGE", 5)
    region = province("Đắk Lắk")
    for name in reversed(IN_ORDER[:10]):
        CooperativeFactory(name=f"Hợp tác xã {name}", province=region)
    client.force_login(OfficerFactory(provinces=[region]))

    pages = [client.get(reverse("dashboards:cooperatives"), {"page": page}).content.decode()
             for page in (1, 2)]
    names = [name for html in pages
             for name in re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)]

    assert names == [f"Hợp tác xã {name}" for name in IN_ORDER[:10]]
