"""Pages for history: what changed on a meeting or directive, deleting a meeting, and an admin's restores."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from directives.models import Directive
from history import services as history
from lamphun_portal import policy
from meetings.models import Meeting

ENTRIES_PER_PAGE = 50


def _mark_revertable(request: HttpRequest, entries: list[history.ChangeEntry], subject: Meeting | Directive) -> None:
    if not policy.allows(request.user, policy.Action.REVERT, subject):
        return
    for entry in entries:
        entry.revertable = entry.model is type(subject) and entry.record.id == subject.pk and entry.action != "ลบ"


@login_required
def meeting_history(request: HttpRequest, pk: int) -> HttpResponse:
    # A draft's history is as private as the draft: staff of other offices get 403, like on its page.
    meeting = policy.get_meeting_for_user(request.user, pk)
    page = Paginator(history.meeting_change_log(meeting.pk), ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    _mark_revertable(request, page.object_list, meeting)
    can_revert = policy.allows(request.user, policy.Action.REVERT, meeting)
    context = {"subject": meeting, "page": page, "can_revert": can_revert, "kind": "meeting"}
    return render(request, "history/history.html", context)


@login_required
def directive_history(request: HttpRequest, pk: int) -> HttpResponse:
    directive = policy.get_directive_for_user(request.user, pk)
    page = Paginator(history.directive_change_log(directive.pk), ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    _mark_revertable(request, page.object_list, directive)
    can_revert = policy.allows(request.user, policy.Action.REVERT, directive)
    context = {"subject": directive, "page": page, "can_revert": can_revert, "kind": "directive"}
    return render(request, "history/history.html", context)


@login_required
@require_POST
def meeting_revert(request: HttpRequest, pk: int, history_id: int) -> HttpResponse:
    policy.get_meeting_for_user(request.user, pk, policy.Action.REVERT)
    record = get_object_or_404(Meeting.history.exclude(history_type="-"), id=pk, history_id=history_id)
    return _revert(request, record, "history:meeting", pk)


@login_required
@require_POST
def directive_revert(request: HttpRequest, pk: int, history_id: int) -> HttpResponse:
    policy.get_directive_for_user(request.user, pk, policy.Action.REVERT)
    record = get_object_or_404(Directive.history.exclude(history_type="-"), id=pk, history_id=history_id)
    return _revert(request, record, "history:directive", pk)


def _revert(request: HttpRequest, record: object, back: str, pk: int) -> HttpResponse:
    try:
        history.restore_version(record=record, user=request.user)
    except ValidationError as error:
        messages.error(request, "คืนค่าฉบับนี้ไม่ได้: " + " ".join(error.messages))
    else:
        messages.success(request, "คืนค่าเป็นฉบับที่เลือกแล้ว (บันทึกเป็นฉบับใหม่ในประวัติ)")
    return redirect(back, pk=pk)


@login_required
def meeting_delete(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.DELETE)
    if request.method == "POST":
        history.delete_meeting(meeting=meeting, user=request.user)
        messages.success(request, "ลบการประชุมแล้ว หากลบผิด ผู้ดูแลระบบกู้คืนได้จากหน้า “การประชุมที่ถูกลบ”")
        return redirect("meetings:list")
    counts = {
        "attendances": meeting.attendances.count(),
        "agenda_items": meeting.agenda_items.count(),
        "directives": meeting.directives.count(),
    }
    return render(request, "history/meeting_confirm_delete.html", {"meeting": meeting, "counts": counts})


@login_required
def deleted_meetings(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.Action.RESTORE)
    return render(request, "history/deleted_meetings.html", {"deleted": history.deleted_meetings()})


@login_required
@require_POST
def meeting_restore(request: HttpRequest, batch: str) -> HttpResponse:
    policy.require(request.user, policy.Action.RESTORE)
    try:
        meeting = history.restore_deleted_meeting(batch=batch, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("history:deleted")
    messages.success(request, "กู้คืนการประชุมพร้อมผู้เข้าประชุม ระเบียบวาระ และข้อสั่งการแล้ว")
    return redirect(meeting)
