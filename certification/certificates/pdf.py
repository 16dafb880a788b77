"""Certificate PDFs with WeasyPrint. The fetcher reads only the project's own static files, inline
data: URLs and the stored files a render names itself (``stored:<key>``, read through the storage
API, so a worker reads them from the object store): never the file system at large, never the
network. The font configuration and the stylesheet are built once per process and reused by
every render."""

import mimetypes
import re
from functools import cache

from django.contrib.staticfiles import finders
from django.template.loader import select_template
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_SCHEME = "static:"
STORED_SCHEME = "stored:"
STYLESHEET = "css/certificate.css"
REPORT_STYLESHEET = "css/report.css"


class StaticOnlyFetcher(URLFetcher):
    """Serves `static:<path>` from the project's static files, `data:` URLs, and
    `stored:<key>` from the files given as ``files`` (key to a stored file: an evidence photo of
    the report being rendered); refuses the rest (file://, http(s)://, an unknown key, anything
    else) so a template or a user's text cannot make the renderer read the server's files, another
    stored file, or call out."""

    def __init__(self, *args, files=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.files = dict(files or {})

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(STATIC_SCHEME):
            path = url[len(STATIC_SCHEME):].lstrip("/")
            if ".." in path.split("/"):
                raise ValueError(f"Refused to fetch {url!r}: path leaves the static files")
            found = finders.find(path)
            if not found:
                raise ValueError(f"Refused to fetch {url!r}: no such static file")
            with open(found, "rb") as file:
                body = file.read()
            content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": content_type})
        if url.startswith(STORED_SCHEME):
            stored = self.files.get(url[len(STORED_SCHEME):])
            if stored is None:
                raise ValueError(f"Refused to fetch {url!r}: not a file of this document")
            with stored.storage.open(stored.name, "rb") as file:
                body = file.read()
            content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": content_type})
        raise ValueError(f"Refused to fetch {url!r}: certificates read only static files")


@cache
def _fetcher() -> StaticOnlyFetcher:
    return StaticOnlyFetcher(allowed_protocols={"data", "static"})


@cache
def _font_config() -> FontConfiguration:
    return FontConfiguration()


@cache
def _stylesheet(path: str = STYLESHEET) -> CSS:
    return CSS(url=f"{STATIC_SCHEME}{path}", url_fetcher=_fetcher(),
               font_config=_font_config())


def template_names(*, kind: str, source_slug: str = "") -> list[str]:
    """Per course, then per kind, then the default."""
    names = []
    if source_slug:
        names.append(f"certification/certificates/pdf/{kind}-{source_slug}.html")
    names += [f"certification/certificates/pdf/{kind}.html",
              "certification/certificates/pdf/default.html"]
    return names


def render_html(*, context: dict, kind: str, source_slug: str = "", language: str) -> str:
    with translation.override(language):
        return select_template(template_names(kind=kind, source_slug=source_slug)).render(context)


BAND_TEMPLATE = "certification/certificates/pdf/_standing_band.html"
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def with_standing_band(html: str, *, context: dict, language: str) -> str:
    """`html` with the band that says a certificate is not valid put first in its body, by
    this module rather than by each layout, so no per-course template can leave it out. The
    band is fixed-positioned (on every page, over the layout, taking no room from it)."""
    with translation.override(language):
        band = select_template([BAND_TEMPLATE]).render(context)
    opening = _BODY_OPEN.search(html)
    at = opening.end() if opening else 0
    return html[:at] + band + html[at:]


def html_to_pdf(html: str, stylesheet: str = STYLESHEET, *, files=None) -> bytes:
    """``files``: the stored files the document shows, by the key of its `stored:` URLs."""
    fetcher = StaticOnlyFetcher(allowed_protocols={"data", "static", "stored"}, files=files) \
        if files else _fetcher()
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[_stylesheet(stylesheet)], font_config=_font_config()
    )
