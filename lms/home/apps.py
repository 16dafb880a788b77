from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class HomeConfig(AppConfig):
    name = "lms.home"
    label = "home"
    verbose_name = pgettext_lazy("app name", "Home")
