"""Asking for an export and building it: after the commit, with progress, in the language it
was asked in, done or failed, and harmless to build twice; builders come from the registry."""

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils import translation

from lms.exports import registry, services, tasks
from lms.exports.models import Export
from lms.exports.registry import Builder, ExportFile, Link
from tests.exports.conftest import ECHO

pytestmark = pytest.mark.django_db


def ask(user, **params) -> Export:
    return services.export_request(user=user, kind=ECHO, title="Danh sách thử", params=params,
                                   fmt="txt")


def test_the_build_starts_only_after_the_commit(learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        export = ask(learner)

    assert (export.status, export.title, export.format) == (
        Export.Status.PENDING, "Danh sách thử", "txt")
    assert len(callbacks) == 1
    callbacks[0]()
    export.refresh_from_db()
    assert export.status == Export.Status.DONE


def test_a_built_export_has_its_file_and_every_step_counted(
        learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = ask(learner, rows=5)

    export.refresh_from_db()
    assert (export.status, export.done, export.total, export.percent) == (
        Export.Status.DONE, 5, 5, 100)
    assert export.file.read() == b"xin chao"
    assert export.error == ""


def test_the_builder_writes_in_the_language_the_export_was_asked_in(
        learner, django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        export = ask(learner)

    export.refresh_from_db()
    assert export.language == "en"
    assert export.file_name == "echo-en.txt"


def test_a_failing_builder_marks_the_export_failed_and_says_why(
        learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = ask(learner, fail="yes")

    with pytest.raises(ValueError, match="broken"):
        tasks.build_export(str(export.pk))

    export.refresh_from_db()
    assert export.status == Export.Status.FAILED
    assert export.error == "ValueError: The data is broken."
    assert not export.file


def test_an_owner_who_may_no_longer_see_it_gets_a_failed_export(
        learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = ask(learner, fail="denied")

    with pytest.raises(PermissionDenied):
        services.export_build(export_id=export.pk)

    export.refresh_from_db()
    assert export.status == Export.Status.FAILED


def test_an_export_of_a_kind_nobody_builds_any_more_fails(learner, monkeypatch,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = ask(learner)
    monkeypatch.delitem(registry.BUILDERS, ECHO)

    with pytest.raises(LookupError):
        services.export_build(export_id=export.pk)

    export.refresh_from_db()
    assert export.status == Export.Status.FAILED


def test_an_unknown_kind_cannot_be_asked_for(learner):
    with pytest.raises(ValueError, match="No builder"):
        services.export_request(user=learner, kind="nobody.builds.this", title="?", params={},
                                fmt="txt")

    assert not Export.objects.exists()


def test_building_twice_keeps_the_first_file(learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = ask(learner)
    export.refresh_from_db()
    first = export.file.name

    again = tasks.build_export(str(export.pk))

    export.refresh_from_db()
    assert (again, export.status, export.file.name) == (3, Export.Status.DONE, first)


def test_a_failed_export_stays_failed_until_its_owner_asks_again(
        learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = ask(learner, fail="yes")
    with pytest.raises(ValueError):
        services.export_build(export_id=export.pk)
    Export.objects.filter(pk=export.pk).update(params={})

    services.export_build(export_id=export.pk)  # a late duplicate message: left alone
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        assert services.export_retry(export=export) is True

    export.refresh_from_db()
    assert (export.status, export.error, export.tries) == (Export.Status.DONE, "", 1)


def test_the_apps_register_their_builders():
    assert {"certificates.zip", "dashboards.table"} <= set(registry.BUILDERS)


def test_two_builders_cannot_share_a_kind():
    other = Builder(kind="certificates.zip", build=lambda **kwargs: ExportFile("x", b""),
                    back=lambda **kwargs: Link("/", "x"))

    with pytest.raises(ImproperlyConfigured):
        registry.export_builder_register(other)
