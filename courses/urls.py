from django.urls import path

from courses import views

app_name = "courses"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("catalog/", views.catalog_redirect, name="catalog"),
    path("quizzes/<int:quiz_id>/ask/", views.attempts_ask, name="attempts_ask"),
]
