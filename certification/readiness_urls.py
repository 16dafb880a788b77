"""URLs of certification readiness: the guided self-assessment, its report and action plan."""

from django.urls import path

from certification import assessment_views, report_views

app_name = "readiness"

urlpatterns = [
    path("", assessment_views.home, name="home"),
    path("start/", assessment_views.start, name="start"),
    path("<int:pk>/", assessment_views.overview, name="overview"),
    path("<int:pk>/profile/", assessment_views.profile, name="profile"),
    path("<int:pk>/sections/<int:section_pk>/", assessment_views.section, name="section"),
    path("<int:pk>/points/<int:point_pk>/", assessment_views.answer, name="answer"),
    path("<int:pk>/points/<int:point_pk>/photos/", assessment_views.photo_upload,
         name="photo_upload"),
    path("<int:pk>/photos/<int:photo_pk>/", assessment_views.photo, name="photo"),
    path("<int:pk>/photos/<int:photo_pk>/delete/", assessment_views.photo_delete,
         name="photo_delete"),
    path("<int:pk>/submit/", assessment_views.submit, name="submit"),
    path("<int:pk>/report/", report_views.report, name="report"),
    path("<int:pk>/report/pdf/", report_views.report_pdf, name="report_pdf"),
    path("<int:pk>/report/pdf/status/", report_views.report_pdf_status,
         name="report_pdf_status"),
    path("<int:pk>/actions/<int:action_pk>/", report_views.action_edit, name="action"),
    path("<int:pk>/actions/<int:action_pk>/photo/", report_views.action_photo,
         name="action_photo"),
    path("history/<int:cooperative_pk>/<slug:standard_code>/", report_views.history,
         name="history"),
]
