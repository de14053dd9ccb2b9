"""Public news pages (no login) and the staff page that attaches photos to a meeting."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from lamphun_portal import policy
from lamphun_portal.lib import thai
from meetings.models import Meeting

from . import posts
from .forms import MeetingPhotoForm
from .models import MeetingPhoto, PostView

POSTS_PER_PAGE = 10


def _get_published_meeting(pk: int) -> Meeting:
    """A meeting the public may read: published only. Drafts and certified minutes are 404, not 403,
    so that the public cannot even learn they exist."""
    return get_object_or_404(policy.public_meetings().select_related("organizer", "chair"), pk=pk)


def _fiscal_year(request: HttpRequest) -> int | None:
    value = thai.arabic_digits(request.GET.get("fy", "")).strip()
    return int(value) if value.isdigit() else None


def news_list(request: HttpRequest) -> HttpResponse:
    year = _fiscal_year(request)
    published = policy.public_meetings()
    years = list(published.order_by("-fiscal_year").values_list("fiscal_year", flat=True).distinct())
    meetings = (
        published.select_related("organizer")
        .annotate(view_count=Count("news_views"))
        .prefetch_related(Prefetch("photos", MeetingPhoto.objects.order_by("order", "pk")))
        .order_by("-starts_at", "-pk")
    )
    if year:
        meetings = meetings.in_fiscal_year(year)
    page = Paginator(meetings, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "years": years, "year": year}
    return render(request, "news/news_list.html", context)


def news_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _get_published_meeting(pk)
    PostView.objects.record(meeting, posts.visitor_key(request))
    context = {
        "meeting": meeting,
        "headline": posts.headline(meeting),
        "date_line": posts.date_line(meeting),
        "paragraphs": posts.narrative(meeting),
        "photos": list(meeting.photos.all()),
        "programs": list(meeting.programs.all()),
        "views": PostView.objects.totals(meeting),
    }
    return render(request, "news/news_detail.html", context)


def news_photo(request: HttpRequest, pk: int) -> FileResponse:
    """A photo of a published meeting. Photos are served here, not from /media/, so that the photos of
    a draft stay private until the meeting is published."""
    photo = get_object_or_404(
        MeetingPhoto.objects.select_related("meeting"), pk=pk, meeting__in=policy.public_meetings()
    )
    return _photo_response(photo, cache="public, max-age=3600")


@login_required
def staff_photo(request: HttpRequest, pk: int) -> FileResponse:
    """A photo of a meeting the user may read (a draft's photos only for its own office, officials and admins)."""
    photo = get_object_or_404(MeetingPhoto.objects.select_related("meeting"), pk=pk)
    policy.get_meeting_for_user(request.user, photo.meeting_id)
    return _photo_response(photo, cache="private, no-store")


def _photo_response(photo: MeetingPhoto, *, cache: str) -> FileResponse:
    try:
        handle = photo.image.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=photo.content_type)
    response["Cache-Control"] = cache
    return response


def calendar_ics(request: HttpRequest) -> HttpResponse:
    """Upcoming published meetings as iCalendar (RFC 5545), for calendar apps to subscribe to."""
    today = dt.datetime.combine(timezone.localdate(), dt.time.min, tzinfo=timezone.get_current_timezone())
    meetings = policy.public_meetings().filter(starts_at__gte=today).select_related("organizer")
    calendar = Calendar()
    calendar.add("prodid", "-//Lamphun Community Development Office//Meeting portal//TH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "การประชุม สำนักงานพัฒนาชุมชนจังหวัดลำพูน")
    calendar.add("x-wr-timezone", "Asia/Bangkok")
    for meeting in meetings.order_by("starts_at"):
        calendar.add_component(_event(request, meeting))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lamphun-meetings.ics"'
    return response


def _event(request: HttpRequest, meeting: Meeting) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{request.get_host()}")
    event.add("dtstamp", meeting.updated_at)
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    if meeting.ends_at:
        event.add("dtend", timezone.localtime(meeting.ends_at))
    event.add("summary", meeting.title)
    if meeting.venue:
        event.add("location", meeting.venue)
    event.add("url", request.build_absolute_uri(reverse("news:detail", args=[meeting.pk])))
    event.add("description", posts.headline(meeting))
    return event


# --- Staff: photos of a meeting ---------------------------------------------------------------------


def _get_meeting_for_photo_editor(request: HttpRequest, pk: int) -> Meeting:
    """A meeting whose photos the user may change (lamphun_portal/policy.py: admins, the organising office)."""
    return policy.get_meeting_for_user(request.user, pk, policy.Action.MANAGE_PHOTOS)


@login_required
def meeting_photos(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _get_meeting_for_photo_editor(request, pk)
    posted = request.method == "POST"  # an empty POST is still a submission that needs its Thai errors
    form = MeetingPhotoForm(
        request.POST if posted else None, request.FILES if posted else None, instance=MeetingPhoto(meeting=meeting)
    )
    if request.method == "POST" and form.is_valid():
        photo = form.save(commit=False)
        photo.uploaded_by = request.user
        photo.order = (meeting.photos.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        photo.save()
        messages.success(request, "เพิ่มภาพแล้ว")
        return redirect("news:meeting_photos", pk=meeting.pk)
    context = {"meeting": meeting, "form": form, "photos": meeting.photos.all()}
    return render(request, "news/meeting_photos.html", context)


@login_required
@require_POST
def delete_photo(request: HttpRequest, pk: int) -> HttpResponse:
    photo = get_object_or_404(MeetingPhoto, pk=pk)
    meeting = _get_meeting_for_photo_editor(request, photo.meeting_id)
    photo.image.delete(save=False)
    photo.delete()
    messages.success(request, "ลบภาพแล้ว")
    return redirect("news:meeting_photos", pk=meeting.pk)
