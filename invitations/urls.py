from django.urls import path

from . import views

app_name = "invitations"

urlpatterns = [
    path("schedule/", views.schedule, name="schedule"),
    path("meeting/<int:pk>/", views.meeting_invitations, name="meeting"),
    path("meeting/<int:pk>/letter.pdf", views.letter, name="letter"),
    path("meeting/<int:pk>/send/", views.send, name="send"),
    path("meeting/<int:pk>/invite/", views.invite_more, name="invite"),
    path("meeting/<int:pk>/documents/", views.upload_document, name="upload"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("calendar/renew/", views.renew_feed, name="feed_renew"),
]
