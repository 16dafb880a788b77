"""A day is printed in one format per language (lms/formats): templates and Python code name
Django's formats (SHORT_DATE_FORMAT, SHORT_DATETIME_FORMAT …) rather than spell out a format a
person reads, which is how the same day came to show as 03-12-2026, 03/12/2026 and 12/03/2026.
Machine formats (ISO dates for files, inputs and <time datetime>) stay allowed."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format

ROOT = Path(settings.BASE_DIR)
NAMED = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT",
         "TIME_FORMAT"}
MACHINE = {"c", "U", "Y-m-d", "Y-m-d H:i", "Y-m-d\\TH:i", "Ymd", "H:i"}
HAND_MADE_IN_PYTHON = re.compile(
    r"""(date_format|dateformat\.format|strftime)\([^)]*["'][^"']*(d/m|m/d|d-m|%d/%m|%d-%m)""")


def templates() -> list[Path]:
    return [path for path in (ROOT / "templates").rglob("*") if path.suffix in {".html", ".txt"}]


def python_sources() -> list[Path]:
    return [path for app in ("lms", "certification", "courses")
            for path in (ROOT / app).rglob("*.py")]


def test_no_template_spells_out_a_date_format_a_person_reads():
    found = []
    for path in templates():
        for number, line in enumerate(path.read_text().splitlines(), 1):
            for fmt in re.findall(r"""\|date:["']([^"']*)["']""", line):
                if fmt not in NAMED | MACHINE:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {fmt}")
            if re.search(r"""slice:["']8:10["']""", line):
                found.append(f"{path.relative_to(ROOT)}:{number}: a date cut out of a string")
    assert found == []


def test_no_python_code_spells_out_a_date_format_a_person_reads():
    found = [f"{path.relative_to(ROOT)}:{number}"
             for path in python_sources()
             for number, line in enumerate(path.read_text().splitlines(), 1)
             if HAND_MADE_IN_PYTHON.search(line)]
    assert found == []


@pytest.mark.parametrize(("language", "day", "moment"), [
    ("vi", "03/12/2026", "03/12/2026 09:05"),
    ("en", "3 Dec 2026", "3 Dec 2026, 09:05"),
])
def test_each_language_has_one_date_format(language, day, moment):
    when = datetime.datetime(2026, 12, 3, 9, 5)
    with translation.override(language):
        assert {date_format(when.date(), name) for name in ("DATE_FORMAT",
                                                             "SHORT_DATE_FORMAT")} == {day}
        assert {date_format(when, name) for name in ("DATETIME_FORMAT",
                                                     "SHORT_DATETIME_FORMAT")} == {moment}
