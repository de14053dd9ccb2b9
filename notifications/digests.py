"""Several events for one office go out as one message (a digest), and when.

The window:
- Events raised by pages (a directive assigned, a report requested, a result sent back or accepted) wait
  PORTAL_NOTIFY_HOLD_MINUTES (5) in the queue. The task queued for the first of them then takes every event
  of that office not yet sent, so a recorder who gives one district ten directives, or an official who
  reviews a district's five reports, sends that district one message, not ten; the later tasks find nothing
  left and end.
- `manage.py send_reminders`, once a day in the morning, records the day's reminders (due in 7 days, due
  today, overdue) for every office and sends each office one message with all of them, together with any
  page events still waiting.
So an office hears from the portal at most once a day about deadlines, and once per burst of work on its
directives.

A digest's text is written when it is made and kept (Digest.body, Digest.line_text): every try and every
address get the same words, and the delivery log shows what was sent. Each event joins exactly one digest:
a conditional UPDATE claims it, so two workers making a digest for the same office at once never both send
an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lamphun_portal.lib import line, thai
from meetings.models import Office

from . import services
from .models import Delivery, Digest, Event, EventKind

# The order items appear in a message: what is most pressing first.
_ORDER = [
    EventKind.OVERDUE,
    EventKind.DUE_TODAY,
    EventKind.DUE_SOON,
    EventKind.REPORT_REQUESTED,
    EventKind.SENT_BACK,
    EventKind.ASSIGNED,
    EventKind.ACCEPTED,
]
# Characters of directive text quoted in a message; the link leads to the whole of it.
QUOTE_CHARS = 300


def collect(office: Office, *, until: datetime | None = None) -> Digest | None:
    """Put the office's events not yet sent (recorded up to `until`) into one digest with one delivery per
    address; None when there is nothing to send."""
    now = timezone.now()
    until = until or now
    with transaction.atomic():
        pending = Event.objects.undigested().filter(office=office, created_at__lte=until)
        ids = list(pending.values_list("pk", flat=True))
        if not ids:
            return None
        digest = Digest.objects.create(office=office, subject="-", body="-", line_text="-", created_at=now)
        Event.objects.filter(pk__in=ids, digest__isnull=True).update(digest=digest)
        events = list(digest.events.select_related("directive__meeting", "meeting", "actor"))
        if not events:  # another worker took them first
            digest.delete()
            return None
        message = compose(office, events)
        digest.subject, digest.body, digest.line_text = message.subject, message.email, message.line
        digest.save(update_fields=["subject", "body", "line_text"])
        Delivery.objects.bulk_create(
            [
                Delivery(
                    digest=digest, office=office, channel=channel, address=address, created_at=now, next_attempt_at=now
                )
                for channel, address in _addresses(office)
            ]
        )
    return digest


def collect_all(*, until: datetime | None = None) -> list[Digest]:
    """A digest for every office that has events not yet sent."""
    office_ids = Event.objects.undigested().values_list("office_id", flat=True).distinct().order_by()
    digests = [collect(office, until=until) for office in Office.objects.filter(pk__in=list(office_ids))]
    return [digest for digest in digests if digest is not None]


def _addresses(office: Office) -> list[tuple[str, str]]:
    addresses = [(Delivery.Channel.EMAIL, address) for address in services.email_recipients(office)]
    group = services.office_channel(office, "line_group_id")
    if group:
        addresses.append((Delivery.Channel.LINE, group))
    return addresses


# --- The words ------------------------------------------------------------------------------------------


@dataclass
class Message:
    subject: str
    email: str
    line: str


def compose(office: Office, events: list[Event]) -> Message:
    """The Thai subject, e-mail text and LINE text telling `office` about `events`."""
    events = sorted(events, key=_sort_key)
    items = [_item(event) for event in events]
    short = settings.PORTAL_OFFICE_SHORT_NAME
    if len(events) == 1:
        event = events[0]
        about = _shorten(event.directive.text, 80) if event.directive_id else _about(event)
        subject = f"[{short}] {event.get_kind_display()}: {about}"
        opening = "มีเรื่องแจ้งหน่วยงานของท่าน ดังนี้"
    else:
        subject = f"[{short}] {office.name}: การแจ้งเตือนข้อสั่งการ {len(events)} รายการ"
        opening = f"มีเรื่องแจ้งหน่วยงานของท่าน {len(events)} รายการ ดังนี้"
    system = f"ระบบบันทึกและติดตามการประชุม {settings.PORTAL_OFFICE_NAME}"
    list_url = _absolute(reverse("notifications:list"))
    email = "\n".join(
        [
            f"เรียน {office.name}",
            "",
            f"{system} {opening}",
            "",
            *[f"{number}. {item}\n" for number, item in enumerate(items, start=1)],
            f"ดูการแจ้งเตือนทั้งหมดได้ที่ {list_url}",
            f"เลือกไม่รับการแจ้งเตือนทางอีเมลได้ที่ {_absolute(reverse('accounts:profile'))}",
            "",
            "อีเมลนี้ส่งจากระบบโดยอัตโนมัติ กรุณาอย่าตอบกลับ",
            settings.PORTAL_OFFICE_NAME,
        ]
    )
    return Message(subject=subject[:300], email=email, line=_line_text(office, opening, items, list_url))


def _line_text(office: Office, opening: str, items: list[str], list_url: str) -> str:
    """The same items, as many as fit in one LINE message, then where to see the rest."""
    head = f"{settings.PORTAL_OFFICE_SHORT_NAME} แจ้ง {office.name}\n{opening}\n"
    tail = f"ดูทั้งหมด: {list_url}"
    text = head
    for number, item in enumerate(items, start=1):
        entry = f"\n{number}. {item}\n"
        if len(text) + len(entry) + len(tail) + 60 > line.MAX_TEXT:
            text += f"\n… และอีก {len(items) - number + 1} รายการ\n"
            break
        text += entry
    return f"{text}\n{tail}"


def _sort_key(event: Event) -> tuple[int, date, int]:
    due = event.directive.due_date if event.directive_id else None
    return (_ORDER.index(event.kind) if event.kind in _ORDER else len(_ORDER), due or date.max, event.pk)


def _item(event: Event) -> str:
    """One event in a message: what happened, the directive, its meeting, its due date and the link."""
    lines = [_headline(event)]
    directive = event.directive
    if directive is not None:
        meeting = directive.meeting
        lines.append(f"   ข้อสั่งการ: {_shorten(directive.text, QUOTE_CHARS)}")
        lines.append(f"   จากการประชุม: {_shorten(meeting.title, 120)} ({thai.be_date(meeting.starts_at)})")
        due = thai.be_date(directive.due_date) if directive.due_date else "ไม่ได้กำหนด"
        lines.append(f"   กำหนดแล้วเสร็จ: {due}")
    if event.meeting_id and directive is None:
        meeting = event.meeting
        when = f"{thai.be_date_weekday(meeting.starts_at)} เวลา {thai.thai_time(meeting.starts_at)}"
        lines.append(f"   การประชุม: {_shorten(meeting.title, 160)}")
        lines.append(f"   วันเวลา: {when} ณ {_shorten(meeting.venue, 120)}")
    if event.note:
        lines.append(f"   {'เหตุผล' if event.kind == EventKind.SENT_BACK else 'หมายเหตุ'}: {_shorten(event.note, 500)}")
    if event.actor_id:
        lines.append(f"   โดย: {event.actor.get_full_name() or event.actor.get_username()}")
    lines.append(f"   ดูรายละเอียด: {_absolute(event.get_absolute_url())}")
    return "\n".join(lines)


def _headline(event: Event) -> str:
    directive = event.directive
    day = timezone.localdate(event.created_at)
    due = directive.due_date if directive is not None else None
    if event.kind == EventKind.DUE_SOON and due:
        return f"ใกล้ครบกำหนด: อีก {(due - day).days} วันจะครบกำหนด ({thai.be_date(due)})"
    if event.kind == EventKind.DUE_TODAY:
        return "ครบกำหนดวันนี้"
    if event.kind == EventKind.OVERDUE and due:
        return f"เกินกำหนดแล้ว {(day - due).days} วัน (กำหนด {thai.be_date(due)})"
    return {
        EventKind.ASSIGNED: "ข้อสั่งการใหม่ที่มอบหมายให้หน่วยงานของท่าน",
        EventKind.REPORT_REQUESTED: "ขอให้รายงานผลการดำเนินงาน",
        EventKind.SENT_BACK: "ผลการดำเนินงานถูกส่งกลับให้ดำเนินการเพิ่มเติม",
        EventKind.ACCEPTED: "ผลการดำเนินงานได้รับการตรวจรับแล้ว",
        EventKind.INVITED: "ขอเชิญประชุม กรุณาตอบรับการเข้าร่วมประชุม",
    }.get(event.kind, event.get_kind_display())


def _about(event: Event) -> str:
    """What a message about no directive is about: the meeting it invites to, or its note."""
    return _shorten(event.meeting.title, 80) if event.meeting_id else event.note[:80]


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _absolute(path: str) -> str:
    return f"{settings.PORTAL_BASE_URL}{path}"
