"""URLs of exports: one page, its status, its file and "try again", whatever the kind."""

from django.urls import path

from lms.exports import views

app_name = "exports"

urlpatterns = [
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/status/", views.status, name="status"),
    path("<uuid:pk>/download/", views.download, name="download"),
    path("<uuid:pk>/retry/", views.retry, name="retry"),
]
