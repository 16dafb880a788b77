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
    path("<int:pk>/members/add/", views.members_add, name="members_add"),
    path("<int:pk>/members/import/", views.members_import, name="members_import"),
    path("members/template.csv", views.members_template, name="members_template"),
    path("memberships/<int:pk>/code/", views.member_code, name="member_code"),
]
