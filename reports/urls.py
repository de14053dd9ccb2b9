from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("meetings/<int:pk>/export/", views.export_meeting, name="export_meeting"),
    path("fiscal-years/<int:year>/export/", views.export_fiscal_year, name="export_fiscal_year"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("files/<int:pk>/", views.download, name="download"),
]
