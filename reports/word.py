"""The minutes as a Word file (.docx), in the same official form as the PDF (reports/documents.py): the heading
(meetings.models.minutes_title), ครั้งที่, เมื่อวันที่, ณ, the attendance, เริ่มประชุมเวลา, the agenda with its
resolutions and directives, เลิกประชุมเวลา and the signature blocks. The record's text goes in exactly as typed:
the office finishes the document in Word or LibreOffice. lamphun_portal/lib/word.py is the door to python-docx.
"""

from __future__ import annotations

from lamphun_portal.lib import thai
from lamphun_portal.lib.word import CONTENT_TYPE, OfficialDocument
from meetings.models import Attendance, Meeting

from . import documents

__all__ = ["CONTENT_TYPE", "minutes_docx"]


def _person_line(row: Attendance) -> str:
    """One attendance line as the PDF prints it (meetings/_person_line.html)."""
    if not row.person_id:
        count = f" จำนวน {row.headcount} คน" if row.headcount else ""
        reason = f" ({row.absence_reason})" if row.presence == Attendance.Presence.ABSENT and row.absence_reason else ""
        return f"{row.label}{count}{reason}"
    parts = [row.label, row.person.position, row.role_note]
    if row.presence == Attendance.Presence.SUBSTITUTE and row.substitute_for_id:
        parts.append(f"มาประชุมแทน {row.substitute_for.full_name} {row.substitute_for.position}".strip())
    if row.presence == Attendance.Presence.ABSENT and row.absence_reason:
        parts.append(f"({row.absence_reason})")
    return " ".join(part for part in parts if part)


def _people(doc: OfficialDocument, heading: str, rows: list[Attendance]) -> None:
    doc.heading(heading)
    if rows:
        doc.numbered([_person_line(row) for row in rows])
    else:
        doc.paragraph("-", indent=True)


def _directives(doc: OfficialDocument, directives: list) -> None:
    for number, directive in enumerate(directives, start=1):
        paragraph = doc.paragraph()
        doc.run(paragraph, f"{number}. ")
        doc.run(paragraph, directive.text)
        issued = (
            f"{directive.issued_by.full_name} {directive.issued_by.position}".strip() if directive.issued_by else "-"
        )
        offices = ", ".join(office.name for office in directive.responsible_offices.all()) or "-"
        due = thai.be_date(directive.due_date) if directive.due_date else "ไม่ได้กำหนด"
        for line in (f"ผู้สั่งการ {issued}", f"หน่วยงานรับผิดชอบ {offices}", f"กำหนดแล้วเสร็จ {due}"):
            doc.paragraph(line, inset=True)


def build_minutes(meeting: Meeting) -> OfficialDocument:
    """The Word document of `meeting` (loaded with documents.meetings_for_print(), the one whole-meeting loader)."""
    context = documents.minutes_context(meeting)
    doc = OfficialDocument(title=meeting.minutes_title, author=meeting.organizer.name)
    if meeting.status in Meeting.WORKING_STATUSES:
        doc.paragraph("ฉบับร่าง", bold=True, center=True)
    doc.paragraph(str(context["heading"]), bold=True, center=True)
    if meeting.number_label:
        doc.paragraph(meeting.number_label, center=True)
    doc.paragraph(f"เมื่อวันที่ {thai.be_date(meeting.starts_at)}", center=True)
    doc.paragraph(f"ณ {meeting.venue}", center=True)
    _people(doc, "ผู้มาประชุม", context["present"])
    _people(doc, "ผู้ไม่มาประชุม", context["absent"])
    _people(doc, "ผู้เข้าร่วมประชุม", context["invited"])
    doc.heading(f"เริ่มประชุมเวลา {thai.thai_time(meeting.starts_at)}")
    if meeting.chair:
        doc.paragraph(f"{meeting.chair.full_name} {meeting.chair.position} เป็นประธานการประชุม", indent=True)
    for section in context["agenda"]:
        item = section.item
        doc.heading(f"ระเบียบวาระที่ {item.order} {item.heading}")
        if item.presenter:
            doc.paragraph(f"ผู้นำเสนอ {item.presenter.full_name} {item.presenter.position}".strip(), indent=True)
        for text in section.discussion:
            doc.paragraph(text, indent=True)
        if section.resolution:
            doc.paragraph("มติที่ประชุม", bold=True)
            for text in section.resolution:
                doc.paragraph(text, indent=True)
        for link in item.carried_directives.all():
            doc.paragraph(link.directive.text, indent=True)
            doc.paragraph(
                f"(ข้อสั่งการจากการประชุมวันที่ {thai.be_date(link.directive.meeting.starts_at)} "
                f"สถานะ ณ วันประชุม: {link.get_status_display()})",
                indent=True,
            )
            if link.resolution:
                paragraph = doc.paragraph(indent=True)
                doc.run(paragraph, "มติที่ประชุม ", bold=True)
                doc.run(paragraph, link.resolution)
        for certification in item.certifications.all():
            earlier = certification.meeting
            number = f" {earlier.number_label}" if earlier.number_label else ""
            doc.paragraph(f"{earlier.minutes_title}{number} เมื่อวันที่ {thai.be_date(earlier.starts_at)}", indent=True)
            paragraph = doc.paragraph(indent=True)
            doc.run(paragraph, "มติที่ประชุม ", bold=True)
            doc.run(paragraph, str(certification.get_outcome_display()) + (" ดังนี้" if certification.amendments else ""))
            for line in documents.paragraphs(certification.amendments):
                doc.paragraph(line, indent=True)
        if section.directives:
            doc.paragraph("ข้อสั่งการ", bold=True)
            _directives(doc, section.directives)
    if context["other_directives"]:
        doc.heading("ข้อสั่งการ")
        _directives(doc, context["other_directives"])
    ends = thai.thai_time(meeting.ends_at) if meeting.ends_at else ".......... น."
    doc.heading(f"เลิกประชุมเวลา {ends}")
    doc.paragraph()
    for block in context["signatures"]:
        signed = f"(ลงชื่อ) {block.signed_by}" if block.signed_by else "(ลงชื่อ) ..............................."
        lines = [
            f"{signed} {block.role}",
            f"({block.name})" if block.name else "(..........................................)",
        ]
        lines.append(block.position if block.name else "ตำแหน่ง ..........................................")
        if block.signed_on:
            lines.append(f"ลงนามอิเล็กทรอนิกส์เมื่อ {block.signed_on}")
        doc.signature([line for line in lines if line])
    if context["summary"]:
        doc.heading("สรุปการประชุม", center=True)
        for text in context["summary"]:
            doc.paragraph(text, indent=True)
    return doc


def minutes_docx(meeting: Meeting) -> tuple[bytes, str]:
    """The .docx bytes of the minutes and the file's name."""
    meeting = documents.meetings_for_print().get(pk=meeting.pk)
    day = thai.be_date_numeric(meeting.starts_at).replace("/", "-")
    return build_minutes(meeting).to_bytes(), f"รายงานการประชุม-{day}-{meeting.pk}.docx"
