from django.urls import path

from programs import views

app_name = "programs"

urlpatterns = [
    path("", views.program_list, name="list"),
    path("communities/", views.community_list, name="communities"),
    path("communities/<int:pk>/", views.community_detail, name="community"),
    path("<slug:code>/", views.program_detail, name="detail"),
    path("<slug:code>/upload/", views.program_upload, name="upload"),
    path("<slug:code>/template.csv", views.program_template, name="template"),
    path(
        "<slug:code>/communities/<int:community_pk>/<int:year>/edit/",
        views.participation_edit,
        name="participation_edit",
    ),
]
