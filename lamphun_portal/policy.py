"""Who may do what: the one place that answers "may this person see or do this?".

Every page, list, export, search, feed and API answer asks this module; no view, template or serializer
decides on roles itself. Lists go through one queryset function per kind of record (`readable_meetings`,
`readable_directives`, ...); single objects through one `get_..._for_user` that gives 404 when the record
does not exist and 403 when it exists but this person may not do the action. Templates ask through the
`allowed` tag (meetings/templatetags/thai.py), which calls `allows`.

The rules, in the words of the office:
- Staff (เจ้าหน้าที่) record and edit the meetings of their own office while they are drafts, report what
  their office has done on the directives given to it, and keep their own district's program records.
- Officials (ผู้บริหาร) read, and follow directives up.
- Admins (ผู้ดูแลระบบ) do everything, export the official PDFs and reopen checked, certified or published minutes.
- The minutes after the meeting (minutes/services.py has the rules of ระเบียบงานสารบรรณ): staff of the organising
  office (or an admin) send the draft to the checker they name; only that checker approves it or returns it; the
  organising office records its certification by the next meeting or sends it round the members, who each answer;
  the minute-taker, the checker and the chair each sign under their own login; the organising office publishes.
  Nobody certifies or publishes with one click.
- Published minutes' stored PDFs are public, as the published meetings are; earlier ones follow the meeting.
- A draft belongs to the office writing it: until its minutes are certified, a meeting, its directives,
  their progress reports, its photos and its history are seen only by the people of the organising office
  (and by admins). Staff of a responsible office meet the directive once the minutes are certified.
- The public (no login) sees published meetings only, through the news pages and the public feeds.
- A scheduled meeting (นัดประชุม) is read also by the offices and people invited to it: they answer the
  invitation (the invited office's staff, or the organisers on its behalf) and download its documents. Once
  the meeting is held its minutes are the organising office's draft again.
- A person's notifications and settings page are their own: nobody, admins included, reads another's. The
  log of e-mail and LINE deliveries is for admins.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django import template
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Profile
from directives.models import Attachment, Directive, DirectiveUpdate
from invitations.models import Invitation, InvitedPerson, MeetingDocument
from lamphun_portal import roles
from meetings.models import Meeting, Office
from minutes.models import CirculationAnswer, PublishedMinutes
from notifications.models import Notification
from programs.models import Community, Program

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser


class Action(StrEnum):
    """What a person may try to do to a record (or to the portal, for actions on no record)."""

    READ = "read"
    EDIT = "edit"
    DELETE = "delete"
    TRANSITION = "transition"
    EXPORT = "export"
    MANAGE_PHOTOS = "manage_photos"
    REVERT = "revert"
    REPORT = "report"
    FOLLOW_UP = "follow_up"
    REVIEW = "review"
    REVIEW_ANY = "review_any"
    OFFICE_WORK = "office_work"
    RECORD = "record"
    IMPORT_NEWS = "import_news"
    RESTORE = "restore"
    EDIT_RECORDS = "edit_records"
    RUN_PORTAL = "run_portal"
    INVITE = "invite"
    ANSWER = "answer"
    SEND_FOR_CHECK = "send_for_check"
    CHECK = "check"
    CERTIFY = "certify"
    ANSWER_CIRCULATION = "answer_circulation"
    SIGN = "sign"
    PUBLISH = "publish"
    EXPORT_WORD = "export_word"


# --- Who someone is -------------------------------------------------------------------------------------


def is_admin(user: User) -> bool:
    return roles.is_admin(user)


def is_official(user: User) -> bool:
    return roles.has_role(user, roles.OFFICIAL)


def is_staff_member(user: User) -> bool:
    return roles.has_role(user, roles.STAFF)


def is_reader(user: User) -> bool:
    """Signed in with one of the portal's roles: reads meetings, directives and programs."""
    return is_admin(user) or is_official(user) or is_staff_member(user)


def office_of(user: User) -> Office | None:
    return roles.office_of(user)


def _office_pk(user: User) -> int | None:
    office = office_of(user)
    return office.pk if office is not None else None


def _sees_every_draft(user: User) -> bool:
    return is_admin(user)


# --- Meetings -------------------------------------------------------------------------------------------


def _draft_visible(user: User, prefix: str = "") -> Q:
    """Q for "not a draft, or a draft of the user's own office, or a scheduled meeting the user or their office
    is invited to" on a meeting reached through `prefix`."""
    office_pk = _office_pk(user)
    not_draft = ~Q(**{f"{prefix}status__in": Meeting.WORKING_STATUSES})
    # Subqueries, not joins: a join on the invitations would repeat a meeting once per invited office.
    invited = []
    if user.pk is not None:
        invited.append(InvitedPerson.objects.filter(person__user_id=user.pk).values("meeting"))
    if office_pk is not None:
        invited.append(Invitation.objects.filter(office_id=office_pk).values("meeting"))
    scheduled_for_me = Q(pk__in=[])
    for meetings in invited:
        scheduled_for_me |= Q(**{f"{prefix}status": Meeting.Status.SCHEDULED, f"{prefix}pk__in": meetings})
    if office_pk is None:
        return not_draft | scheduled_for_me
    return not_draft | Q(**{f"{prefix}organizer_id": office_pk}) | scheduled_for_me


def readable_meetings(user: User, queryset: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """The meetings a person may read (the list, search, API, feeds, program pages all start here)."""
    queryset = Meeting.objects.all() if queryset is None else queryset
    if not is_reader(user):
        return queryset.none()
    if _sees_every_draft(user):
        return queryset
    return queryset.filter(_draft_visible(user))


def public_meetings(queryset: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """What anyone may read without signing in: published meetings."""
    queryset = Meeting.objects.all() if queryset is None else queryset
    return queryset.filter(status=Meeting.Status.PUBLISHED)


def _is_own_office(user: User, meeting: Meeting) -> bool:
    office_pk = _office_pk(user)
    return office_pk is not None and office_pk == meeting.organizer_id


def can_read_meeting(user: User, meeting: Meeting) -> bool:
    if not is_reader(user):
        return False
    if meeting.status not in Meeting.WORKING_STATUSES or _sees_every_draft(user):
        return True
    return _is_own_office(user, meeting) or (meeting.status == Meeting.Status.SCHEDULED and is_invited(user, meeting))


def is_invited(user: User, meeting: Meeting) -> bool:
    """The person, or their office, is invited to the meeting."""
    office_pk = _office_pk(user)
    by_office = office_pk is not None and Invitation.objects.filter(meeting=meeting, office_id=office_pk).exists()
    return by_office or InvitedPerson.objects.filter(meeting=meeting, person__user_id=user.pk).exists()


def can_invite(user: User, meeting: Meeting) -> bool:
    """Sending the letter and adding documents: those who may edit the meeting, while it is still scheduled."""
    return meeting.status == Meeting.Status.SCHEDULED and can_edit_meeting(user, meeting)


def can_answer_invitation(user: User, invitation: Invitation) -> bool:
    """An invited office answers through its staff; the organisers may write down an answer given by telephone.
    Only while the meeting is still to be held."""
    meeting = invitation.meeting
    if meeting.status != Meeting.Status.SCHEDULED or not can_read_meeting(user, meeting):
        return False
    own = is_staff_member(user) and _office_pk(user) == invitation.office_id
    return own or can_edit_meeting(user, meeting)


def answerable_invitations(user: User, meeting: Meeting) -> list[Invitation]:
    """The invitations of the meeting this person may answer."""
    invitations = meeting.invitations.select_related("office", "meeting")
    return [invitation for invitation in invitations if can_answer_invitation(user, invitation)]


def get_invitation_for_user(user: User, pk: int, action: str = Action.READ) -> Invitation:
    """The invitation, 404 when there is none, 403 when its meeting may not be read or `action` not done."""
    invitation = get_object_or_404(Invitation.objects.select_related("meeting__organizer", "office"), pk=pk)
    _require(user, action, invitation)
    return invitation


def get_document_for_user(user: User, pk: int) -> MeetingDocument:
    """A document of a meeting, 404 when there is none, 403 when the meeting may not be read."""
    document = get_object_or_404(MeetingDocument.objects.select_related("meeting"), pk=pk)
    _require(user, Action.READ, document.meeting)
    return document


def recording_offices(user: User) -> QuerySet[Office]:
    """Offices a person may record meetings for: their own (staff), or every office (admins)."""
    if is_admin(user):
        return Office.objects.all()
    office_pk = _office_pk(user)
    if is_staff_member(user) and office_pk is not None:
        return Office.objects.filter(pk=office_pk)
    return Office.objects.none()


def can_record_meetings(user: User) -> bool:
    return is_admin(user) or (is_staff_member(user) and _office_pk(user) is not None)


def can_edit_meeting(user: User, meeting: Meeting) -> bool:
    """Admins edit any meeting; staff edit their own office's drafts (certified minutes are locked)."""
    if is_admin(user):
        return True
    editable = (Meeting.Status.SCHEDULED, Meeting.Status.DRAFT)
    return is_staff_member(user) and meeting.status in editable and _is_own_office(user, meeting)


def can_delete_meeting(user: User, meeting: Meeting) -> bool:
    """Deleting needs at least the right to edit: staff cannot delete minutes they may no longer change. Minutes
    once published are the office's record: a meeting whose published PDF is stored is kept."""
    return can_edit_meeting(user, meeting) and not PublishedMinutes.objects.filter(meeting=meeting).exists()


def allowed_transitions(user: User, meeting: Meeting) -> list[str]:
    """The statuses this person may move the minutes to with the plain status button: a scheduled meeting that has
    been held becomes a draft; an admin reopens checked, certified or published minutes. Checking, certifying and
    publishing have their own steps (can_check_minutes, can_certify_minutes, can_publish_minutes)."""
    if is_admin(user) and meeting.status not in (Meeting.Status.SCHEDULED, Meeting.Status.DRAFT):
        return [Meeting.Status.DRAFT]
    if meeting.status == Meeting.Status.SCHEDULED and _organising_or_admin(user, meeting):
        return [Meeting.Status.DRAFT]
    return []


def _organising_or_admin(user: User, meeting: Meeting) -> bool:
    return is_admin(user) or (is_staff_member(user) and _is_own_office(user, meeting))


def _review(meeting: Meeting) -> Any:
    from minutes.models import MinutesReview

    try:
        return meeting.minutes_review
    except MinutesReview.DoesNotExist:
        return None


def _certification(meeting: Meeting) -> Any:
    from minutes.models import Certification

    try:
        return meeting.certification
    except Certification.DoesNotExist:
        return None


def can_send_for_check(user: User, meeting: Meeting) -> bool:
    """The minute-taker (staff of the organising office, or an admin) sends a draft to the checker they name."""
    review = _review(meeting)
    waiting = review is not None and review.awaiting_check
    return meeting.status == Meeting.Status.DRAFT and _organising_or_admin(user, meeting) and not waiting


def can_check_minutes(user: User, meeting: Meeting) -> bool:
    """Only the checker named for the draft approves it or returns it, and only while it waits for them."""
    review = _review(meeting)
    return (
        meeting.status == Meeting.Status.DRAFT
        and review is not None
        and review.awaiting_check
        and user.is_authenticated
        and review.checker_id == user.pk
        and can_read_meeting(user, meeting)
    )


def possible_checkers(user: User, meeting: Meeting) -> QuerySet[Any]:
    """Whom the minute-taker may name as checker: active accounts with a role that may read the draft (the
    organising office's staff and officials, and admins), themselves excepted."""
    from django.contrib.auth import get_user_model

    office_people = Q(person__office_id=meeting.organizer_id, groups__name__in=[roles.STAFF, roles.OFFICIAL])
    admins = Q(groups__name=roles.ADMIN) | Q(is_superuser=True)
    accounts = get_user_model().objects.filter(is_active=True).filter(office_people | admins)
    return accounts.exclude(pk=user.pk).distinct().order_by("first_name", "last_name", "username")


def organising_office_accounts(meeting: Meeting) -> QuerySet[Any]:
    """The active accounts of the organising office's staff and officials (who answer a circulation when no attendee
    with an account may read the minutes)."""
    from django.contrib.auth import get_user_model

    office_people = Q(person__office_id=meeting.organizer_id, groups__name__in=[roles.STAFF, roles.OFFICIAL])
    return get_user_model().objects.filter(is_active=True).filter(office_people).distinct().order_by("pk")


def can_certify_minutes(user: User, meeting: Meeting) -> bool:
    """Checked minutes: the organising office records the next meeting's certification or starts a circulation."""
    return (
        meeting.status == Meeting.Status.CHECKED
        and _organising_or_admin(user, meeting)
        and _certification(meeting) is None
    )


def can_answer_circulation(user: User, meeting: Meeting) -> bool:
    """A member of an open circulation who has not answered yet."""
    certification = _certification(meeting)
    if meeting.status != Meeting.Status.CHECKED or certification is None or not certification.is_open:
        return False
    if not user.is_authenticated or not can_read_meeting(user, meeting):
        return False
    return CirculationAnswer.objects.filter(certification=certification, member=user, answered_at=None).exists()


def can_sign_minutes(user: User, meeting: Meeting) -> bool:
    """The minute-taker, the checker and the chair sign the certified minutes under their own login."""
    from minutes.services import roles_to_sign

    return can_read_meeting(user, meeting) and bool(roles_to_sign(user, meeting))


def can_publish_minutes(user: User, meeting: Meeting) -> bool:
    """The organising office (or an admin) publishes certified minutes; an admin publishes again after a change."""
    from minutes.services import has_unpublished_changes

    if meeting.status == Meeting.Status.CERTIFIED:
        return _organising_or_admin(user, meeting)
    return is_admin(user) and has_unpublished_changes(meeting)


def can_export_word(user: User, meeting: Meeting) -> bool:
    """The minutes as a Word file, to finish the document: those who write them (staff of the organising office)
    and admins."""
    return can_read_meeting(user, meeting) and _organising_or_admin(user, meeting)


def can_read_published_minutes(user: User, stored: PublishedMinutes) -> bool:
    """A stored PDF of published minutes is public while the meeting is published; otherwise its readers'."""
    return stored.meeting.status == Meeting.Status.PUBLISHED or can_read_meeting(user, stored.meeting)


def get_published_minutes_for_user(user: User, pk: int) -> PublishedMinutes:
    """The stored PDF, 404 when there is none, 403 when its meeting may not be read."""
    stored = get_object_or_404(PublishedMinutes.objects.select_related("meeting"), pk=pk)
    _require(user, Action.READ, stored)
    return stored


def can_export(user: User) -> bool:
    """The official PDFs (minutes, fiscal-year book) are exported by admins."""
    return is_admin(user)


def can_manage_photos(user: User, meeting: Meeting) -> bool:
    """The photos of a meeting's news post: admins, and staff of the organising office."""
    return is_admin(user) or (is_staff_member(user) and _is_own_office(user, meeting))


def can_revert(user: User) -> bool:
    """Going back to an older version, and restoring deleted meetings, is an admin's act."""
    return is_admin(user)


def can_import_news(user: User) -> bool:
    return can_record_meetings(user)


_MEETING_RULES = {
    Action.READ: can_read_meeting,
    Action.EDIT: can_edit_meeting,
    Action.DELETE: can_delete_meeting,
    Action.TRANSITION: lambda user, meeting: bool(allowed_transitions(user, meeting)),
    Action.EXPORT: lambda user, meeting: can_export(user) and can_read_meeting(user, meeting),
    Action.MANAGE_PHOTOS: can_manage_photos,
    Action.REVERT: lambda user, meeting: can_revert(user) and can_read_meeting(user, meeting),
    Action.INVITE: can_invite,
    Action.SEND_FOR_CHECK: can_send_for_check,
    Action.CHECK: can_check_minutes,
    Action.CERTIFY: can_certify_minutes,
    Action.ANSWER_CIRCULATION: can_answer_circulation,
    Action.SIGN: can_sign_minutes,
    Action.PUBLISH: can_publish_minutes,
    Action.EXPORT_WORD: can_export_word,
}

_INVITATION_RULES = {
    Action.READ: lambda user, invitation: can_read_meeting(user, invitation.meeting),
    Action.ANSWER: can_answer_invitation,
}


def get_meeting_for_user(user: User, pk: int, action: str = Action.READ) -> Meeting:
    """The meeting, or 404 when there is none, or 403 when this person may not read it or do `action`."""
    meeting = get_object_or_404(Meeting.objects.select_related("organizer"), pk=pk)
    _require(user, action, meeting)
    return meeting


# --- Directives and their progress reports ----------------------------------------------------------------


def readable_directives(user: User, queryset: QuerySet[Directive] | None = None) -> QuerySet[Directive]:
    """Directives of the meetings a person may read."""
    queryset = Directive.objects.all() if queryset is None else queryset
    if not is_reader(user):
        return queryset.none()
    if _sees_every_draft(user):
        return queryset
    return queryset.filter(_draft_visible(user, "meeting__"))


def readable_search_documents(user: User, queryset: QuerySet) -> QuerySet:
    """Search documents (search.models.SearchDocument) of the meetings and directives a person may read.

    A document carries its meeting's status, so most are decided on it alone: what is past the working
    statuses is read by every reader. A document of a meeting still at work is read when readable_meetings
    gives that meeting (the organising office, invitees of a scheduled meeting): the same rule, asked of it."""
    from search.models import Kind

    if not is_reader(user):
        return queryset.none()
    if _sees_every_draft(user):
        return queryset
    working = readable_meetings(user).filter(status__in=Meeting.WORKING_STATUSES).values("pk")
    return queryset.filter(
        ~Q(status__in=Meeting.WORKING_STATUSES)
        | Q(kind=Kind.MEETING, object_id__in=working)
        | Q(kind=Kind.DIRECTIVE, object_id__in=Directive.objects.filter(meeting__in=working).values("pk"))
    )


def readable_directive_updates(
    user: User, queryset: QuerySet[DirectiveUpdate] | None = None
) -> QuerySet[DirectiveUpdate]:
    """The follow-up trail of the directives a person may read; a later meeting's resolution on a directive only
    once that meeting's minutes may be read too (a draft's resolution stays inside its office)."""
    queryset = DirectiveUpdate.objects.all() if queryset is None else queryset
    if not is_reader(user):
        return queryset.none()
    if _sees_every_draft(user):
        return queryset
    later_meeting = Q(meeting__isnull=True) | _draft_visible(user, "meeting__")
    return queryset.filter(_draft_visible(user, "directive__meeting__")).filter(later_meeting)


def can_read_directive(user: User, directive: Directive) -> bool:
    return can_read_meeting(user, directive.meeting)


def reporting_offices(user: User, directive: Directive) -> list[tuple[Office, Office | None]]:
    """The (office, on behalf of) pairs this person may report progress for.

    Staff report for their own office when it is responsible. Directives given to outside agencies (กำนัน
    ผู้ใหญ่บ้าน, กกต., ...) are reported by a liaison office on their behalf: the one the directive names, else
    the provincial office. Admins report for any responsible office. Nothing is reported on a directive that
    is done or cancelled, nor on one the person may not read or whose minutes are still a draft.
    """
    if not directive.is_unfinished or not directive.meeting.is_certified:
        return []
    if not can_read_directive(user, directive):
        return []
    responsible = list(directive.responsible_offices.all())
    outside = [office for office in responsible if office.kind == Office.Kind.PARTNER]
    liaison = directive.liaison_office or (default_liaison_office() if outside else None)
    if is_admin(user):
        own = [(office, None) for office in responsible if office.kind != Office.Kind.PARTNER]
        return own + [(liaison, agency) for agency in outside if liaison is not None]
    office = office_of(user)
    if office is None or not is_staff_member(user):
        return []
    inside = [o for o in responsible if o.kind != Office.Kind.PARTNER]
    pairs: list[tuple[Office, Office | None]] = [(office, None)] if any(o.pk == office.pk for o in inside) else []
    if liaison is not None and liaison.pk == office.pk:
        pairs += [(office, agency) for agency in outside]
    return pairs


def default_liaison_office() -> Office | None:
    """The office that reports for outside agencies when a directive names no liaison: the provincial office."""
    return Office.objects.filter(name=settings.PORTAL_OFFICE_NAME).first()


def can_report_progress(user: User, directive: Directive) -> bool:
    """Admins, staff of a responsible office, and staff of the liaison office of outside agencies."""
    return bool(reporting_offices(user, directive))


def can_follow_up(user: User, directive: Directive) -> bool:
    """Officials and admins ask for reports and give further instructions on directives the offices see."""
    if not (is_official(user) or is_admin(user)) or not can_read_directive(user, directive):
        return False
    return directive.meeting.is_certified and directive.is_unfinished


def can_review(user: User, directive: Directive) -> bool:
    """Officials and admins accept (ตรวจรับ) or send back a reported completion."""
    return can_follow_up(user, directive) and directive.status == Directive.Status.REPORTED


def reviewable_directives(user: User) -> QuerySet[Directive]:
    """Reported results waiting for acceptance, for officials and admins."""
    if not (is_official(user) or is_admin(user)):
        return Directive.objects.none()
    return readable_directives(user).filter(status=Directive.Status.REPORTED, meeting__in=Meeting.objects.certified())


def office_directives(user: User) -> QuerySet[Directive]:
    """What the person's office must act on: unfinished directives given to it, or reported for by it as the
    liaison of outside agencies, that it may see."""
    office = office_of(user)
    if office is None or not is_staff_member(user):
        return Directive.objects.none()
    liaison = Q(liaison_office=office)
    if office == default_liaison_office():
        liaison |= Q(liaison_office__isnull=True, responsible_offices__kind=Office.Kind.PARTNER)
    assigned = Directive.objects.filter(Q(responsible_offices=office) | liaison).values("pk")
    given = readable_directives(user).filter(meeting__status__in=Meeting.CERTIFIED_STATUSES)
    return given.unfinished().filter(pk__in=assigned)


def readable_attachments(user: User, queryset: QuerySet[Attachment] | None = None) -> QuerySet[Attachment]:
    """Files sent with progress reports on the directives a person may read."""
    queryset = Attachment.objects.all() if queryset is None else queryset
    return queryset.filter(update__directive__in=readable_directives(user).values("pk"))


def get_attachment_for_user(user: User, pk: int) -> Attachment:
    """The attachment, 404 when there is none, 403 when its directive may not be read."""
    attachment = get_object_or_404(Attachment.objects.select_related("update__directive__meeting"), pk=pk)
    _require(user, Action.READ, attachment.update.directive)
    return attachment


_DIRECTIVE_RULES = {
    Action.READ: can_read_directive,
    Action.REPORT: can_report_progress,
    Action.FOLLOW_UP: can_follow_up,
    Action.REVIEW: can_review,
    Action.REVERT: lambda user, directive: can_revert(user) and can_read_directive(user, directive),
}


def get_directive_for_user(
    user: User, pk: int, action: str = Action.READ, queryset: QuerySet[Directive] | None = None
) -> Directive:
    """The directive (from `queryset`, for what the page prefetches), 404 when there is none, 403 when not allowed."""
    queryset = Directive.objects.all() if queryset is None else queryset
    directive = get_object_or_404(queryset.select_related("meeting"), pk=pk)
    _require(user, action, directive)
    return directive


def followed_up_directives(queryset: QuerySet[Directive] | None = None) -> QuerySet[Directive]:
    """Directives their responsible offices work on, and are reminded of: those of minutes no longer drafts."""
    queryset = Directive.objects.all() if queryset is None else queryset
    return queryset.filter(meeting__status__in=Meeting.CERTIFIED_STATUSES)


# --- Programs and communities -----------------------------------------------------------------------------


def can_read_programs(user: User) -> bool:
    return is_reader(user)


def editable_districts(user: User, districts: list[str]) -> list[str]:
    """The districts (of those given) whose program records the person may edit."""
    if is_admin(user):
        return list(districts)
    if not is_staff_member(user):
        return []
    return roles.editable_districts(user, districts)


def can_edit_district(user: User, district: str) -> bool:
    """Admins edit every district's program records; staff of a district office only their own district's."""
    return bool(editable_districts(user, [district]))


def get_program_for_user(user: User, code: str) -> Program:
    if not can_read_programs(user):
        raise PermissionDenied
    return get_object_or_404(Program, code=code)


def get_community_for_user(user: User, pk: int, action: str = Action.READ) -> Community:
    if not can_read_programs(user):
        raise PermissionDenied
    community = get_object_or_404(Community, pk=pk)
    if action == Action.EDIT_RECORDS and not can_edit_district(user, community.district):
        raise PermissionDenied
    return community


# --- Notifications and a person's own settings -----------------------------------------------------------


def readable_notifications(user: User, queryset: QuerySet[Notification] | None = None) -> QuerySet[Notification]:
    """A person's own notifications, about what they may read (a draft stays inside its office here too)."""
    queryset = Notification.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    about_readable = Q(event__directive__isnull=True) | Q(event__directive__in=readable_directives(user))
    meeting_readable = Q(event__meeting__isnull=True) | Q(event__meeting__in=readable_meetings(user))
    return queryset.filter(about_readable, meeting_readable, recipient=user)


def can_read_notification(user: User, notification: Notification) -> bool:
    if not user.is_authenticated or notification.recipient_id != user.pk:
        return False
    directive, meeting = notification.event.directive, notification.event.meeting
    if meeting is not None and not can_read_meeting(user, meeting):
        return False
    return directive is None or can_read_directive(user, directive)


def get_notification_for_user(user: User, pk: int) -> Notification:
    """The notification, 404 when there is none, 403 when it is someone else's (or about what they may not read)."""
    notification = get_object_or_404(
        Notification.objects.select_related("event__directive__meeting", "event__meeting"), pk=pk
    )
    _require(user, Action.READ, notification)
    return notification


def own_profile(user: User) -> Profile:
    """The signed-in person's own settings; there is no way to ask for anyone else's."""
    if not user.is_authenticated:
        raise PermissionDenied
    return Profile.objects.for_user(user)


def can_read_delivery_log(user: User) -> bool:
    """Which e-mail and LINE messages went out, to whom, and why one failed: admins."""
    return is_admin(user)


# --- One question for templates and for generic code ------------------------------------------------------

_GLOBAL_RULES = {
    Action.READ: is_reader,
    Action.RECORD: can_record_meetings,
    Action.IMPORT_NEWS: can_import_news,
    Action.EXPORT: can_export,
    Action.RESTORE: can_revert,
    Action.EDIT_RECORDS: lambda user: bool(editable_districts(user, _all_districts())),
    Action.RUN_PORTAL: lambda user: can_use_admin_site(user),
    Action.REVIEW_ANY: lambda user: is_official(user) or is_admin(user),
    Action.OFFICE_WORK: lambda user: is_staff_member(user) and office_of(user) is not None,
}


def can_use_admin_site(user: User) -> bool:
    """Django's admin (users, offices, settings) opens for active staff accounts, as Django's own check."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def _all_districts() -> list[str]:
    from programs.models import District

    return list(District.values)


def allows(user: User, action: str, record: Any = None) -> bool:
    """Whether `user` may do `action` to `record` (or to the portal, when there is no record)."""
    if record is None:
        rules: dict[str, Any] = _GLOBAL_RULES
        rule = rules.get(action)
        return bool(rule and rule(user))
    if isinstance(record, Meeting):
        rule = _MEETING_RULES.get(action)
    elif isinstance(record, Directive):
        rule = _DIRECTIVE_RULES.get(action)
    elif isinstance(record, Community):
        rule = {Action.READ: lambda u, c: can_read_programs(u), Action.EDIT_RECORDS: _can_edit_community}.get(action)
    elif isinstance(record, Program):
        rule = {Action.READ: lambda u, p: can_read_programs(u), Action.EDIT_RECORDS: _can_edit_program}.get(action)
    elif isinstance(record, Invitation):
        rule = _INVITATION_RULES.get(action)
    elif isinstance(record, Notification):
        rule = {Action.READ: can_read_notification}.get(action)
    elif isinstance(record, PublishedMinutes):
        rule = {Action.READ: can_read_published_minutes}.get(action)
    else:
        raise TypeError(f"no rule for {type(record).__name__}")
    if rule is None:
        raise ValueError(f"no rule for {action!r} on {type(record).__name__}")
    return bool(rule(user, record))


def _can_edit_community(user: User, community: Community) -> bool:
    return can_edit_district(user, community.district)


def _can_edit_program(user: User, program: Program) -> bool:
    return bool(editable_districts(user, _all_districts()))


def _require(user: User, action: str, record: Any) -> None:
    """403 unless the person may read the record and do `action` to it."""
    if not allows(user, Action.READ, record) or not allows(user, action, record):
        raise PermissionDenied


def require(user: User, action: str, record: Any = None) -> None:
    """403 unless `allows(user, action, record)`."""
    if not allows(user, action, record):
        raise PermissionDenied


# --- Templates: {% allowed "edit" meeting as can_edit %} ---------------------------------------------------
# A builtin tag library (settings.TEMPLATES), so that no template decides on roles or permissions itself:
# a link or button is shown only when the reader may follow it.
register = template.Library()


@register.simple_tag(takes_context=True)
def allowed(context: template.Context, action: str, record: Any = None) -> bool:
    """Whether the signed-in reader of the page may do `action` (to `record`)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return user is not None and allows(user, action, record)
