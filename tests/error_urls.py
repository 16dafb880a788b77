"""The site's URLs plus one view that fails, so that tests can see the 500 page a person gets."""

from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns

FAILING_PATH = "/failing-view/"


def failing_view(request):
    raise RuntimeError("A deliberate failure, for the 500 page's tests.")


urlpatterns = [path(FAILING_PATH.strip("/") + "/", failing_view), *site_urlpatterns]
