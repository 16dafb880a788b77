from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Certification")

    def ready(self):
        # Deferred: Django imports this module before any model exists, and these need them.
        from certification.certificates import receivers  # noqa: F401 - connects the signal
        from certification.certificates.services import CERTIFICATE_ZIP_BUILDER
        from lms.exports.registry import export_builder_register

        export_builder_register(CERTIFICATE_ZIP_BUILDER)
