from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Certification")

    def ready(self):
        # Deferred: Django imports this module before any model exists, and these need them.
        from certification.assessments import receivers as _assessments  # noqa: F401
        from certification.certificates import receivers  # noqa: F401 - connects the signal
        from certification.certificates.services import CERTIFICATE_ZIP_BUILDER
        from certification.reports.archive import ARCHIVE_BUILDER
        from lms.exports.registry import export_builder_register

        export_builder_register(CERTIFICATE_ZIP_BUILDER)
        export_builder_register(ARCHIVE_BUILDER)

        from certification.models import (
            Certificate,
            CorrectiveAction,
            EvidencePhoto,
            ReadinessReportPdf,
        )
        from lms.files import files_follow_rows

        files_follow_rows(Certificate, "pdf")
        files_follow_rows(ReadinessReportPdf, "file")
        files_follow_rows(EvidencePhoto, "image", "thumbnail")
        files_follow_rows(CorrectiveAction, "closing_photo")
