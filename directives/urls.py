from django.urls import path

from . import views

app_name = "directives"

urlpatterns = [
    path("", views.directive_list, name="list"),
    path("export.csv", views.directive_export, name="export"),
    path("<int:pk>/", views.directive_detail, name="detail"),
    path("carried-forward/", views.carried_forward, name="carried_forward"),
]
