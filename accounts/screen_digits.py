"""Thai digits on screen for the people who choose them (Profile.thai_digits).

The choice is copied into the session when the person signs in and when they save their profile, so that
pages read it without a query; ScreenDigitsMiddleware sets lib/thai's screen-digits switch for the request,
and the date and number filters (meetings/templatetags/thai.py) follow it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from lamphun_portal.lib import thai

SESSION_KEY = "screen_thai_digits"


def remember_screen_digits(request: HttpRequest, *, thai_digits: bool) -> None:
    request.session[SESSION_KEY] = bool(thai_digits)


def remember_at_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """user_logged_in receiver: the person's choice, read once per sign-in."""
    if request is None or not hasattr(request, "session"):
        return
    from .models import Profile

    choice = Profile.objects.filter(user=user).values_list("thai_digits", flat=True).first()
    remember_screen_digits(request, thai_digits=bool(choice))


class ScreenDigitsMiddleware:
    """Pages of a person who chose Thai digits show dates, times and amounts in Thai digits."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        # Only a signed-in person has a session worth reading (an anonymous one would be loaded for nothing).
        wanted = bool(session is not None and request.user.is_authenticated and session.get(SESSION_KEY, False))
        with thai.screen_digits(wanted):
            return self.get_response(request)
