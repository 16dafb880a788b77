"""The error pages a person meets (400, 403, the expired form, 404, 500): in their language,
readable on a phone, saying what happened and giving a way back. Each is reached through a real
request where Django allows it; the 500 page is also rendered the way Django's handler does,
without a request or context processors."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.error_urls import FAILING_PATH
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOME = {"vi": "Về trang chủ", "en": "Go to the home page"}
MY_LEARNING = {"vi": "Đến trang học của tôi", "en": "Go to my learning"}


def page_of(html: str | bytes) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def heading(page: BeautifulSoup) -> str:
    return page.h1.get_text(strip=True)


def links(page: BeautifulSoup) -> dict[str, str]:
    """Text of each link in the page's main part, mapped to where it leads."""
    return {a.get_text(strip=True): a["href"] for a in page.main.find_all("a")}


def assert_phone_ready(page: BeautifulSoup, language: str) -> None:
    assert page.html["lang"] == language
    viewport = page.find("meta", attrs={"name": "viewport"})
    assert viewport is not None and "width=device-width" in viewport["content"]


def visitor(language: str = "vi") -> Client:
    client = Client(enforce_csrf_checks=True)
    if language != "vi":
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def signed_in(language: str = "vi") -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(preferred_language=language))
    return client


def with_csrf_token(client: Client) -> str:
    """The token a real form would carry, set by a page with a form: the sign-in page for a
    visitor, "my learning" (its header's sign-out form) for a signed-in person."""
    signed_in_already = "_auth_user_id" in client.session
    client.get(reverse("courses:my_learning" if signed_in_already else "account_login"))
    return client.cookies[settings.CSRF_COOKIE_NAME].value


# --- 404 ----------------------------------------------------------------------------------------

def test_an_unknown_address_shows_a_vietnamese_page_with_the_way_home():
    response = visitor().get("/khong-co-trang-nay/")

    assert response.status_code == 404
    page = page_of(response.content)
    assert heading(page) == "Không tìm thấy trang"
    assert links(page)[HOME["vi"]] == "/"
    assert links(page)["Xem các khóa học"] == reverse("courses:catalog")
    assert_phone_ready(page, "vi")


def test_the_not_found_page_speaks_english_to_an_english_user_and_leads_to_their_learning():
    response = signed_in("en").get("/no-such-page/")

    assert response.status_code == 404
    page = page_of(response.content)
    assert heading(page) == "Page not found"
    assert links(page)[HOME["en"]] == "/"
    assert links(page)[MY_LEARNING["en"]] == reverse("courses:my_learning")
    assert_phone_ready(page, "en")


def test_an_english_visitor_gets_the_not_found_page_in_english_from_the_language_cookie():
    page = page_of(visitor("en").get("/no-such-page/").content)

    assert heading(page) == "Page not found"


# --- 403 ----------------------------------------------------------------------------------------

def refused_start(client: Client):
    """Starting a self-assessment is for cooperative managers: a learner without a cooperative is
    refused with PermissionDenied (see the access matrix)."""
    token = with_csrf_token(client)
    return client.post(reverse("readiness:start"), {"csrfmiddlewaretoken": token})


def test_a_refused_action_shows_a_vietnamese_page_with_the_way_back():
    response = refused_start(signed_in())

    assert response.status_code == 403
    page = page_of(response.content)
    assert heading(page) == "Bạn không thể mở trang này"
    assert links(page)[HOME["vi"]] == "/"
    assert links(page)[MY_LEARNING["vi"]] == reverse("courses:my_learning")
    assert_phone_ready(page, "vi")


def test_the_refused_page_speaks_english_to_an_english_user():
    response = refused_start(signed_in("en"))

    assert response.status_code == 403
    page = page_of(response.content)
    assert heading(page) == "You cannot open this page"
    assert links(page)[HOME["en"]] == "/"
    assert_phone_ready(page, "en")


# --- the expired form (CSRF) -------------------------------------------------------------------

def test_a_form_sent_without_its_token_explains_how_to_send_it_again():
    response = visitor().post(reverse("account_login"), {"login": "a@example.vn", "password": "x"})

    assert response.status_code == 403
    page = page_of(response.content)
    assert heading(page) == "Biểu mẫu này đã hết hạn"
    steps = [item.get_text(strip=True) for item in page.main.find_all("li")]
    assert steps[0].startswith("Quay lại biểu mẫu bằng nút Quay lại của trình duyệt.")
    assert steps[-1] == "Tải lại trang, rồi gửi lại biểu mẫu."
    assert links(page)[HOME["vi"]] == "/"
    assert "CSRF" not in page.get_text()
    assert_phone_ready(page, "vi")


def test_the_expired_form_page_speaks_english_to_an_english_user():
    client = signed_in("en")

    response = client.post(reverse("readiness:start"), {})

    assert response.status_code == 403
    page = page_of(response.content)
    assert heading(page) == "This form has expired"
    assert links(page)[MY_LEARNING["en"]] == reverse("courses:my_learning")
    assert_phone_ready(page, "en")


# --- 400 ----------------------------------------------------------------------------------------

def post_too_many_fields(client: Client, settings):
    """A form with more fields than Django accepts is refused as suspicious (400)."""
    token = with_csrf_token(client)
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 2
    return client.post(reverse("set_language"),
                       {"csrfmiddlewaretoken": token, "language": "vi", "next": "/"})


def test_a_request_django_refuses_shows_a_vietnamese_page_with_the_way_home(settings):
    response = post_too_many_fields(visitor(), settings)

    assert response.status_code == 400
    page = page_of(response.content)
    assert heading(page) == "Không thể xử lý yêu cầu này"
    assert links(page)[HOME["vi"]] == "/"
    assert_phone_ready(page, "vi")


def test_the_refused_request_page_speaks_english_to_an_english_user(settings):
    response = post_too_many_fields(signed_in("en"), settings)

    assert response.status_code == 400
    page = page_of(response.content)
    assert heading(page) == "This request could not be handled"
    assert links(page)[MY_LEARNING["en"]] == reverse("courses:my_learning")


def test_a_request_for_an_unknown_host_gets_the_400_page_not_a_failure(settings):
    """Refused before the language and the user are known: the page must not need them, nor
    the host."""
    settings.ALLOWED_HOSTS = ["testserver"]

    # Refused before the language middleware runs: the page is in the default language.
    with translation.override(settings.LANGUAGE_CODE):
        response = visitor().get("/", HTTP_HOST="unknown.example")

    assert response.status_code == 400
    page = page_of(response.content)
    assert heading(page) == "Không thể xử lý yêu cầu này"
    assert links(page)[HOME["vi"]] == "/"
    assert_phone_ready(page, "vi")


# --- 500 ----------------------------------------------------------------------------------------

@pytest.mark.urls("tests.error_urls")
def test_a_failing_page_shows_a_vietnamese_page_with_the_way_home():
    client = visitor()
    client.raise_request_exception = False

    response = client.get(FAILING_PATH)

    assert response.status_code == 500
    page = page_of(response.content)
    assert heading(page) == "Đã xảy ra sự cố"
    assert links(page) == {HOME["vi"]: "/"}
    assert page.find("link", rel="stylesheet")["href"] == f"{settings.STATIC_URL}css/site.css"
    assert_phone_ready(page, "vi")


@pytest.mark.urls("tests.error_urls")
def test_the_failure_page_speaks_english_to_an_english_user():
    client = signed_in("en")
    client.raise_request_exception = False

    response = client.get(FAILING_PATH)

    assert response.status_code == 500
    page = page_of(response.content)
    assert heading(page) == "Something went wrong"
    assert links(page)[HOME["en"]] == "/"
    assert_phone_ready(page, "en")


def test_the_failure_page_renders_with_an_empty_context_as_django_renders_it():
    with translation.override("vi"):
        page = page_of(render_to_string("500.html", {}))

    assert heading(page) == "Đã xảy ra sự cố"
    assert links(page)[HOME["vi"]] == "/"


def test_the_failure_page_renders_when_the_static_manifest_lacks_its_files(settings, tmp_path):
    """A deployment whose collected static files are incomplete fails on every page; the 500
    page must still render rather than fail in its turn."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}

    with translation.override("vi"):
        page = page_of(render_to_string("500.html", {}))

    assert heading(page) == "Đã xảy ra sự cố"
