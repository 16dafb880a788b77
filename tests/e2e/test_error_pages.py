"""The page a person gets for a wrong address, on a 360 px phone: in Vietnamese, with the way
home in reach, and nothing wider than the screen."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_unknown_address_on_a_phone_fits_the_screen_and_offers_the_way_home(
        live_server, phone, screenshot):
    page = phone

    response = page.goto(live_server.url + "/trang-khong-ton-tai/")

    assert response.status == 404
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    home = page.get_by_role("link", name="Về trang chủ")
    assert home.get_attribute("href") == "/"
    box = home.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "not-found-360")
