"""The platform's URLs: accounts (allauth), cooperatives, the Wagtail admin, then Wagtail pages."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certification import urls as certification_urls
from lms import health
from lms.accounts import signin_code_views
from lms.accounts import views as account_views
from lms.files import public_media
from lms.home import views as home_views

urlpatterns = [
    # The admin's own login form has no rate limit: send it to allauth's, keeping ?next=.
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
        name="wagtailadmin_login",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/profile/", account_views.profile, name="account_profile"),
    path("accounts/profile/data/", account_views.data_download, name="account_data_download"),
    path("accounts/profile/close/", account_views.account_close, name="account_close"),
    path("accounts/notices/", account_views.notices, name="account_notices"),
    path("accounts/unsubscribe/", include("lms.accounts.urls")),
    path("accounts/code/", signin_code_views.code_signin, name="account_code_signin"),
    path("accounts/code/password/", signin_code_views.code_password,
         name="account_code_password"),
    path("accounts/", include("allauth.urls")),
    path("language/", account_views.set_language, name="set_language"),
    path("cooperatives/", include("lms.cooperatives.urls")),
    path("help/", home_views.help_page, name="help"),
    path("health/", health.ready, name="health"),
    path("health/live/", health.live, name="health_live"),
    path("learning/", include("courses.urls")),
    path("readiness/", include(certification_urls.readiness_urls)),
    path("dashboard/", include("lms.dashboards.urls")),
    path("exports/", include("lms.exports.urls")),
    path("", include(certification_urls.certificate_urls)),
]

if settings.LMS_SERVE_MEDIA:
    # Public media (course covers, lesson images, renditions) kept in local files: make run's,
    # and a single server's in production. With object storage, browsers read them there.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", public_media)]

if settings.LMS_BENCH_BARE_VIEW:
    # The load benchmark's baseline (bench/load.py): the middleware and nothing else.
    def bench_bare(request):
        return HttpResponse("ok")

    urlpatterns += [path("bench/bare/", bench_bare)]

urlpatterns += [
    # Wagtail's front-end login (for private pages) is a plain Django login form: no rate limit,
    # no e-mail verification. Every way in goes through allauth's, keeping ?next=.
    path(
        "_util/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
        name="wagtailcore_login",
    ),
    path("", include(wagtail_urls)),
]
