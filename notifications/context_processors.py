"""The unread count in the top navigation of every page."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from lamphun_portal import policy


def unread_notifications(request: HttpRequest) -> dict[str, object]:
    """`unread_notification_count`: one COUNT query, run only if the page shows it (fragments do not)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notification_count": SimpleLazyObject(lambda: policy.readable_notifications(user).unread().count())}
