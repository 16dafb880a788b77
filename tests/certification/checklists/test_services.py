"""Checklist import, export, copying and publishing against the database, and the shipped files."""

from dataclasses import replace

import pytest
from django.core.management import call_command
from django.utils import translation

from certification.checklists import services
from certification.checklists.files import ChecklistFileError, dump_yaml, parse_yaml, read_checklist
from certification.management.commands.load_checklists import shipped_files
from certification.models import ControlPoint, Section, Standard, StandardVersion
from tests.factories.checklists import (
    assessment_for,
    globalgap_dict,
    ocop_dict,
    version_from_dict,
)

pytestmark = pytest.mark.django_db


def test_import_builds_the_section_tree_points_options_and_profile():
    data = ocop_dict()
    data["sections"][0]["sections"] = [{"code": "A1.x", "title": {"vi": "Con", "en": "Child"},
                                        "part": "A", "points": []}]
    version = version_from_dict(data)
    assert version.status == StandardVersion.Status.PUBLISHED and version.published_at
    child = Section.objects.get(version=version, code="A1.x")
    assert child.parent.code == "A1"
    criterion = ControlPoint.objects.get(section__version=version, code="B1.1")
    assert [(o.code, o.points) for o in criterion.options.order_by("sort_order")] == [
        ("a", 0), ("b", 7), ("c", 15)]


def test_export_then_import_under_a_new_label_gives_the_same_content():
    version = version_from_dict(globalgap_dict(minors=3))
    exported = services.checklist_export(version=version)
    copy = services.checklist_import(data=replace(exported, label="v2"))
    assert services.checklist_export(version=copy) == replace(exported, label="v2")
    assert parse_yaml(dump_yaml(exported)) == exported


def test_an_unknown_course_is_refused_by_name_unless_skipped():
    data = globalgap_dict(minors=1)
    data["sections"][0]["points"][0]["courses"] = ["khoa-hoc-khong-co"]
    with pytest.raises(ChecklistFileError) as error:
        version_from_dict(data)
    assert any("khoa-hoc-khong-co" in issue and "AF.1" in issue for issue in error.value.issues)
    assert not StandardVersion.objects.exists()


def test_reimporting_a_version_without_assessments_replaces_its_content():
    version_from_dict(globalgap_dict(minors=3))
    again = version_from_dict(globalgap_dict(minors=5))
    assert StandardVersion.objects.count() == 1
    assert ControlPoint.objects.filter(section__version=again, level="minor").count() == 6


def test_a_version_with_assessments_is_never_changed_in_place(cooperative, manager):
    version = version_from_dict(globalgap_dict(minors=3))
    assessment_for(cooperative=cooperative, version=version, user=manager)
    before = services.checklist_export(version=version)
    assert version.is_locked

    with pytest.raises(ChecklistFileError) as error, translation.override("en"):
        version_from_dict(globalgap_dict(minors=5))
    assert "new version label" in error.value.issues[0]
    assert services.checklist_export(version=version) == before

    copy = services.version_copy(version=version, label="v2")
    assert copy.status == StandardVersion.Status.DRAFT and not copy.is_locked
    assert services.checklist_export(version=copy) == replace(before, label="v2")


def test_publishing_refuses_what_an_import_would_refuse():
    version = version_from_dict(ocop_dict(), publish=False)
    Section.objects.filter(version=version, code="B1").update(part="")
    issues = services.version_publish(version=version)
    assert issues and any("B1" in issue for issue in issues)
    version.refresh_from_db()
    assert version.status == StandardVersion.Status.DRAFT

    Section.objects.filter(version=version, code="B1").update(part="B")
    assert services.version_publish(version=version) == []
    version.refresh_from_db()
    assert version.status == StandardVersion.Status.PUBLISHED


@pytest.mark.parametrize("path", shipped_files(), ids=lambda path: path.stem)
def test_each_shipped_checklist_reads_and_is_a_useful_rehearsal(path):
    data = read_checklist(path.read_bytes(), path.name)
    assert len(data.points) >= 20
    assert data.note and "training" in data.note.en.lower()
    assert all(point.text.vi and point.text.en for point in data.points)


def test_the_shipped_checklists_load_once_and_publish(capsys):
    call_command("load_checklists")
    call_command("load_checklists")
    assert StandardVersion.objects.filter(status=StandardVersion.Status.PUBLISHED).count() == 9
    assert set(Standard.objects.values_list("code", flat=True)) == {
        "vietgap-crop", "globalgap-ifa-fv", "globalgap-qms", "ocop-fresh-produce",
        "ocop-meat-fish-eggs-milk", "ocop-rice-grains", "ocop-processed-fruit-vegetables",
        "ocop-herbal-teas",
        "ocop-essential-oils-herbs"}
    assert "already loaded" in capsys.readouterr().out
