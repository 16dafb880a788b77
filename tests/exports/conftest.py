"""Fixtures of the export tests: a kind of export of the tests' own, so the shared page,
status, download and build are checked without any app's builder."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from lms.exports import registry
from lms.exports.registry import Builder, ExportFile, Link

ECHO = "tests.echo"


def echo_build(*, export, progress):
    """Counts `rows` steps; fails when asked to; the file name says the language it ran in."""
    rows = export.params.get("rows", 3)
    progress(0, rows)
    for number in range(1, rows + 1):
        progress(number)
    if export.params.get("fail") == "denied":
        raise PermissionDenied("The owner may no longer see it.")
    if export.params.get("fail"):
        raise ValueError("The data is broken.")
    return ExportFile(f"echo-{translation.get_language()}.txt", b"xin chao")


def echo_back(*, export):
    return Link("/somewhere/", "Where it came from")


@pytest.fixture(autouse=True)
def echo_kind(monkeypatch):
    monkeypatch.setitem(registry.BUILDERS, ECHO,
                        Builder(kind=ECHO, build=echo_build, back=echo_back))
    return ECHO
