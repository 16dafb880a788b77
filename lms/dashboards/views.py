"""Pages of the union officers' dashboards: the overview, the cooperative list, one cooperative,
one learner, and the exports of their tables (long ones are followed on lms.exports' page).

Officers with a scope and site admins get in; other signed-in users get a page explaining why
not (403). A cooperative or learner outside the scope is a 404 through every address, filter
or export."""

import re
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from certification.models import localized
from certification.reports.context import gap_label
from lms.accounts.roles import user_is_union_officer
from lms.dashboards import charts, exports, overview, selectors, summaries
from lms.dashboards.forms import CooperativeSearchForm, DashboardFilterForm

COOPERATIVES_PER_PAGE = 25
COMMUNES_PER_PAGE = 25
MEMBERS_PER_PAGE = 50


def dashboard_view(view):
    """Sign-in first; then users without a dashboard get a page that says why (403), and the
    view receives the user's scope."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        scope = selectors.dashboard_scope(request.user)
        if scope is None:
            return render(request, "dashboards/no_scope.html", {
                "is_officer": user_is_union_officer(request.user)}, status=403)
        return view(request, scope, *args, **kwargs)

    return require_safe(wrapped)


def _filters(request, scope, names):
    form = DashboardFilterForm(request.GET or None, scope=scope, names=names)
    return form, form.filters()


def _query(params: dict) -> str:
    return urlencode({key: value for key, value in params.items() if value})


STYLE_WITHOUT_NONCE = re.compile(r"<style\b(?![^>]*\bnonce=)")


@dashboard_view
def home(request, scope):
    """The overview. Its panels are rendered once per scope, filters, language, day and refresh
    of the summaries and kept in the cache (the first page of communes only; other pages are
    drawn from the cached figures): the figures, read lazily, are loaded only when the panels
    are drawn. The charts' <style> elements get this response's nonce after the rendering, so
    that a cached panel never carries another response's."""
    names = selectors.catalogue()
    form, filters = _filters(request, scope, names)
    refreshed_at = summaries.refreshed_at()
    figures = SimpleLazyObject(lambda: overview.figures(scope, filters, names, refreshed_at))
    data = SimpleLazyObject(lambda: figures.data)
    communes_asked = request.GET.get("communes", "")
    communes = SimpleLazyObject(lambda: Paginator(data.communes, COMMUNES_PER_PAGE).get_page(
        communes_asked))
    response = render(request, "dashboards/dashboard.html", {
        "form": form,
        "active_filters": form.active(),
        "filter_query": _query(filters.as_params()),
        "scope_names": selectors.scope_names(scope),
        "scope": scope,
        "refreshed_at": refreshed_at,
        "panels_key": overview.key(scope, filters, refreshed_at),
        # Only the first page of communes is kept: any other page number is drawn each time.
        "panels_timeout": overview.timeout() if communes_asked in ("", "1") else 0,
        "communes_asked": communes_asked,
        "data": data,
        "verdict_labels": selectors.verdict_labels(),
        "distance_labels": exports.distance_labels(),
        "star_labels": exports.stars_labels(),
        "due_rows": SimpleLazyObject(lambda: [
            (key, label, data.actions_by_due[key])
            for key, label in selectors.due_labels().items()]),
        "charts": SimpleLazyObject(lambda: figures.charts),
        "chart_css": charts.shared_css(),
        "ocop": SimpleLazyObject(lambda: figures.ocop),
        "ocop_chart": SimpleLazyObject(lambda: figures.ocop_chart),
        # A page of the communes, in the order of the breakdown; the file has them all.
        "communes": communes,
        "several_provinces": SimpleLazyObject(
            lambda: len({row.detail for row in data.communes}) > 1),
    })
    nonce = getattr(request, "csp_nonce", "")
    if nonce:
        response.content = STYLE_WITHOUT_NONCE.sub(f'<style nonce="{nonce}"',
                                                   response.content.decode())
    return response


def _label_due_dates(actions, today, labels) -> None:
    for action in actions:
        action.bucket = selectors.due_bucket(action.due_date, today)
        action.bucket_label = labels[action.bucket]


@dashboard_view
def cooperatives(request, scope):
    names = selectors.catalogue()
    form, filters = _filters(request, scope, names)
    search = CooperativeSearchForm(request.GET)
    query, sort = search.values()
    rows = selectors.cooperative_rows(scope, filters, query=query, sort=sort)
    # The page's rows are chosen in the database, then only they are given their figures.
    page = Paginator(rows, COOPERATIVES_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.cooperatives_with_figures(page.object_list, filters)
    standard_list = selectors.standards()
    verdicts = selectors.readiness_of(cooperative.pk for cooperative in page.object_list)
    labels = selectors.verdict_labels()
    for cooperative in page.object_list:
        mine = verdicts.get(cooperative.pk, {})
        # One cell per standard, written here: 25 rows of a dozen standards through the
        # template's loop cost as much as the rest of the page.
        cooperative.readiness_cells = format_html_join(
            "", '<td><span class="tag tag--{}">{}</span></td>',
            ((mine.get(standard.pk, selectors.NEVER), labels[mine.get(standard.pk,
                                                                      selectors.NEVER)])
             for standard in standard_list))
    params = {**filters.as_params(), "q": query, "sort": sort if sort != "name" else ""}
    return render(request, "dashboards/cooperative_list.html", {
        "form": form,
        "search": search,
        "active_filters": form.active(),
        "page": page,
        "standards": standard_list,
        "verdict_labels": labels,
        "query": query,
        "sort": sort,
        "list_query": _query(params),
        "filter_query": _query(filters.as_params()),
    })


@dashboard_view
def cooperative(request, scope, pk):
    cooperative = selectors.cooperative_overseen(scope, pk)
    if cooperative is None:
        raise Http404
    names = selectors.catalogue()
    members = Paginator(selectors.members_with_progress(cooperative),
                        MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    enrollments = selectors.enrollments_by_user((m.user_id for m in members.object_list), names)
    for member in members.object_list:
        member.courses = enrollments.get(member.user_id, [])
    actions = list(selectors.corrective_actions_open([cooperative]))
    _label_due_dates(actions, timezone.localdate(), selectors.due_labels())
    for action in actions:
        action.requirement = localized(action.control_point, "text")
        action.gap_label = gap_label(action.gap)
    return render(request, "dashboards/cooperative_detail.html", {
        "cooperative": cooperative,
        "figures": selectors.cooperative_figures(cooperative),
        "members": members,
        "readiness": selectors.cooperative_readiness(cooperative),
        "actions": actions,
        "cooperative_query": _query({"cooperative": cooperative.pk}),
    })


@dashboard_view
def learner(request, scope, pk):
    person = selectors.learner_overseen(scope, pk)
    if person is None:
        raise Http404
    names = selectors.catalogue()
    return render(request, "dashboards/learner_detail.html", {
        "person": person,
        "memberships": selectors.learner_memberships(scope, person),
        "enrollments": selectors.enrollments_by_user([person.pk], names).get(person.pk, []),
        "certificates": selectors.learner_certificates(scope, person),
    })


@dashboard_view
def export(request, scope, table, fmt):
    """A table as CSV or XLSX: written now when small, else built in the background."""
    if table not in exports.TABLES:
        raise Http404
    names = selectors.catalogue()
    form, filters = _filters(request, scope, names)
    params = {key: request.GET.get(key, "") for key in exports.EXTRA_PARAMS}
    if params["q"] or params["sort"]:
        params["q"], params["sort"] = CooperativeSearchForm(request.GET).values()
    spec = exports.TABLES[table]
    wants_cooperative = spec.needs_cooperative or params["cooperative"]
    if wants_cooperative and (not params["cooperative"].isdigit() or selectors.cooperative_overseen(
            scope, params["cooperative"]) is None):
        raise Http404
    if exports.is_big(table, scope, filters, params):
        job = exports.dashboard_export_request(scope=scope, table=table, fmt=fmt,
                                               filters=filters, params=params)
        return redirect("exports:detail", pk=job.pk)
    name = exports.file_name(table, fmt, scope, params)
    content = exports.build_table(table, scope, filters, params)
    if fmt == "csv":
        response = StreamingHttpResponse(exports.csv_lines(content),
                                         content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.xlsx_bytes(content),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
