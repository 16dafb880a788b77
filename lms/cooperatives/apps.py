from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperativesConfig(AppConfig):
    name = "lms.cooperatives"
    label = "cooperatives"
    verbose_name = _("Cooperatives")

    def ready(self):
        # Deferred: Django imports this module before any model exists, and these need them.
        from lms.cooperatives import receivers  # noqa: F401 - connects the accounts signals
