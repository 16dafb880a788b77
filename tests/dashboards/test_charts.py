"""The charts: inline SVG that scales with its container, carries no script, escapes what it
draws, and counts in whole numbers."""

import datetime
import re

from django.utils import translation

from lms.dashboards import charts
from lms.dashboards.selectors import Row


def months(values):
    return [Row(label="", key=datetime.date(2025, month, 1), enrollments=value,
                completions=value // 2) for month, value in enumerate(values, start=1)]


def test_a_chart_scales_with_its_container_and_runs_no_script():
    with translation.override("en"):
        chart = charts.trend(months([3, 8, 5, 0, 12, 7]))

    root = re.match(r"<svg [^>]*>", str(chart.svg)).group(0)
    assert 'viewBox="0 0 340 230"' in root
    assert "width=" not in root and "height=" not in root
    assert 'aria-hidden="true"' in root
    assert "<script" not in chart.svg and "<!--" not in chart.svg
    assert chart.legend == (("#6fbf8b", "Enrollments"), ("#17633b", "Completions"))


def test_labels_are_escaped():
    rows = [Row(label="<b>Kế toán</b> & thuế", enrollments=4, cohort_completed=2)]

    svg = str(charts.completion_by_course(rows).svg)

    assert "<b>" not in svg
    assert "&lt;b&gt;Kế toán" in svg


def test_ticks_are_whole_numbers():
    assert charts._ticks(3) == [0, 1, 2, 3]
    assert charts._ticks(7) == [0, 2, 4, 6, 8]
    assert charts._ticks(1375) == [0, 500, 1000, 1500]
    assert charts._ticks(0) == [0, 1]
    # beside horizontal bars: three labels, even for a whole country
    assert charts._ticks(35000, parts=2) == [0, 20000, 40000]
    assert charts._ticks(236_000, parts=2) == [0, 200000, 400000]


LONG_TITLE = "Quản lý tài chính hợp tác xã nông nghiệp cho người mới bắt đầu"


def course_rows():
    return [Row(label=LONG_TITLE, enrollments=10, cohort_completed=10),
            Row(label="Kế toán", enrollments=8, cohort_completed=4),
            Row(label="Tiếp thị số cho sản phẩm OCOP", enrollments=6, cohort_completed=1)]


def test_long_course_titles_are_shortened_with_the_full_title_as_tooltip():
    svg = str(charts.completion_by_course(course_rows()).svg)

    assert f">{charts.shorten(LONG_TITLE, charts.LABEL_LIMIT)}<title>{LONG_TITLE}</title>" in svg
    assert charts.shorten(LONG_TITLE, charts.LABEL_LIMIT) == "Quản lý tài chính…"
    assert ">Kế toán</text>" in svg  # a short title stays whole, with no tooltip
    assert "<title>Pygal</title>" not in svg and "<title>1%</title>" not in svg


def test_shortening_keeps_whole_words_and_marks_the_cut():
    assert charts.shorten("Kế toán", 18) == "Kế toán"
    assert charts.shorten("Tiếp thị số cho sản phẩm OCOP", 18) == "Tiếp thị số cho…"
    assert charts.shorten("Nôngnghiệpcôngnghệcao", 10) == "Nôngnghiệ…"
    assert len(charts.shorten(LONG_TITLE, 18)) <= 18


def bars(svg: str) -> tuple[float, list[tuple[float, float]]]:
    """The plot's left edge in the drawing and each bar's (x, width) inside the plot."""
    left = float(re.search(r'<g transform="translate\(([\d.]+), [\d.]+\)" class="plot">',
                           svg).group(1))
    rects = re.findall(r'<rect x="([\d.]+)"[^>]*?(?:width="([\d.]+)")?[^>]*class="rect reactive',
                       svg)
    return left, [(float(x), float(width or 0)) for x, width in rects]


def test_a_full_bar_ends_inside_the_drawing_with_room_for_its_axis_label():
    svg = str(charts.completion_by_course(course_rows()).svg)
    left, drawn = bars(svg)

    ends = [left + x + width for x, width in drawn]
    assert max(ends) <= charts.WIDTH - 20  # "100%" under the full bar still fits
    assert left >= 100  # the titles keep their column, the bars are not squeezed out
    widths = sorted(width for _x, width in drawn)
    assert widths[-1] == 2 * widths[-2]  # 100 % is twice 50 %: bars share one scale


def test_a_rate_is_printed_only_inside_a_bar_wide_enough_for_it():
    svg = str(charts.completion_by_course(course_rows()).svg)

    assert ">100%</text>" in svg and ">50%</text>" in svg
    assert ">17%</text>" not in svg  # white on white beside a thin bar: the table has it
