"""Serving pages cheaply: Wagtail's site, the route from a path to a page and the view
restrictions are read from the cache, under a version that any change to pages bumps; text
responses go out compressed.

Wagtail finds the site, then walks the page tree one query per level and asks every ancestor
for view restrictions, on every request. The answers change only when an editor saves,
publishes, unpublishes, moves or deletes a page, or edits a site, a locale or a restriction:
`pages_changed` (connected to those signals by `connect_signals`) gives every cached answer a
new key at once, so nobody is shown a page that is gone or misses one just published. Only what
is the same for everyone is cached here; whether a person may see a page is still decided on
each request by the page's own view."""

import threading
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.url_routing import RouteResult

VERSION_KEY = "pages:version"
TIMEOUT = 24 * 60 * 60  # entries of an old version are dropped by then
_MISSING = "-"  # a cached "no such thing", told apart from a cache miss


# Within one request (PageRoutingMiddleware) the version is read from the cache once: a page
# asks it for its site, route, restrictions, outline and covers.
_request = threading.local()


def pages_version() -> str:
    version = getattr(_request, "version", None)
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add, not set: two processes starting at once agree on one version.
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    if getattr(_request, "active", False):
        _request.version = version
    return version


def _new_version() -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    if getattr(_request, "active", False):
        _request.version = version


def pages_changed(**kwargs) -> None:
    """Every cached site, route, restriction, catalog and outline is read afresh: now, for the
    rest of the change's own transaction, and again once it is committed, since another request
    may have cached what it read before the commit."""
    _new_version()
    transaction.on_commit(_new_version)


def cache_key(*parts) -> str:
    """A key under the current version, for anything derived from the pages."""
    return ":".join(["pages", pages_version(), *map(str, parts)])


def _changed_if_page_data(sender, instance, **kwargs) -> None:
    from wagtail.images.models import AbstractImage  # deferred: loaded after the pages' models

    # Images too: the catalog and the course pages keep their covers' renditions.
    if isinstance(instance, (Page, Site, Locale, PageViewRestriction, AbstractImage)):
        pages_changed()


def connect_signals() -> None:
    """Called once by the home app's `ready`. Saving covers edits, slug changes, locks and
    revisions; publishing and unpublishing are also announced on their own."""
    post_save.connect(_changed_if_page_data, dispatch_uid="lms.pages.saved")
    post_delete.connect(_changed_if_page_data, dispatch_uid="lms.pages.deleted")
    page_published.connect(pages_changed, dispatch_uid="lms.pages.published")
    page_unpublished.connect(pages_changed, dispatch_uid="lms.pages.unpublished")
    post_page_move.connect(pages_changed, dispatch_uid="lms.pages.moved")


def active_locale_id() -> int | None:
    """The id of the Locale of the active language (Wagtail's `Locale.get_active().pk`)."""
    language = translation.get_language()
    key = cache_key("locale", language)
    found = cache.get(key)
    if found is None:
        try:
            found = Locale.get_active().pk
        except Locale.DoesNotExist:
            found = _MISSING
        cache.set(key, found, TIMEOUT)
    return None if found == _MISSING else found


def _site_key(request) -> str:
    return cache_key("site", split_domain_port(request._get_raw_host())[0], request.get_port())


def _remember_site(request, site: Site | None) -> None:
    cache.set(_site_key(request), site if site is not None else _MISSING, TIMEOUT)


def _use_cached_site(request, cached) -> None:
    """Give the request the site read from the cache (`_MISSING`: no site serves this host)."""
    request._wagtail_site = None if cached == _MISSING else cached
    request._lms_site_cached = True


def site_for_request(request) -> Site | None:
    """Wagtail's `Site.find_for_request`, its answer cached per host name and port."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    cached = cache.get(_site_key(request))
    if cached is None:
        cached = Site.find_for_request(request)
        _remember_site(request, cached)
    _use_cached_site(request, cached)
    return request._wagtail_site


def _site_from_cache(request) -> None:
    """The site, for the views that are not pages but link to some, if it is known already."""
    cached = cache.get(_site_key(request))
    if cached is not None:
        _use_cached_site(request, cached)


def _site_to_cache(request) -> None:
    """Keep the site Wagtail looked up itself during a view, for the next requests."""
    if hasattr(request, "_wagtail_site") and not getattr(request, "_lms_site_cached", False):
        _remember_site(request, request._wagtail_site)


def route_for_request(request, path: str):
    """Wagtail's `Page.route_for_request`: the page a path shows. The first request for a path
    walks the tree as Wagtail does; the others read the page's id and fetch it in one query,
    with the relations its class names in `route_select_related`."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    site = site_for_request(request)
    if site is None:
        return None
    key = cache_key("route", site.pk, translation.get_language(), path)
    found = cache.get(key)
    if found is not None:
        content_type_id, page_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        related = getattr(model, "route_select_related", ())
        page = model and model._default_manager.select_related(*related).filter(
            pk=page_id, live=True).first()
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
            return request._wagtail_route_for_request
    result = Page.route_for_request(request, path)
    if result is not None and _plainly_routed(site, result, path):
        cache.set(key, (result[0].content_type_id, result[0].pk), TIMEOUT)
    return result


def _plainly_routed(site: Site, result, path: str) -> bool:
    """The page is found by walking slugs (no page on the way routes in its own way), so the
    same path leads to the same page until the pages change."""
    page, args, kwargs = result
    components = [part for part in path.split("/") if part]
    return (not args and not kwargs and type(page).route is Page.route
            and page.depth == site.root_page.depth + len(components)
            and page.url_path.endswith("/" + "".join(f"{c}/" for c in components)))


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (with its BREACH padding) for text only: PDFs, images and
    spreadsheets are compressed already, and squeezing them again costs the server for nothing."""

    COMPRESSED_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml")

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(self.COMPRESSED_TYPES):
            return response
        return super().process_response(request, response)


class PageRoutingMiddleware:
    """Gives Wagtail the site and, for its page view, the route, from the cache."""

    def __init__(self, get_response):
        from wagtail import views  # deferred: it needs the models, which need this module

        self.get_response = get_response
        self.wagtail_serve = views.serve

    def __call__(self, request):
        _request.active, _request.version = True, None
        try:
            response = self.get_response(request)
            _site_to_cache(request)
        finally:
            _request.active, _request.version = False, None
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self.wagtail_serve:
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            route_for_request(request, path)
        else:
            # Most views need no site: none is looked up for them.
            _site_from_cache(request)
        return None


def _restricted_paths() -> frozenset[str]:
    """The paths of the pages that carry a view restriction, and of their aliases (which share
    their source's restrictions): usually none."""
    key = cache_key("restricted")
    paths = cache.get(key)
    if paths is None:
        ids = set(PageViewRestriction.objects.values_list("page_id", flat=True))
        paths = frozenset(Page.objects.filter(pk__in=ids).values_list("path", flat=True)) | (
            frozenset(Page.objects.filter(alias_of_id__in=ids).values_list("path", flat=True))
            if ids else frozenset())
        cache.set(key, paths, TIMEOUT)
    return paths


class CachedViewRestrictionsMixin:
    """For page models: no query for view restrictions when neither the page nor any of its
    ancestors has one, which is what Wagtail asks on every view."""

    def get_view_restrictions(self):
        restricted = _restricted_paths()
        steps = range(Page.steplen, len(self.path) + 1, Page.steplen)
        if self.alias_of_id or any(self.path[:end] in restricted for end in steps):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
