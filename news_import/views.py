"""The news import page: staff paste an old news post and get a draft meeting to review."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from lamphun_portal import policy
from meetings.models import Meeting
from news_import import services
from news_import.forms import ImportNewsForm


def _review_url(meeting: Meeting) -> str:
    """The normal meeting form, where the draft is reviewed and saved; the meeting page until it exists."""
    try:
        return reverse("meetings:edit", args=[meeting.pk])
    except NoReverseMatch:
        return meeting.get_absolute_url()


@login_required
def import_news(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.Action.IMPORT_NEWS)
    # Bound on every POST, even an empty one: an empty submission must get its Thai errors, not a blank form.
    form = ImportNewsForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        meeting = services.create_draft_from_news(news=form.news, organizer=form.cleaned_data["organizer"])
        messages.success(
            request,
            "สร้างร่างการประชุมจากข่าวแล้ว กรุณาตรวจทานทุกช่องกับข่าวต้นฉบับ แล้วกดบันทึก",
        )
        return redirect(_review_url(meeting))
    status = 400 if form.errors else 200
    return render(request, "news_import/import_news.html", {"form": form, "news": form.news}, status=status)
