"""The dashboards' charts: SVG drawn on the server by pygal in the site's colours, sized by
their container (no fixed width), with few labels in a large font so they read on a 360 px
phone, and no JavaScript. The legend is HTML under the chart, so it wraps in any language.
Each chart sits above the table it comes from, which is what screen readers get: the SVG
itself is hidden from them."""

import re
from dataclasses import dataclass
from functools import cache
from uuid import uuid4
from xml.sax.saxutils import escape, unescape

import pygal
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

GREEN_900 = "#0f3f26"
GREEN_700 = "#17633b"
GREEN_400 = "#6fbf8b"
GOLD_500 = "#f2b705"
ORANGE = "#c2410c"
GREY = "#b9c6bf"
INK = "#1c2421"
LINE = "#d9e1dc"

FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif'

# The drawing is 340 units wide: in a card on a 360 px phone one unit is about 0.9 px, so
# 14-unit text reads as 12-13 px; on wider screens the CSS caps a chart at 460 px.
WIDTH = 340
# Category labels (course titles, sectors, standards) beside horizontal bars: longer ones are
# shortened, leaving the bars about 60 % of the drawing.
LABEL_LIMIT = 18
RATE_PRINTED_FROM = 20  # percent: a narrower bar cannot hold its figure
SCRIPT = re.compile(r"<script\b.*?</script>|<!--.*?-->", re.DOTALL)
# pygal's own tooltips: "Pygal" over the whole drawing, and a category label's position run
# through the value formatter ("1%" over a course title): both mislead, so they go.
STRAY_TITLES = re.compile(r"<title>Pygal</title>|(?<=</text>)<title>[^<]*</title>")


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    legend: tuple[tuple[str, str], ...] = ()  # (colour, label)

    def __str__(self):
        return self.svg

    def __bool__(self):
        return True


def _style(colors: tuple[str, ...], **options) -> Style:
    return Style(
        background="transparent", plot_background="transparent",
        foreground=INK, foreground_strong=GREEN_900, foreground_subtle=LINE,
        opacity="1", opacity_hover="1", transition="none", colors=colors,
        font_family=FONT, label_font_size=14, major_label_font_size=14,
        value_font_size=14, value_label_font_size=14, legend_font_size=14,
        title_font_size=15, tooltip_font_size=14, no_data_font_size=15,
        guide_stroke_color=LINE, major_guide_stroke_color=LINE, **options,
    )


def _config(height: int, colors: tuple[str, ...], style: dict | None = None,
            **options) -> dict:
    return {
        "style": _style(colors, **(style or {})), "js": [], "disable_xml_declaration": True,
        "width": WIDTH, "height": height, "explicit_size": False, "show_legend": False,
        "margin": 4, "spacing": 8, "show_y_guides": True, "show_x_guides": False,
        "print_zeroes": False, "no_data_text": _("Nothing yet"), "tooltip_fancy_mode": False,
        "min_scale": 2, "max_scale": 5, **options,
    }


def shorten(label, limit: int) -> str:
    """`label` in at most `limit` characters, cut after a whole word when one ends late
    enough, with an ellipsis when anything was cut."""
    label = " ".join(str(label).split())
    if len(label) <= limit:
        return label
    cut = label[:limit - 1]
    space = cut.rfind(" ")
    if label[limit - 1] != " " and space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.:;-–") + "…"


def _category_labels(chart, labels, limit: int) -> dict[str, str]:
    """Set the chart's category labels, shortened: pygal does not shorten those of a
    horizontal chart, and long ones squeeze the bars out of the drawing. Returns the full
    label of each shortened one, for its tooltip."""
    labels = [str(label) for label in labels]
    chart.x_labels = [shorten(label, limit) for label in labels]
    return {short: full for short, full in zip(chart.x_labels, labels, strict=True)
            if short != full}


def _with_titles(svg: str, titles: dict[str, str]) -> str:
    """Give each shortened label a <title>: the browser's tooltip shows the full label."""
    for short, full in titles.items():
        svg = svg.replace(f">{escape(short)}</text>",
                          f">{escape(short)}<title>{escape(full)}</title></text>")
    return svg


STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)
RULE = re.compile(r"[^{}]+\{[^{}]*\}")
SHARED_PREFIX = "svg.pygal-chart"


def _rules(css: str, uuid: str) -> list[str]:
    """The style rules of one chart, its id replaced by the prefix of the shared rules."""
    return [rule.strip().replace(f"#chart-{uuid}", SHARED_PREFIX) for rule in RULE.findall(css)]


@cache
def _shared_rules() -> tuple[str, ...]:
    """The ~70 rules pygal writes the same into every chart of the site's style (fonts, axes,
    guides, tooltips), read from a reference chart: only its colour rules differ."""
    chart = pygal.Bar(**_config(100, (GREEN_700,)))
    chart.uuid = "shared"
    chart.add("", [1])
    css = STYLE.search(chart.render(is_unicode=True)).group(2)
    return tuple(rule for rule in _rules(css, "shared") if ".color-" not in rule)


def shared_css() -> SafeString:
    """The rules every chart shares, for one <style> element on the page (each chart's own
    <style> keeps the rest: its colours). Five kilobytes once instead of once per chart.
    Inside an SVG the rules are XML text (`&gt;` for a child combinator); in an HTML <style>
    they are read as they are, so they are unescaped."""
    return mark_safe(unescape("".join(_shared_rules())))


def _own_rules(svg: str, uuid: str) -> str:
    """`svg` with its <style> holding only the rules that `shared_css` does not."""
    shared = set(_shared_rules())

    def keep(match):
        css = match.group(2)
        own = [rule.strip() for rule, as_shared in zip(RULE.findall(css), _rules(css, uuid),
                                                       strict=True) if as_shared not in shared]
        return match.group(1) + "".join(own) + match.group(3)

    return STYLE.sub(keep, svg, count=1)


# The data pygal leaves for its tooltip script (value, position, label of each bar): without
# the script nothing reads it, and it is a third of a stacked chart's weight.
DESC = re.compile(r"<desc\b[^>]*/>|<desc\b[^>]*>[^<]*</desc>")
ATTRIBUTE = re.compile(r'(?<==)"([^"]*)"')
LONG_DECIMAL = re.compile(r"(\d\.\d)\d+")


def _rounded(svg: str) -> str:
    """Coordinates in the attributes cut to a tenth of a unit (a tenth of a pixel on a phone)
    instead of pygal's fifteen digits; texts are left as they are."""
    return ATTRIBUTE.sub(lambda match: '"' + LONG_DECIMAL.sub(r"\1", match.group(1)) + '"', svg)


def _chart(chart, colors: tuple[str, ...], labels: list[str],
           titles: dict[str, str] | None = None) -> Chart:
    """The chart's SVG for inlining, with its legend. pygal escapes every text it draws
    (labels come from course titles and the like); its inline script (the configuration of
    tooltips that need an external script anyway) and its comments are dropped, and so are
    the style rules every chart shares (`shared_css`, written once on the page)."""
    # pygal prefixes each of its style rules with the chart's id, a 36-character uuid by
    # default: 8 hex digits keep a page's charts apart at a third of the weight.
    chart.uuid = uuid4().hex[:8]
    svg = _own_rules(SCRIPT.sub("", chart.render(is_unicode=True)), chart.uuid)
    svg = _rounded(DESC.sub("", svg))
    svg = _with_titles(STRAY_TITLES.sub("", svg), titles or {})
    svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return Chart(mark_safe(svg), tuple(zip(colors, (str(label) for label in labels),
                                           strict=False)))


def _whole(value) -> str:
    return f"{value:,.0f}".replace(",", ".")


def _ticks(top, parts: int = 5) -> list[int]:
    """Whole-number ticks from 0 past `top`, at most `parts` + 1: counts are never fractional.
    Beside horizontal bars the ticks share the narrow width left by the labels: two parts
    there, so that "20.000" and "40.000" never overlap on a phone."""
    top, power = max(int(top or 0), 1), 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if top / step <= parts:
                return list(range(0, top + step, step)) if top % step else \
                    list(range(0, top + 1, step))
        power *= 10


def trend(rows) -> Chart:
    """Enrollments and completions month by month."""
    colors = (GREEN_400, GREEN_700)
    top = max([max(row.enrollments, row.completions) for row in rows] or [0])
    chart = pygal.Bar(**_config(230, colors, x_label_rotation=0, truncate_label=-1,
                                show_minor_x_labels=False, value_formatter=_whole,
                                y_labels=_ticks(top),
                                x_labels_major_every=max(1, round(len(rows) / 4))))
    chart.x_labels = [row.key.strftime("%m/%y") for row in rows]
    labels = [_("Enrollments"), _("Completions")]
    chart.add(labels[0], [row.enrollments for row in rows])
    chart.add(labels[1], [row.completions for row in rows])
    return _chart(chart, colors, labels)


def _percent_inside(value) -> str:
    """A rate printed in white inside its bar, when the bar is wide enough to hold it (the
    table gives every rate)."""
    return f"{value:.0f}%" if value and value >= RATE_PRINTED_FROM else ""


def completion_by_course(rows, *, limit: int = 6) -> Chart:
    """Completion rate of the courses with most enrollments (the table lists them all)."""
    rows = list(reversed([row for row in rows if row.enrollments][:limit]))
    colors = (GREEN_700,)
    chart = pygal.HorizontalBar(**_config(
        50 + 36 * max(len(rows), 1), colors, style={"value_colors": ("#ffffff",)},
        range=(0, 100), y_labels=[0, 50, 100], print_values=True,
        print_values_position="center", margin_right=24, truncate_label=-1,
        value_formatter=_percent_inside))
    # pygal draws the first at the bottom
    titles = _category_labels(chart, [row.label for row in rows], LABEL_LIMIT)
    chart.add(_("Completion rate"), [row.rate for row in rows])
    return _chart(chart, colors, [], titles)


def by_sector(rows) -> Chart:
    """Enrollments and completions per cooperative sector."""
    rows = list(reversed([row for row in rows if row.enrollments or row.completions]))
    colors = (GREEN_400, GREEN_700)
    top = max([max(row.enrollments, row.completions) for row in rows] or [0])
    chart = pygal.HorizontalBar(**_config(50 + 44 * max(len(rows), 1), colors,
                                          value_formatter=_whole, truncate_label=-1,
                                          y_labels=_ticks(top, parts=2), margin_right=28))
    titles = _category_labels(chart, [row.label for row in rows], LABEL_LIMIT)
    labels = [_("Enrollments"), _("Completions")]
    chart.add(labels[0], [row.enrollments for row in rows])
    chart.add(labels[1], [row.completions for row in rows])
    return _chart(chart, colors, labels, titles)


def _stacked(items, buckets: dict[str, str], values, colors: tuple[str, ...]) -> Chart:
    items = list(reversed(items))
    top = max([sum(values(item).values()) for item in items] or [0])
    chart = pygal.HorizontalStackedBar(**_config(
        50 + 48 * max(len(items), 1), colors, value_formatter=_whole, truncate_label=-1,
        y_labels=_ticks(top, parts=2), margin_right=28,
        style={"value_colors": ("#ffffff",) * len(colors)}, print_values=True,
        print_values_position="center"))
    titles = _category_labels(chart, [item.standard.name for item in items], LABEL_LIMIT)
    for key, label in buckets.items():
        chart.add(str(label), [values(item)[key] or None for item in items])
    return _chart(chart, colors, list(buckets.values()), titles)


def readiness(items, labels: dict[str, str]) -> Chart:
    """Cooperatives of each standard by latest verdict, stacked."""
    return _stacked(items, labels, lambda item: item.verdicts,
                    (GREEN_700, ORANGE, GOLD_500, GREY))


def distance(items, labels: dict[str, str]) -> Chart:
    """Cooperatives of each standard by blocking gaps left in their latest report."""
    return _stacked(items, labels, lambda item: item.distances,
                    (GREEN_700, GREEN_400, GOLD_500, ORANGE))


def stars(items, labels: dict[int, str]) -> Chart:
    """Cooperatives of each OCOP standard by the projected stars of their latest report,
    stacked: one bar per standard (a product group's sheet), one colour per star, warm
    below the three stars of a certified product, green from them."""
    return _stacked(items, labels, lambda item: item.stars,
                    (ORANGE, GOLD_500, GREEN_400, GREEN_700, GREEN_900))
