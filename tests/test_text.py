"""Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
letter by letter, the tones deciding only between words spelt alike."""

import pytest

from lms.text import vietnamese_sort_key


def in_order(names):
    return sorted(names, key=vietnamese_sort_key)


def test_the_d_with_a_stroke_comes_after_d_and_before_e():
    assert in_order(["Gia Lai", "Đồng Nai", "Điện Biên", "Đắk Lắk", "Dương Minh Châu", "Cà Mau",
                     "Ea Súp"]) == [
        "Cà Mau", "Dương Minh Châu", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Ea Súp", "Gia Lai"]


def test_a_breve_and_a_circumflex_follow_the_plain_letter():
    assert in_order(["Ân Thi", "Ăn Quán", "Anh Sơn", "An Giang", "Bắc Ninh"]) == [
        "An Giang", "Anh Sơn", "Ăn Quán", "Ân Thi", "Bắc Ninh"]


@pytest.mark.parametrize(("first", "then"), [
    ("Ô Môn", "Ơ Rê"), ("Ơ Rê", "Phú Thọ"), ("Uông Bí", "Ưng Hòa"), ("Ưng Hòa", "Vĩnh Long"),
    ("Ê Đê", "Gia Lai"), ("Cần Thơ", "Châu Đốc")])
def test_the_letters_of_their_own_have_their_own_place(first, then):
    assert in_order([then, first]) == [first, then]


def test_tones_only_decide_between_words_spelt_alike():
    assert in_order(["ha", "hạ", "há", "hã", "hả", "hà", "Hà Nội", "Hải Phòng"]) == [
        "ha", "hà", "hả", "hã", "há", "hạ", "Hà Nội", "Hải Phòng"]


def test_capitals_and_composed_or_decomposed_accents_sort_alike():
    decomposed = "Đa\u0300 Na\u0306\u0303ng"
    assert vietnamese_sort_key(decomposed)[:2] == vietnamese_sort_key("đà nẵng")[:2]
