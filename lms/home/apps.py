"""The Wagtail home page of the platform."""
from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class HomeConfig(AppConfig):
    name = "lms.home"
    label = "home"
    verbose_name = pgettext_lazy("app name", "Home")

    def ready(self):
        # Deferred: Wagtail's models must be loaded first. The site's pages are served from the
        # cache; these signals give it a new version whenever the pages change.
        from lms import pages

        pages.connect_signals()
