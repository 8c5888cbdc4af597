from django.urls import path

from peergoals.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("reports/", views.report, name="report"),
    path("reports/report.csv", views.report_csv, name="report_csv"),
    path("reports/report.pdf", views.report_pdf, name="report_pdf"),
]
