"""The move of readiness report PDFs to rows of their own (certification 0010): a stored PDF
becomes its language's row, as it was; a report without one is left to the sweep; going back
puts one PDF per report back, the Vietnamese one where there are two."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from certification.models import Assessment, ReadinessReportPdf
from tests.factories.checklists import assessment_for, globalgap_dict, version_from_dict

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MOVE = ("certification", "0010_readiness_report_pdfs")


def migrate(targets=None):
    """Migrate to `targets` (the latest state when None) and return the apps of that state."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def before_the_move() -> list[tuple[str, str]]:
    """What the move follows, read from the graph: a renumbered parent needs no edit here."""
    node = MigrationExecutor(connection).loader.graph.node_map[MOVE]
    return [parent.key for parent in node.parents]


@pytest.fixture
def old_reports(cooperative, manager):
    """Three reports as they were stored before the move: with a Vietnamese PDF, with an
    English one, with none (its rendering failed)."""
    version = version_from_dict(globalgap_dict())
    assessments = []
    for _ in range(3):
        assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
        Assessment.objects.filter(pk=assessment.pk).update(status=Assessment.Status.SUBMITTED)
        assessments.append(assessment)
    try:
        apps = migrate(before_the_move())
        ReadinessReport = apps.get_model("certification", "ReadinessReport")
        private = storages["private"]
        reports = []
        for assessment, language in zip(assessments, ["vi", "en", ""], strict=True):
            name = private.save(f"reports/2026/05/{language or 'none'}.pdf",
                                ContentFile(b"%PDF-1.4 " + language.encode())) \
                if language else ""
            reports.append(ReadinessReport.objects.create(
                assessment_id=assessment.pk, ready=False, reason="gaps", snapshot={},
                pdf=name, pdf_language=language,
                pdf_error="" if language else "RuntimeError: no fonts"))
        yield reports
    finally:
        migrate()


def test_each_stored_pdf_becomes_its_languages_row_and_going_back_restores_it(old_reports):
    vietnamese, english, failed = old_reports

    migrate()

    rows = {row.report_id: row for row in ReadinessReportPdf.objects.all()}
    assert set(rows) == {vietnamese.pk, english.pk}  # the failed one is the sweep's
    assert (rows[vietnamese.pk].language, rows[vietnamese.pk].file.name) == (
        "vi", vietnamese.pdf.name)
    assert (rows[english.pk].language, rows[english.pk].file.name) == ("en", english.pdf.name)
    assert all(row.next_try_at is None and row.tries == 0 for row in rows.values())
    assert rows[english.pk].file.read() == b"%PDF-1.4 en"

    ReadinessReportPdf.objects.create(report_id=english.pk, language="vi",
                                      file="reports/2026/06/vi.pdf")
    apps = migrate(before_the_move())
    back = {report.pk: (report.pdf.name, report.pdf_language) for report in
            apps.get_model("certification", "ReadinessReport").objects.all()}

    assert back == {vietnamese.pk: (vietnamese.pdf.name, "vi"),
                    english.pk: ("reports/2026/06/vi.pdf", "vi"), failed.pk: ("", "")}
