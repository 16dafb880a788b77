"""Content-Security-Policy on every response (Django 5.2 has none built in).

The site's pages get a strict policy: scripts and style sheets only from the site itself, or
inline when they carry the response's nonce (`{{ csp_nonce }}` in templates, from the
context processor below); no plugins; no framing by anyone (`frame-ancestors 'none'`, as
X_FRAME_OPTIONS = DENY); forms post only to the site. Style *attributes* stay allowed
(`style-src-attr 'unsafe-inline'`): templates use them for widths and colours computed on the
server (progress bars, chart legends); they cannot run code. Video embeds may come from the
providers in CSP_FRAME_SRC.

The Wagtail admin (/admin/, and the page previews it renders) writes inline scripts and
styles of its own, so it gets a looser policy: inline scripts and styles allowed, `data:` and
`blob:` images (image previews before upload), and framing by the site itself only
(`frame-ancestors 'self'`: the editor shows its preview in an iframe); object-src stays
'none', forms still post only to the site, base-uri stays the site. No 'unsafe-eval'.

WeasyPrint's PDFs are rendered on the server with a fetcher that reads static files, so the
policy, which binds browsers, does not concern them."""

import re
import secrets
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

HEADER = "Content-Security-Policy"
ADMIN_PREFIX = "/admin/"

register = template.Library()


def _origin(url: str) -> str | None:
    """The origin of an absolute URL (a CDN or object store for static or media files)."""
    parts = urlsplit(url)
    if parts.scheme in {"http", "https"} and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def _file_origins() -> list[str]:
    origins = [_origin(settings.STATIC_URL or ""), _origin(settings.MEDIA_URL or "")]
    return [origin for origin in dict.fromkeys(origins) if origin]


def _join(directives: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def site_policy(nonce: str) -> str:
    files = _file_origins()
    return _join({
        "default-src": ["'self'"],
        "script-src": ["'self'", f"'nonce-{nonce}'", *files],
        "style-src": ["'self'", f"'nonce-{nonce}'", *files],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *files],
        "font-src": ["'self'", *files],
        "media-src": ["'self'", *files],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *settings.CSP_FRAME_SRC],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    })


def admin_policy() -> str:
    files = _file_origins()
    return _join({
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", *files],
        "style-src": ["'self'", "'unsafe-inline'", *files],
        "img-src": ["'self'", "data:", "blob:", *files],
        "font-src": ["'self'", "data:", *files],
        "media-src": ["'self'", "blob:", *files],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *settings.CSP_FRAME_SRC],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    })


def is_admin(request) -> bool:
    """The Wagtail admin, and the previews it renders: Wagtail runs a preview through the
    middleware as a dummy request for the page's own URL (`is_dummy`), whose answer the
    editor then shows in an iframe."""
    return request.path_info.startswith(ADMIN_PREFIX) or getattr(request, "is_dummy", False)


class ContentSecurityPolicyMiddleware:
    """Gives each request a fresh nonce (request.csp_nonce) and each response the policy of its
    path, unless the view already set one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        if HEADER not in response:
            if is_admin(request):
                response[HEADER] = admin_policy()
            else:
                response[HEADER] = site_policy(request.csp_nonce)
        return response


def csp_nonce(request) -> dict:
    """Context processor: `{{ csp_nonce }}` for `<script nonce=...>` and `<style nonce=...>`."""
    return {"csp_nonce": getattr(request, "csp_nonce", "")}


STYLE_TAG = re.compile(r"<style\b")


@register.filter
def nonced(markup, nonce: str):
    """Trusted markup (a server-drawn SVG chart) with the nonce on its <style> elements."""
    if not nonce:
        return markup
    return mark_safe(STYLE_TAG.sub(f'<style nonce="{nonce}"', str(markup)))
