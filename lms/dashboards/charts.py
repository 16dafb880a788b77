"""The dashboards' charts: SVG drawn on the server by pygal in the site's colours, sized by
their container (no fixed width), with few labels in a large font so they read on a 360 px
phone, and no JavaScript. The legend is HTML under the chart, so it wraps in any language.
Each chart sits above the table it comes from, which is what screen readers get: the SVG
itself is hidden from them."""

import re
from dataclasses import dataclass

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
SCRIPT = re.compile(r"<script\b.*?</script>|<!--.*?-->", re.DOTALL)


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


def _chart(chart, colors: tuple[str, ...], labels: list[str]) -> Chart:
    """The chart's SVG for inlining, with its legend. pygal escapes every text it draws
    (labels come from course titles and the like); its inline script (the configuration of
    tooltips that need an external script anyway) and its comments are dropped."""
    svg = SCRIPT.sub("", chart.render(is_unicode=True))
    svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return Chart(mark_safe(svg), tuple(zip(colors, (str(label) for label in labels),
                                           strict=False)))


def _whole(value) -> str:
    return f"{value:,.0f}".replace(",", ".")


def _ticks(top) -> list[int]:
    """Whole-number ticks from 0 past `top`, at most six: counts are never fractional."""
    top, power = max(int(top or 0), 1), 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if top / step <= 5:
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


def completion_by_course(rows, *, limit: int = 6) -> Chart:
    """Completion rate of the courses with most enrollments (the table lists them all)."""
    rows = list(reversed([row for row in rows if row.enrollments][:limit]))
    colors = (GREEN_700,)
    chart = pygal.HorizontalBar(**_config(
        50 + 36 * max(len(rows), 1), colors, style={"value_colors": ("#ffffff",)},
        range=(0, 100), y_labels=[0, 25, 50, 75, 100], print_values=True,
        print_values_position="center", truncate_label=16, margin_right=18,
        value_formatter=lambda value: f"{value:.0f}%" if value else ""))
    chart.x_labels = [str(row.label) for row in rows]  # pygal draws the first at the bottom
    chart.add(_("Completion rate"), [row.rate for row in rows])
    return _chart(chart, colors, [])


def by_sector(rows) -> Chart:
    """Enrollments and completions per cooperative sector."""
    rows = list(reversed([row for row in rows if row.enrollments or row.completions]))
    colors = (GREEN_400, GREEN_700)
    top = max([max(row.enrollments, row.completions) for row in rows] or [0])
    chart = pygal.HorizontalBar(**_config(50 + 44 * max(len(rows), 1), colors,
                                          truncate_label=14, value_formatter=_whole,
                                          y_labels=_ticks(top), margin_right=12))
    chart.x_labels = [str(row.label) for row in rows]
    labels = [_("Enrollments"), _("Completions")]
    chart.add(labels[0], [row.enrollments for row in rows])
    chart.add(labels[1], [row.completions for row in rows])
    return _chart(chart, colors, labels)


def _stacked(items, buckets: dict[str, str], values, colors: tuple[str, ...]) -> Chart:
    items = list(reversed(items))
    top = max([sum(values(item).values()) for item in items] or [0])
    chart = pygal.HorizontalStackedBar(**_config(
        50 + 48 * max(len(items), 1), colors, truncate_label=12, value_formatter=_whole,
        y_labels=_ticks(top), margin_right=12,
        style={"value_colors": ("#ffffff",) * len(colors)}, print_values=True,
        print_values_position="center"))
    chart.x_labels = [str(item.standard.name) for item in items]
    for key, label in buckets.items():
        chart.add(str(label), [values(item)[key] or None for item in items])
    return _chart(chart, colors, list(buckets.values()))


def readiness(items, labels: dict[str, str]) -> Chart:
    """Cooperatives of each standard by latest verdict, stacked."""
    return _stacked(items, labels, lambda item: item.verdicts,
                    (GREEN_700, ORANGE, GOLD_500, GREY))


def distance(items, labels: dict[str, str]) -> Chart:
    """Cooperatives of each standard by blocking gaps left in their latest report."""
    return _stacked(items, labels, lambda item: item.distances,
                    (GREEN_700, GREEN_400, GOLD_500, ORANGE))


def stars(item) -> Chart:
    """OCOP projected stars of the latest reports: how many cooperatives at each star."""
    colors = (GOLD_500,)
    chart = pygal.Bar(**_config(200, colors, print_values=True, value_formatter=_whole,
                                y_labels=_ticks(max(item.stars.values()))))
    chart.x_labels = [f"{star} ★" for star in item.stars]
    chart.add(_("Cooperatives"), [count or None for count in item.stars.values()])
    return _chart(chart, colors, [])
