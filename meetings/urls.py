from django.urls import path

from . import directive_views, history_views, import_views, views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/status/", views.meeting_transition, name="transition"),
    path("people/new/", views.person_create, name="person_create"),
    # Import of old news posts (issue #6)
    path("import/news/", import_views.import_news, name="import_news"),
    # Directives and search (issue #4): browsing, follow-up trail, CSV export, carried-forward agenda.
    path("directives/", directive_views.directive_list, name="directive_list"),
    path("directives/export.csv", directive_views.directive_export, name="directive_export"),
    path("directives/<int:pk>/", directive_views.directive_detail, name="directive_detail"),
    path("directives/carried-forward/", directive_views.carried_forward, name="carried_forward"),
    path("search/", directive_views.search_page, name="search"),
    # History (issue #7): what changed, deleting with confirmation, admin restores.
    path("<int:pk>/history/", history_views.meeting_history, name="history"),
    path("<int:pk>/history/<int:history_id>/revert/", history_views.meeting_revert, name="meeting_revert"),
    path("<int:pk>/delete/", history_views.meeting_delete, name="delete"),
    path("deleted/", history_views.deleted_meetings, name="deleted"),
    path("deleted/<slug:batch>/restore/", history_views.meeting_restore, name="restore"),
    path("directives/<int:pk>/history/", history_views.directive_history, name="directive_history"),
    path(
        "directives/<int:pk>/history/<int:history_id>/revert/",
        history_views.directive_revert,
        name="directive_revert",
    ),
]
