from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "lms.exports"
    label = "exports"
    verbose_name = _("Exports")

    def ready(self):
        from lms.exports.models import Export
        from lms.exports.spreadsheets import wagtail_exports_neutralise
        from lms.files import files_follow_rows

        files_follow_rows(Export, "file")
        wagtail_exports_neutralise()
