"""URLs of the union officers' dashboards, drill-down pages, exports and email preferences."""

from django.urls import path, re_path

from lms.dashboards import views

app_name = "dashboards"

urlpatterns: list = [
    path("", views.home, name="home"),
    path("cooperatives/", views.cooperatives, name="cooperatives"),
    path("cooperatives/<int:pk>/", views.cooperative, name="cooperative"),
    path("learners/<int:pk>/", views.learner, name="learner"),
    re_path(r"^export/(?P<table>[a-z]+)\.(?P<fmt>csv|xlsx)$", views.export, name="export"),
]
