"""lms/pages.py: pages come compressed to browsers that accept it, and only text is compressed."""

import gzip
import re

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from lms.pages import TextGZipMiddleware
from tests.factories.courses import catalog, make_course

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "anonymous"])
def test_a_page_asked_for_with_gzip_comes_compressed_and_decodes_to_the_same_html(
    client, learner, signed_in
):
    if signed_in:
        client.force_login(learner)
    make_course(lessons=1, quiz=False)
    url = catalog().url

    compressed = client.get(url, headers={"accept-encoding": "gzip"})
    plain = client.get(url)

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 2
    # The CSRF token is masked afresh on each response: compare the pages without it.
    html = gzip.decompress(compressed.content).decode()
    assert _without_tokens(html) == _without_tokens(plain.content.decode())
    assert "Content-Encoding" not in plain


def _without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_pdf_is_not_compressed_again():
    request = RequestFactory().get("/", headers={"accept-encoding": "gzip"})
    pdf = b"%PDF-1.7 " + b"x" * 2000
    middleware = TextGZipMiddleware(lambda r: HttpResponse(pdf, content_type="application/pdf"))

    response = middleware(request)

    assert "Content-Encoding" not in response
    assert response.content == pdf
