from django.apps import AppConfig
from django.utils.translation import pgettext_lazy
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "lms.accounts"
    label = "accounts"
    verbose_name = pgettext_lazy("app name", "Accounts")

    def ready(self):
        # Deferred: Django imports this module before any model exists, and these need them.
        from lms.accounts import menu, receivers  # noqa: F401

        menu.connect()


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with this platform's user forms."""

    user_viewset = "lms.accounts.viewsets.UserViewSet"
