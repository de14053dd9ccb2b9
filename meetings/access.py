"""Who may see and change which meeting.

Staff (เจ้าหน้าที่) record and edit the draft meetings of their own office; officials (ผู้บริหาร) read
everything; admins (ผู้ดูแลระบบ) do everything, including editing certified minutes. A draft belongs to
the office writing it: staff of other offices do not see it until it is certified.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from . import roles
from .models import Meeting, Office

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
    from django.db.models import QuerySet

    User = AbstractBaseUser | AnonymousUser


def can_read_meetings(user: User) -> bool:
    return user.is_authenticated and user.has_perm("meetings.view_meeting")


def visible_meetings(user: User, queryset: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """The meetings a user may read: everything for officials and admins, drafts of their own office for staff."""
    queryset = Meeting.objects.all() if queryset is None else queryset
    if not can_read_meetings(user):
        return queryset.none()
    if roles.is_admin(user) or roles.has_role(user, roles.OFFICIAL):
        return queryset
    office = roles.office_of(user)
    return queryset.filter(~Q(status=Meeting.Status.DRAFT) | Q(organizer=office))


def can_view(user: User, meeting: Meeting) -> bool:
    if not can_read_meetings(user):
        return False
    if meeting.status != Meeting.Status.DRAFT or roles.is_admin(user) or roles.has_role(user, roles.OFFICIAL):
        return True
    return meeting.organizer_id == getattr(roles.office_of(user), "pk", None)


def recording_offices(user: User) -> QuerySet[Office]:
    """Offices a user may record meetings for: their own, or every office for an admin."""
    if not (user.is_authenticated and user.has_perm("meetings.add_meeting")):
        return Office.objects.none()
    if roles.is_admin(user):
        return Office.objects.all()
    office = roles.office_of(user)
    return Office.objects.filter(pk=office.pk) if office else Office.objects.none()


def can_create(user: User) -> bool:
    return recording_offices(user).exists()


def _is_own_office(user: User, meeting: Meeting) -> bool:
    office = roles.office_of(user)
    return office is not None and office.pk == meeting.organizer_id


def can_edit(user: User, meeting: Meeting) -> bool:
    """Admins edit any meeting; staff edit their office's drafts (certified minutes are locked)."""
    if not (user.is_authenticated and user.has_perm("meetings.change_meeting")):
        return False
    if roles.is_admin(user):
        return True
    return meeting.status == Meeting.Status.DRAFT and _is_own_office(user, meeting)


def allowed_transitions(user: User, meeting: Meeting) -> list[str]:
    """The statuses this user may move the meeting to from where it is now."""
    if not (user.is_authenticated and user.has_perm("meetings.change_meeting")):
        return []
    admin = roles.is_admin(user)
    if not (admin or _is_own_office(user, meeting)):
        return []
    forward = {
        Meeting.Status.DRAFT: [Meeting.Status.CERTIFIED],
        Meeting.Status.CERTIFIED: [Meeting.Status.PUBLISHED],
        Meeting.Status.PUBLISHED: [],
    }[meeting.status]
    # Only an admin reopens certified or published minutes: they are the office's record.
    back = [Meeting.Status.DRAFT] if admin and meeting.status != Meeting.Status.DRAFT else []
    return [*forward, *back]


def get_meeting_for_user(user: User, pk: int, *, for_edit: bool = False) -> Meeting:
    """The meeting, or 404 when there is none, or PermissionDenied (403) when this user may not see or edit it."""
    meeting = get_object_or_404(Meeting.objects.select_related("organizer"), pk=pk)
    if not can_view(user, meeting):
        raise PermissionDenied
    if for_edit and not can_edit(user, meeting):
        raise PermissionDenied
    return meeting
