from django.urls import path

from . import views

app_name = "minutes"

urlpatterns = [
    path("<int:pk>/minutes/send/", views.send_for_check, name="send"),
    path("<int:pk>/minutes/check/", views.check, name="check"),
    path("<int:pk>/minutes/certify/", views.certify_at_next_meeting, name="certify_next"),
    path("<int:pk>/minutes/circulate/", views.start_circulation, name="circulate"),
    path("<int:pk>/minutes/answer/", views.answer_circulation, name="answer"),
    path("<int:pk>/minutes/sign/", views.sign, name="sign"),
    path("<int:pk>/minutes/publish/", views.publish, name="publish"),
    path("<int:pk>/minutes.docx", views.word, name="word"),
    path("minutes/published/<int:pk>.pdf", views.published_pdf, name="pdf"),
]
