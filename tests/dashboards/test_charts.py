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
