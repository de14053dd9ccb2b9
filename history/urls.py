from django.urls import path

from . import views

app_name = "history"

urlpatterns = [
    path("<int:pk>/history/", views.meeting_history, name="meeting"),
    path("<int:pk>/history/<int:history_id>/revert/", views.meeting_revert, name="meeting_revert"),
    path("<int:pk>/delete/", views.meeting_delete, name="delete"),
    path("deleted/", views.deleted_meetings, name="deleted"),
    path("deleted/<slug:batch>/restore/", views.meeting_restore, name="restore"),
    path("directives/<int:pk>/history/", views.directive_history, name="directive"),
    path("directives/<int:pk>/history/<int:history_id>/revert/", views.directive_revert, name="directive_revert"),
]
