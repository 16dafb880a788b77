# A readiness report's PDFs get rows of their own, one per language, retried until made (issue 14).

import django.db.models.deletion
import lms.files
from django.db import migrations, models


def pdfs_to_rows(apps, schema_editor):
    """Each stored PDF becomes its language's row. A report without one gets its row from the
    sweep, which renders it."""
    ReadinessReport = apps.get_model("certification", "ReadinessReport")
    ReadinessReportPdf = apps.get_model("certification", "ReadinessReportPdf")
    stored = ReadinessReport.objects.exclude(pdf="").values_list("pk", "pdf", "pdf_language")
    ReadinessReportPdf.objects.bulk_create(
        ReadinessReportPdf(report_id=report_id, language=(language or "vi")[:2], file=name)
        for report_id, name, language in stored.iterator())


def rows_to_pdfs(apps, schema_editor):
    """Back to one PDF per report: the Vietnamese one where there is one. The files of the other
    languages stay on disk, named by no row."""
    ReadinessReport = apps.get_model("certification", "ReadinessReport")
    ReadinessReportPdf = apps.get_model("certification", "ReadinessReportPdf")
    kept = set()
    for report_id, language, name in (ReadinessReportPdf.objects.exclude(file="")
                                      .order_by("report_id", "-language")
                                      .values_list("report_id", "language", "file").iterator()):
        if report_id not in kept:
            kept.add(report_id)
            ReadinessReport.objects.filter(pk=report_id).update(pdf=name, pdf_language=language)


class Migration(migrations.Migration):

    dependencies = [
        ('certification', '0009_certificate_pdf_retries'),
    ]

    operations = [
        migrations.CreateModel(
            name='ReadinessReportPdf',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=[('vi', 'Tiếng Việt'), ('en', 'English')], max_length=8, verbose_name='language')),
                ('file', models.FileField(blank=True, storage=lms.files.private_storage, upload_to=lms.files.RandomName('reports'), verbose_name='PDF')),
                ('error', models.TextField(blank=True, editable=False)),
                ('tries', models.PositiveSmallIntegerField(default=0, editable=False)),
                ('next_try_at', models.DateTimeField(blank=True, db_index=True, editable=False, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('rendered_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pdfs', to='certification.readinessreport')),
            ],
            options={
                'verbose_name': 'readiness report PDF',
                'verbose_name_plural': 'readiness report PDFs',
                'constraints': [models.UniqueConstraint(fields=('report', 'language'), name='readiness_report_pdf_one_per_language')],
            },
        ),
        migrations.RunPython(pdfs_to_rows, rows_to_pdfs),
        migrations.RemoveField(
            model_name='readinessreport',
            name='pdf',
        ),
        migrations.RemoveField(
            model_name='readinessreport',
            name='pdf_error',
        ),
        migrations.RemoveField(
            model_name='readinessreport',
            name='pdf_language',
        ),
    ]
