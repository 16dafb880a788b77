import pytest
from django.core.exceptions import ValidationError

from lms.accounts.phones import phone_display, phone_normalize


@pytest.mark.parametrize("written", [
    "0912345678", "0912 345 678", "0912.345.678", "091-234-5678", "+84 912 345 678",
    "84912345678", "0084912345678", "+84 0912 345 678", "(091) 234 5678",
])
def test_every_way_people_write_a_mobile_is_one_number(written):
    assert phone_normalize(written) == "+84912345678"


def test_a_landline_keeps_its_area_code():
    assert phone_normalize("028 3829 1234") == "+842838291234"
    assert phone_display("+842838291234") == "028 3829 1234"


@pytest.mark.parametrize("written", ["", "12345", "091234567", "09123456789012", "abc", "+12"])
def test_what_is_not_a_number_is_refused_with_an_example(written):
    with pytest.raises(ValidationError) as error:
        phone_normalize(written)
    assert "0912 345 678" in str(error.value)


def test_a_mobile_reads_as_vietnamese_write_it():
    assert phone_display("+84912345678") == "0912 345 678"
    assert phone_display("+4915112345678") == "+4915112345678"
    assert phone_display(None) == ""
