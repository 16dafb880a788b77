from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # Deferred: Django imports this module before any model exists, and these need them.
        from courses import receivers  # noqa: F401 - connects the accounts signals
