from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.news_list, name="list"),
    path("<int:pk>/", views.news_detail, name="detail"),
    path("photos/<int:pk>/", views.news_photo, name="photo"),
    path("feed/rss/", feeds.NewsFeed(), name="rss"),
    path("feed/atom/", feeds.AtomNewsFeed(), name="atom"),
    path("calendar.ics", views.calendar_ics, name="ical"),
    path("manage/meetings/<int:pk>/photos/", views.meeting_photos, name="meeting_photos"),
    path("manage/photos/<int:pk>/", views.staff_photo, name="staff_photo"),
    path("manage/photos/<int:pk>/delete/", views.delete_photo, name="delete_photo"),
]
