"""The invitation letter (หนังสือเชิญประชุม) as a PDF, in the form of a หนังสือภายนอก of ระเบียบงานสารบรรณ: ที่ and
the office (ส่วนราชการเจ้าของหนังสือ), the date in the Buddhist era, เรื่อง, เรียน, สิ่งที่ส่งมาด้วย, the text, ขอแสดง
ความนับถือ, the signer's name and position, the office that handles it; then the agenda on its own page.

Rendered through lamphun_portal/lib/pdf (the one door to WeasyPrint) with the minutes' print stylesheet (Sarabun
16 pt, A4, the margins of official documents).
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from lamphun_portal.lib import pdf, thai
from meetings.models import Meeting
from reports.documents import names_pattern, paragraphs

from .models import InvitationLetter


def invitation_subject(title: str) -> str:
    """เรื่อง of the letter, without saying ประชุม twice: ประชุมคณะทำงาน… → ขอเชิญประชุมคณะทำงาน…"""
    title = (title or "").strip()
    if title.startswith("การประชุม"):
        return f"ขอเชิญเข้าร่วม{title}"
    if title.startswith("ประชุม"):
        return f"ขอเชิญ{title}"
    return f"ขอเชิญประชุม{title}"


def _when(meeting: Meeting) -> str:
    """วันอังคารที่ 17 พฤศจิกายน 2563 เวลา 09.30 – 12.00 น."""
    start = thai.thai_time(timezone.localtime(meeting.starts_at)).removesuffix(" น.")
    if meeting.ends_at:
        end = thai.thai_time(timezone.localtime(meeting.ends_at))
        return f"{thai.be_date_weekday(meeting.starts_at)} เวลา {start} – {end}"
    return f"{thai.be_date_weekday(meeting.starts_at)} เวลา {start} น."


def letter_body(meeting: Meeting, letter: InvitationLetter) -> list[str]:
    """The text of the letter, paragraph by paragraph: why (ด้วย...), the request (จึงขอเชิญ...), the organiser's
    own words, the closing sentence (จึงเรียนมาเพื่อ...)."""
    number = f" {meeting.number_label}" if meeting.number_label else ""
    reason = f"ด้วย{meeting.organizer.name} กำหนดจัด{meeting.title}{number} ใน{_when(meeting)} ณ {meeting.venue}"
    request = (
        "ในการนี้ จึงขอเรียนเชิญท่านหรือผู้แทนเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว "
        "รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย และขอความกรุณาตอบรับการเข้าร่วมประชุมผ่านระบบบันทึกและติดตามการประชุม"
    )
    closing = "จึงเรียนมาเพื่อโปรดพิจารณาเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าวต่อไป"
    return [reason, request, *paragraphs(letter.body), closing]


def enclosures(meeting: Meeting) -> list[str]:
    """สิ่งที่ส่งมาด้วย: the agenda, then each document sent with the letter."""
    return [
        "ระเบียบวาระการประชุม จำนวน 1 ชุด",
        *(f"{document.name} จำนวน 1 ชุด" for document in meeting.documents.all()),
    ]


def render_letter_html(meeting: Meeting, letter: InvitationLetter) -> str:
    people = {meeting.chair, letter.signer}
    context = {
        "title": letter.subject,
        "thai_digits": False,
        "office_name": meeting.organizer.name,
        "meeting": meeting,
        "letter": letter,
        "when": _when(meeting),
        "body": letter_body(meeting, letter),
        "enclosures": enclosures(meeting),
        "agenda": list(meeting.agenda_items.all()),
        "offices": list(meeting.invitations.select_related("office")),
        "people": list(meeting.invited_people.select_related("person")),
        "names": names_pattern(person for person in people if person is not None),
    }
    return render_to_string("invitations/pdf/letter.html", context)


def letter_pdf(meeting: Meeting, letter: InvitationLetter) -> bytes:
    """The letter with its agenda, as PDF bytes."""
    metadata = {
        "title": letter.subject,
        "author": meeting.organizer.name,
        "subject": f"หนังสือเชิญประชุม {meeting.title}",
        "keywords": ["หนังสือเชิญประชุม", meeting.organizer.short_name or settings.PORTAL_OFFICE_SHORT_NAME],
        "language": "th",
    }
    return pdf.render_pdf(render_letter_html(meeting, letter), metadata=metadata)
