from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "lms.dashboards"
    label = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self):
        # Deferred: Django imports this module before any model exists, and these need them.
        from lms.dashboards import receivers  # noqa: F401 - connects the accounts signals
        from lms.dashboards.exports import DASHBOARD_TABLE_BUILDER
        from lms.exports.registry import export_builder_register

        export_builder_register(DASHBOARD_TABLE_BUILDER)
