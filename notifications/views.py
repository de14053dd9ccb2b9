"""A person's notifications: the list, opening one, marking them all read."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from lamphun_portal import policy

from . import services

PAGE_SIZE = 50


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = policy.readable_notifications(request.user).select_related(
        "event__directive__meeting", "event__meeting", "event__office", "event__actor"
    )
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page, "office": policy.office_of(request.user)})


@login_required
@require_POST
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks the notification read and goes to what it is about."""
    notification = policy.get_notification_for_user(request.user, pk)
    services.mark_read(notification)
    return redirect(notification.event)


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(policy.readable_notifications(request.user))
    messages.success(request, f"ทำเครื่องหมายว่าอ่านแล้ว {count} รายการ" if count else "ไม่มีการแจ้งเตือนที่ยังไม่ได้อ่าน")
    return redirect("notifications:list")
