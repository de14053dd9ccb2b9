"""The minutes after the meeting, each step one transaction: checked, certified, signed, published.

The rules of ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ as the portal applies them:

- The minute-taker (the account that sends the draft to its checker) names a checker; only that checker approves
  the draft (→ ตรวจแล้ว) or returns it with comments (it stays a draft; the comment stays in the trail).
- Checked minutes are certified either by the next meeting of the same series, in its agenda item 2
  (รับรองรายงานการประชุมครั้งที่แล้ว), or by circulation (เวียนรับรอง) to the members.
  The series: meetings of the same organising office with the same title once the meeting number
  ("ครั้งที่ 3/2563") and spacing are set aside (`series_title`); the next meeting is the earliest later one of the
  series that has been held (no longer นัดประชุม).
  The members of a circulation: the people who came to the meeting (present or substitutes) whose accounts may read
  the minutes; when there are none, the staff and officials of the organising office. The minute-taker is never a
  member: whoever drafted cannot certify alone. The minutes are certified when every member has answered;
  "รับรองโดยมีการแก้ไข" when any member asked for an amendment, the amendments kept with who asked.
- Certified minutes are signed by typed name, under each signer's own login, by the minute-taker, the checker and
  the chair (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ (ฉบับที่ 4) พ.ศ. 2564: signing inside a system with verified
  sign-in). All three signatures are needed to publish.
- Publishing freezes the minutes: the PDF is rendered, digitally signed when a certificate is configured
  (lamphun_portal/lib/signing.py), and stored with its SHA-256 as a new numbered version; stored versions are
  never changed.
- An admin who reopens the minutes starts the round again: the certification and the signatures of the round are
  deleted (their history rows keep them), the checking trail and the published versions stay.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from lamphun_portal import policy
from lamphun_portal.lib import signing, thai
from meetings.models import Attendance, Meeting, MeetingTransition
from meetings.services import transition_meeting

from .models import (
    Certification,
    CirculationAnswer,
    MinutesReview,
    Outcome,
    PublishedMinutes,
    ReviewStep,
    Signature,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, User


def _error(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _locked(meeting: Meeting) -> Meeting:
    """The meeting as it is now, locked until the step commits (two clicks at once make one step)."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.status, meeting.version = current.status, current.version
    return current


def review_of(meeting: Meeting) -> MinutesReview | None:
    return MinutesReview.objects.filter(meeting=meeting).select_related("drafted_by", "checker").first()


# --- Checking -------------------------------------------------------------------------------------------------


@transaction.atomic
def send_for_checking(*, meeting: Meeting, checker: AbstractBaseUser, user: AbstractBaseUser) -> MinutesReview:
    """The minute-taker sends the draft to the checker they name."""
    current = _locked(meeting)
    if current.status != Meeting.Status.DRAFT:
        raise _error("ส่งตรวจได้เฉพาะรายงานการประชุมที่เป็นร่าง", "not_draft")
    if checker.pk == user.pk:
        raise _error("ผู้จดรายงานการประชุมตรวจรายงานของตนเองไม่ได้ กรุณาเลือกผู้ตรวจคนอื่น", "self_check")
    if not policy.possible_checkers(user, current).filter(pk=checker.pk).exists():
        raise _error("ผู้ที่เลือกไม่มีสิทธิ์อ่านรายงานการประชุมนี้ จึงเป็นผู้ตรวจไม่ได้", "checker_cannot_read")
    review, _ = MinutesReview.objects.select_for_update().get_or_create(meeting=current)
    if review.awaiting_check:
        raise _error("รายงานการประชุมนี้ส่งตรวจแล้ว กำลังรอผู้ตรวจ", "already_sent")
    review.drafted_by, review.checker, review.awaiting_check = user, checker, True
    review.save()
    ReviewStep.objects.create(meeting=current, kind=ReviewStep.Kind.SENT, by=user)
    return review


@transaction.atomic
def check_minutes(*, meeting: Meeting, user: AbstractBaseUser, approve: bool, comment: str = "") -> ReviewStep:
    """The named checker approves the draft (→ ตรวจแล้ว) or returns it with comments (it stays a draft)."""
    current = _locked(meeting)
    review = MinutesReview.objects.select_for_update().filter(meeting=current).first()
    if current.status != Meeting.Status.DRAFT or review is None or not review.awaiting_check:
        raise _error("รายงานการประชุมนี้ไม่ได้รอการตรวจ", "not_awaiting")
    if review.checker_id != user.pk:
        raise _error("ตรวจได้เฉพาะผู้ตรวจที่ผู้จดรายงานการประชุมระบุ", "not_the_checker")
    comment = comment.strip()
    if not approve and not comment:
        raise _error("กรุณาระบุความเห็นว่าต้องแก้ไขอะไร ก่อนส่งกลับ", "comment_required")
    review.awaiting_check = False
    review.save(update_fields=["awaiting_check"])
    kind = ReviewStep.Kind.APPROVED if approve else ReviewStep.Kind.RETURNED
    step = ReviewStep.objects.create(meeting=current, kind=kind, by=user, comment=comment)
    if approve:
        transition_meeting(meeting=meeting, to_status=Meeting.Status.CHECKED, user=user)
    return step


# --- Certification --------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"ครั้งที่\s*[0-9๐-๙]+(?:\s*/\s*[0-9๐-๙]{4})?")
_SPACES = re.compile(r"\s+")


def series_title(title: str) -> str:
    """The title that names a series of meetings: without its meeting number, spacing folded."""
    return _SPACES.sub(" ", _NUMBER.sub(" ", thai.arabic_digits(title or ""))).strip()


def next_in_series(meeting: Meeting) -> Meeting | None:
    """The next meeting of the same series that has been held: same office, same series title, later."""
    later = (
        Meeting.objects.filter(organizer_id=meeting.organizer_id, starts_at__gt=meeting.starts_at)
        .exclude(status=Meeting.Status.SCHEDULED)
        .order_by("starts_at", "pk")
    )
    wanted = series_title(meeting.title)
    # Titles are compared in Python: the number may be written in Thai or Arabic digits, in the title or not.
    return next(
        (other for other in later.only("pk", "title", "starts_at") if series_title(other.title) == wanted), None
    )


@transaction.atomic
def certify_at_next_meeting(
    *, meeting: Meeting, outcome: str, amendments: str, user: AbstractBaseUser
) -> Certification:
    """Record the next meeting's agenda item 2: the minutes certified, unchanged or with the amendments kept."""
    current = _locked(meeting)
    if current.status != Meeting.Status.CHECKED:
        raise _error("รับรองได้เฉพาะรายงานการประชุมที่ผู้ตรวจตรวจแล้ว", "not_checked")
    if Certification.objects.filter(meeting=current).exists():
        raise _error("รายงานการประชุมนี้อยู่ระหว่างการเวียนรับรองแล้ว", "already_certifying")
    amendments = amendments.strip()
    if outcome not in Outcome.values:
        raise _error("กรุณาเลือกผลการรับรอง", "outcome_required")
    if outcome == Outcome.AMENDED and not amendments:
        raise _error("รับรองโดยมีการแก้ไข: กรุณาระบุการแก้ไข", "amendments_required")
    if outcome == Outcome.UNCHANGED:
        amendments = ""
    following = next_in_series(current)
    if following is None:
        raise _error(
            "ยังไม่มีการประชุมครั้งถัดไปของชุดนี้ (หน่วยงานเดียวกัน ชื่อการประชุมเดียวกัน จัดหลังจากนี้ และประชุมแล้ว) "
            "กรุณาบันทึกการประชุมครั้งถัดไปก่อน หรือใช้การเวียนรับรอง",
            "no_next_meeting",
        )
    item = following.agenda_items.filter(order=2).first()
    if item is None:
        raise _error(
            f"การประชุมครั้งถัดไป ({thai.be_date(following.starts_at)}) ยังไม่มีระเบียบวาระที่ 2 รับรองรายงานการประชุมครั้งที่แล้ว",
            "no_agenda_item_2",
        )
    certification = Certification.objects.create(
        meeting=current,
        method=Certification.Method.NEXT_MEETING,
        certifying_meeting=following,
        agenda_item=item,
        outcome=outcome,
        amendments=amendments,
        recorded_by=user,
        certified_at=timezone.now(),
    )
    transition_meeting(meeting=meeting, to_status=Meeting.Status.CERTIFIED, user=user)
    return certification


def circulation_members(meeting: Meeting) -> list[User]:
    """Who answers a circulation: attendees whose accounts may read the minutes, else the organising office's staff
    and officials; never the minute-taker."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True)
    review = review_of(meeting)
    drafter = review.drafted_by_id if review else None
    came = (Attendance.Presence.PRESENT, Attendance.Presence.SUBSTITUTE)
    attendees = users.filter(person__attendances__meeting=meeting, person__attendances__presence__in=came)
    members = [user for user in attendees.distinct().order_by("pk") if policy.can_read_meeting(user, meeting)]
    if not [member for member in members if member.pk != drafter]:
        members = list(policy.organising_office_accounts(meeting))
    return [member for member in members if member.pk != drafter]


@transaction.atomic
def start_circulation(*, meeting: Meeting, user: AbstractBaseUser) -> Certification:
    """Send the checked minutes round the members for their answers."""
    current = _locked(meeting)
    if current.status != Meeting.Status.CHECKED:
        raise _error("เวียนรับรองได้เฉพาะรายงานการประชุมที่ผู้ตรวจตรวจแล้ว", "not_checked")
    if Certification.objects.filter(meeting=current).exists():
        raise _error("รายงานการประชุมนี้อยู่ระหว่างการเวียนรับรองแล้ว", "already_certifying")
    members = circulation_members(current)
    if not members:
        raise _error(
            "ไม่มีผู้รับรองที่มีบัญชีผู้ใช้ (นอกจากผู้จดรายงานการประชุม) จึงเวียนรับรองไม่ได้ กรุณารับรองในการประชุมครั้งถัดไป",
            "no_members",
        )
    certification = Certification.objects.create(
        meeting=current, method=Certification.Method.CIRCULATION, recorded_by=user
    )
    CirculationAnswer.objects.bulk_create(
        [CirculationAnswer(certification=certification, member=member) for member in members]
    )
    return certification


@transaction.atomic
def answer_circulation(*, meeting: Meeting, user: AbstractBaseUser, answer: str, amendment: str) -> Certification:
    """A member answers; the last answer certifies the minutes."""
    current = _locked(meeting)
    certification = Certification.objects.select_for_update().filter(meeting=current).first()
    if current.status != Meeting.Status.CHECKED or certification is None or not certification.is_open:
        raise _error("รายงานการประชุมนี้ไม่ได้อยู่ระหว่างการเวียนรับรอง", "no_circulation")
    row = certification.answers.filter(member=user).first()
    if row is None:
        raise _error("ท่านไม่ได้อยู่ในรายชื่อผู้รับรอง", "not_a_member")
    if row.answered_at is not None:
        raise _error("ท่านตอบการเวียนรับรองนี้แล้ว", "already_answered")
    amendment = amendment.strip()
    if answer not in Outcome.values:
        raise _error("กรุณาเลือกคำตอบ", "answer_required")
    if answer == Outcome.AMENDED and not amendment:
        raise _error("รับรองโดยมีการแก้ไข: กรุณาระบุการแก้ไข", "amendments_required")
    row.answer, row.amendment, row.answered_at = answer, amendment if answer == Outcome.AMENDED else "", timezone.now()
    row.save()
    answers = list(certification.answers.select_related("member__person"))
    if all(other.answered_at for other in answers):
        asked = [other for other in answers if other.answer == Outcome.AMENDED]
        certification.outcome = Outcome.AMENDED if asked else Outcome.UNCHANGED
        certification.amendments = "\n".join(f"{_name(other.member)}: {other.amendment}" for other in asked)
        certification.certified_at = timezone.now()
        certification.save()
        transition_meeting(meeting=meeting, to_status=Meeting.Status.CERTIFIED, user=user)
    return certification


# --- Signatures -----------------------------------------------------------------------------------------------


def _name(user: AbstractBaseUser) -> str:
    """The name a person signs with: their Person record's (with title), else the account's."""
    person = getattr(user, "person", None)
    if person is not None:
        return person.full_name
    return user.get_full_name().strip()


def _position(user: AbstractBaseUser) -> str:
    person = getattr(user, "person", None)
    return person.position if person is not None else ""


def signers(meeting: Meeting, review: MinutesReview | None = None) -> dict[str, Any]:
    """Who signs as what: the minute-taker (who drafted), the checker (who approved), the chair's account."""
    review = review or review_of(meeting)
    chair = meeting.chair.user if meeting.chair_id and meeting.chair.user_id else None
    return {
        Signature.Role.MINUTE_TAKER: review.drafted_by if review else None,
        Signature.Role.CHECKER: review.checker if review else None,
        Signature.Role.CHAIR: chair,
    }


def roles_to_sign(user: AbstractBaseUser, meeting: Meeting) -> list[str]:
    """The roles this person still has to sign the certified minutes in."""
    if meeting.status != Meeting.Status.CERTIFIED or not user.is_authenticated:
        return []
    signed = set(Signature.objects.filter(meeting=meeting).values_list("role", flat=True))
    return [role for role, signer in signers(meeting).items() if signer and signer.pk == user.pk and role not in signed]


def _folded(text: str) -> str:
    return _SPACES.sub("", text or "")


@transaction.atomic
def sign(*, meeting: Meeting, user: AbstractBaseUser, role: str, typed_name: str) -> Signature:
    """Sign the certified minutes in `role` by typing one's own name."""
    current = _locked(meeting)
    if current.status != Meeting.Status.CERTIFIED:
        raise _error("ลงนามได้เมื่อรายงานการประชุมรับรองแล้วและยังไม่เผยแพร่", "not_certified")
    if role not in Signature.Role.values:
        raise _error("กรุณาเลือกฐานะที่ลงนาม", "role_required")
    if role not in roles_to_sign(user, current):
        raise _error(f"ท่านไม่ใช่{Signature.Role(role).label}ของรายงานนี้ หรือได้ลงนามแล้ว", "not_the_signer")
    name = _name(user)
    if not name:
        raise _error("บัญชีของท่านยังไม่มีชื่อ กรุณาแจ้งผู้ดูแลระบบ", "no_name")
    typed = typed_name.strip()
    if not typed:
        raise _error("กรุณาพิมพ์ชื่อ-นามสกุลของท่านเพื่อลงนาม", "name_required")
    if _folded(typed) != _folded(name):
        raise _error(f"ชื่อที่พิมพ์ไม่ตรงกับชื่อในบัญชีของท่าน ({name})", "name_mismatch")
    return Signature.objects.create(
        meeting=current, role=role, user=user, typed_name=_SPACES.sub(" ", typed), position=_position(user)
    )


def missing_signatures(meeting: Meeting) -> list[str]:
    """The roles (Thai) whose signature is still missing."""
    signed = set(Signature.objects.filter(meeting=meeting).values_list("role", flat=True))
    return [str(Signature.Role(role).label) for role in Signature.Role.values if role not in signed]


# --- Publishing -----------------------------------------------------------------------------------------------


def _render_pdf(meeting: Meeting) -> tuple[bytes, str]:
    from reports import services as reports
    from reports.documents import PrintOptions

    rendered = reports.minutes_pdf(meeting=meeting, options=PrintOptions.default())
    return bytes(rendered.content), rendered.filename


@transaction.atomic
def publish(*, meeting: Meeting, user: AbstractBaseUser) -> PublishedMinutes:
    """Freeze the signed minutes as a new stored PDF version and publish them (again, after an admin's change)."""
    current = _locked(meeting)
    if current.status not in (Meeting.Status.CERTIFIED, Meeting.Status.PUBLISHED):
        raise _error("เผยแพร่ได้เฉพาะรายงานการประชุมที่รับรองแล้ว", "not_certified")
    missing = missing_signatures(current)
    if missing:
        raise _error(f"ยังลงนามไม่ครบ: {', '.join(missing)}", "unsigned")
    latest = PublishedMinutes.objects.filter(meeting=current).aggregate(number=Max("number"))["number"] or 0
    if current.status == Meeting.Status.PUBLISHED and latest and _stored_version(current) == current.version:
        raise _error("ฉบับเผยแพร่ล่าสุดตรงกับรายงานการประชุมปัจจุบันแล้ว ไม่มีอะไรต้องเผยแพร่ใหม่", "unchanged")
    content, filename = _render_pdf(current)
    try:
        signed = signing.sign_pdf(
            content, reason=f"รับรองความถูกต้องของ{current.minutes_title}", location=current.organizer.name
        )
    except signing.SigningConfigurationError as error:
        raise _error(f"{error} กรุณาแจ้งผู้ดูแลระบบ ยังไม่ได้เผยแพร่", "signing_configuration") from error
    if signed is not None:
        content = signed.content
    stored = PublishedMinutes.objects.create(
        meeting=current,
        number=latest + 1,
        meeting_version=current.version,
        filename=filename.replace(".pdf", f"-ฉบับเผยแพร่ที่-{latest + 1}.pdf"),
        content=content,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        digitally_signed=signed is not None,
        signer=signed.signer if signed is not None else "",
        published_by=user,
    )
    if current.status == Meeting.Status.CERTIFIED:
        transition_meeting(meeting=meeting, to_status=Meeting.Status.PUBLISHED, user=user)
        # The status step counts as a version of the meeting; the stored file is of the minutes as they now stand.
        stored.meeting_version = meeting.version
        stored.save(update_fields=["meeting_version"])
    return stored


def _stored_version(meeting: Meeting) -> int | None:
    latest = PublishedMinutes.objects.filter(meeting=meeting).order_by("-number").first()
    return latest.meeting_version if latest else None


def has_unpublished_changes(meeting: Meeting) -> bool:
    """Published minutes changed (by an admin) since their last stored version."""
    return meeting.status == Meeting.Status.PUBLISHED and _stored_version(meeting) not in (None, meeting.version)


def published_versions(meeting: Meeting) -> QuerySet[PublishedMinutes]:
    """The stored versions, newest first, without their bytes (the page lists them)."""
    return PublishedMinutes.objects.filter(meeting=meeting).defer("content").order_by("-number")


# --- Reopening ------------------------------------------------------------------------------------------------


def reopened(sender: type, instance: MeetingTransition, created: bool, **kwargs: Any) -> None:
    """Minutes sent back to draft by an admin: the round's certification and signatures no longer hold."""
    if not created or instance.to_status != Meeting.Status.DRAFT:
        return
    if instance.from_status not in (Meeting.Status.CHECKED, Meeting.Status.CERTIFIED, Meeting.Status.PUBLISHED):
        return
    for certification in Certification.objects.filter(meeting_id=instance.meeting_id):
        certification.delete()
    for signature in Signature.objects.filter(meeting_id=instance.meeting_id):
        signature.delete()
    if MinutesReview.objects.filter(meeting_id=instance.meeting_id).update(awaiting_check=False):
        ReviewStep.objects.create(meeting_id=instance.meeting_id, kind=ReviewStep.Kind.REOPENED, by=instance.by)
