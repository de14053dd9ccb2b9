from django.urls import path

from . import views

app_name = "news_import"

urlpatterns = [
    path("news/", views.import_news, name="form"),
]
