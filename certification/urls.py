"""The certification app's URLs: certificates (namespace "certification") and readiness, the
guided self-assessment with its report and action plan (namespace "readiness")."""

from django.urls import path

from certification.assessments import views as assessment_views
from certification.certificates import views as certificate_views
from certification.reports import archive_views
from certification.reports import views as report_views

certificate_urls = ([
    path("certificates/", certificate_views.my_certificates, name="mine"),
    path("certificates/manage/", certificate_views.manage_list, name="manage_list"),
    path("certificates/<str:code>/pdf/", certificate_views.certificate_pdf, name="pdf"),
    path("certificates/<str:code>/manage/", certificate_views.certificate_manage, name="manage"),
    path("certificates/exports/", certificate_views.exports, name="exports"),
    path("verify/", certificate_views.verify, name="verify"),
    path("verify/<str:code>/", certificate_views.verify, name="verify_code"),
], "certification")

readiness_urls = ([
    path("", assessment_views.home, name="home"),
    path("start/", assessment_views.start, name="start"),
    path("<int:pk>/", assessment_views.overview, name="overview"),
    path("<int:pk>/profile/", assessment_views.profile, name="profile"),
    path("<int:pk>/sections/<int:section_pk>/", assessment_views.section, name="section"),
    path("<int:pk>/points/<int:point_pk>/", assessment_views.answer, name="answer"),
    path("<int:pk>/points/<int:point_pk>/photos/", assessment_views.photo_upload,
         name="photo_upload"),
    path("<int:pk>/photos/<int:photo_pk>/", assessment_views.photo, name="photo"),
    path("<int:pk>/photos/<int:photo_pk>/thumbnail/", assessment_views.photo_thumbnail,
         name="photo_thumbnail"),
    path("<int:pk>/photos/<int:photo_pk>/delete/", assessment_views.photo_delete,
         name="photo_delete"),
    path("<int:pk>/submit/", report_views.submit, name="submit"),
    path("<int:pk>/report/", report_views.report, name="report"),
    path("<int:pk>/report/pdf/", report_views.report_pdf, name="report_pdf"),
    path("<int:pk>/report/pdf/status/", report_views.report_pdf_status,
         name="report_pdf_status"),
    path("<int:pk>/ocop-self-report/", report_views.ocop_self_report, name="ocop_self_report"),
    path("<int:pk>/ocop-self-report/pdf/", report_views.ocop_self_report_pdf,
         name="ocop_self_report_pdf"),
    path("<int:pk>/actions/<int:action_pk>/", report_views.action_edit, name="action"),
    path("<int:pk>/actions/<int:action_pk>/photo/", report_views.action_photo,
         name="action_photo"),
    path("history/<int:cooperative_pk>/<slug:standard_code>/", report_views.history,
         name="history"),
    path("cooperatives/<int:cooperative_pk>/archive/", archive_views.archive_start,
         name="cooperative_archive"),
], "readiness")
