"""A person's own settings page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from invitations.models import CalendarFeed
from lamphun_portal import policy

from .forms import ProfileForm
from .screen_digits import remember_screen_digits


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Shows and saves the signed-in person's settings (there is no way to open anyone else's)."""
    profile = policy.own_profile(request.user)
    # An unticked box sends nothing at all: an empty POST is still a submitted form.
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        remember_screen_digits(request, thai_digits=saved.thai_digits)
        messages.success(request, "บันทึกการตั้งค่าแล้ว")
        return redirect("accounts:profile")
    feed = CalendarFeed.objects.filter(user=request.user).first()
    context = {
        "form": form,
        "office": policy.office_of(request.user),
        "calendar_url": request.build_absolute_uri(feed.get_absolute_url()) if feed else "",
    }
    return render(request, "accounts/profile.html", context)
