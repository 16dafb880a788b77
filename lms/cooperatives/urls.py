from django.urls import path

from lms.cooperatives import views

app_name = "cooperatives"

urlpatterns = [
    path("", views.my_cooperatives, name="mine"),
    path("join/", views.join, name="join"),
    path("register/", views.register, name="register"),
    path("<int:pk>/", views.cooperative_detail, name="detail"),
    path("memberships/<int:pk>/decide/", views.membership_decide, name="membership_decide"),
    path("memberships/<int:pk>/role/", views.membership_role, name="membership_role"),
]
