from django.urls import path

from certification import views

app_name = "certification"

urlpatterns = [
    path("certificates/", views.my_certificates, name="mine"),
    path("certificates/manage/", views.manage_list, name="manage_list"),
    path("certificates/<str:code>/pdf/", views.certificate_pdf, name="pdf"),
    path("certificates/<str:code>/manage/", views.certificate_manage, name="manage"),
    path("certificates/exports/", views.exports, name="exports"),
    path("certificates/exports/<uuid:pk>/", views.export_detail, name="export"),
    path("certificates/exports/<uuid:pk>/status/", views.export_status, name="export_status"),
    path("certificates/exports/<uuid:pk>/download/", views.export_download,
         name="export_download"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify, name="verify_code"),
]
