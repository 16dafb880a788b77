"""URLs of the accounts app besides allauth's: the unsubscribe link of the platform's emails."""

from django.urls import path

from lms.accounts import views

app_name = "accounts"

urlpatterns = [
    path("<slug:topic>/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
