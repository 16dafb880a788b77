"""The dashboard's figures and charts, computed once per scope, filters, language and refresh of
the summary tables, then read from the cache by every officer who asks the same until the next
refresh: the page says "Figures as of" that refresh, and all its panels (participation from
the summaries, readiness and corrective actions read at the first view after it) hold still
until then. The refresh task warms the unfiltered dashboard of every officer's scope, in the
site's first language, so that an officer's landing page is never the slow first view.

Officers who oversee the same provinces and unions share the entries (Scope.key); so do two
requests whose filters are the same. A day change gives new entries too (due dates, the
certificates in force, the months of the trend)."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from lms.accounts.models import User
from lms.cooperatives.models import OfficerScope
from lms.dashboards import charts, exports, selectors, summaries

VERSION = 1  # of what is cached: a change of the classes below gives new keys


@dataclass
class Figures:
    data: selectors.Dashboard
    charts: dict
    ocop: list  # the OCOP standards' StandardReadiness
    ocop_chart: object


def timeout() -> int:
    """How long an entry is kept: it is read until the next refresh, then never again."""
    return 2 * settings.LMS_DASHBOARD_REFRESH_SECONDS


def key(scope: selectors.Scope, filters: selectors.Filters, refreshed_at) -> str:
    """What the figures of `scope` under `filters` depend on, apart from the rows: the page's
    rendered panels are cached under it too (templates/dashboards/dashboard.html)."""
    params = "&".join(f"{name}={value}" for name, value in sorted(filters.as_params().items()))
    digest = hashlib.sha256(params.encode()).hexdigest()[:16]
    return (f"dashboards:figures:v{VERSION}:{scope.key}:{digest}:{translation.get_language()}:"
            f"{timezone.localdate().isoformat()}:{refreshed_at.timestamp()}")


def _compute(scope: selectors.Scope, filters: selectors.Filters,
             names: selectors.Catalogue) -> Figures:
    data = selectors.dashboard(scope, filters, names)
    today = timezone.localdate()
    for row in data.follow_up:
        row["bucket"] = selectors.due_bucket(row["first_due"], today)
    verdict_labels = selectors.verdict_labels()
    distance_labels = exports.distance_labels()
    ocop = [item for item in data.readiness if item.is_ocop]
    return Figures(
        data=data,
        charts={
            "trend": charts.trend(data.months),
            "courses": charts.completion_by_course(data.courses),
            "sectors": charts.by_sector(data.sectors),
            "readiness": charts.readiness(data.readiness, verdict_labels)
            if data.readiness else "",
            "distance": charts.distance(data.readiness, distance_labels)
            if data.readiness else "",
        },
        ocop=ocop,
        ocop_chart=charts.stars(ocop, exports.stars_labels()) if ocop else "",
    )


def figures(scope: selectors.Scope, filters: selectors.Filters, names: selectors.Catalogue,
            refreshed_at=None) -> Figures:
    """The dashboard of `scope` under `filters`, from the cache when someone asked it since
    the last refresh of the summaries (`refreshed_at`, read when not given)."""
    entry = key(scope, filters, refreshed_at or summaries.refreshed_at())
    found = cache.get(entry)
    if found is None:
        found = _compute(scope, filters, names)
        cache.set(entry, found, timeout=timeout())
    return found


def warm() -> int:
    """Compute the unfiltered dashboard of each officer scope (one officer standing for all who
    share it) in the site's first language; returns how many scopes."""
    parts: dict[int, list] = {}
    for officer_id, province_id, union_id in OfficerScope.objects.filter(
            officer__is_active=True).values_list("officer_id", "province_id", "union_id"):
        parts.setdefault(officer_id, []).append((province_id, union_id))
    by_key: dict[str, list[int]] = {}
    for officer_id in sorted(parts):  # the officers who share a scope, grouped in one query
        by_key.setdefault(selectors.scope_key(parts[officer_id]), []).append(officer_id)
    warmed = 0
    for officer_ids in by_key.values():
        for user in User.objects.filter(pk__in=officer_ids).order_by("pk"):
            scope = selectors.dashboard_scope(user)  # None for one who left the officers
            if scope is not None:
                with translation.override(settings.LANGUAGE_CODE):
                    figures(scope, selectors.Filters(), selectors.catalogue())
                warmed += 1
                break
    return warmed
