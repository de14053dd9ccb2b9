"""The follow-up loop: offices report (with files), officials ask for reports, instruct, accept or send back;
outside agencies are reported for by a liaison office; everything lands in the trail with who and when."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from directives.models import Attachment, Directive, DirectiveUpdate
from lamphun_portal.lib import thai
from meetings.demo import data
from meetings.models import Meeting, Office
from tests.conftest import Personas

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _directive_for_mae_tha(demo: Meeting, **fields: object) -> Directive:
    """A directive of the (published) seed meeting given to the แม่ทา office, where district_staff works."""
    directive = Directive.objects.create(meeting=demo, order=99, text="ให้สำรวจแปลงโคกหนองนาที่ยังไม่ปลูกพืช", **fields)
    directive.responsible_offices.add(Office.objects.get(name=data.district_office("แม่ทา")))
    return directive


def _post(client: Client, directive: Directive, **data: object) -> object:
    return client.post(directive.get_absolute_url(), data)


def test_an_office_reports_completion_with_files_and_an_official_sends_it_back_then_accepts(
    personas: Personas, demo: Meeting
) -> None:
    directive = _directive_for_mae_tha(demo)
    district = personas.client_for(personas.district_staff)
    official = personas.client_for(personas.official)

    response = _post(
        district,
        directive,
        action="report",
        note="สำรวจครบ 12 แปลงแล้ว",
        new_status="reported",
        files=[
            SimpleUploadedFile("สรุปผล.pdf", PDF, content_type="application/pdf"),
            SimpleUploadedFile("ตาราง.docx", _docx()),
        ],
    )
    assert response.status_code == 302
    directive.refresh_from_db()
    assert directive.status == Directive.Status.REPORTED  # รอตรวจรับ: not done until accepted
    report = directive.updates.get(kind=DirectiveUpdate.Kind.REPORT)
    assert sorted(report.attachments.values_list("name", flat=True)) == ["ตาราง.docx", "สรุปผล.pdf"]

    # The official sees it waiting on the home page, and sending it back needs a reason.
    assert directive.text[:40] in official.get(reverse("home")).content.decode()
    refused = _post(official, directive, **{"action": "review", "review-decision": "send_back", "review-note": " "})
    assert "กรุณาระบุเหตุผลที่ส่งกลับ" in refused.content.decode()
    directive.refresh_from_db()
    assert directive.status == Directive.Status.REPORTED
    back = _post(
        official, directive, **{"action": "review", "review-decision": "send_back", "review-note": "ขาดภาพถ่ายแปลง"}
    )
    assert back.status_code == 302
    directive.refresh_from_db()
    assert directive.status == Directive.Status.IN_PROGRESS

    _post(district, directive, action="report", note="แนบภาพถ่ายครบแล้ว", new_status="reported")
    accepted = _post(official, directive, **{"action": "review", "review-decision": "accept", "review-note": ""})
    assert accepted.status_code == 302
    directive.refresh_from_db()
    assert directive.status == Directive.Status.DONE
    trail = list(directive.updates.order_by("pk").values_list("kind", "author__username", "office__name"))
    mae_tha = data.district_office("แม่ทา")
    assert trail == [
        ("report", "district1", mae_tha),
        ("send_back", "official1", mae_tha),
        ("report", "district1", mae_tha),
        ("accept", "official1", mae_tha),
    ]
    page = official.get(directive.get_absolute_url()).content.decode()
    assert "ขาดภาพถ่ายแปลง" in page and "ตรวจรับ" in page and "สรุปผล.pdf" in page


def test_attachments_are_served_only_to_readers_and_checked_by_content(personas: Personas, demo: Meeting) -> None:
    directive = _directive_for_mae_tha(demo)
    district = personas.client_for(personas.district_staff)
    disguised = SimpleUploadedFile("ตาราง.docx", b"PK\x03\x04" + b"\x00" * 200)  # a zip, but not a Word file
    response = _post(district, directive, action="report", note="แนบไฟล์", new_status="in_progress", files=[disguised])
    assert response.status_code == 200
    assert "เนื้อไฟล์ไม่ใช่" in response.content.decode()
    assert not Attachment.objects.exists() and not directive.updates.exists()

    _post(
        district,
        directive,
        action="report",
        note="แนบไฟล์",
        new_status="in_progress",
        files=[SimpleUploadedFile("ภาพ.pdf", PDF)],
    )
    attachment = Attachment.objects.get()
    download = personas.client_for(personas.official).get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"] and download["X-Content-Type-Options"] == "nosniff"
    assert personas.client_for(personas.outsider).get(attachment.get_absolute_url()).status_code == 403
    Meeting.objects.filter(pk=demo.pk).update(status=Meeting.Status.DRAFT)
    assert personas.client_for(personas.other_staff).get(attachment.get_absolute_url()).status_code == 403


def test_an_official_asks_for_a_report_and_the_office_finds_it_on_its_home_page(
    personas: Personas, demo: Meeting
) -> None:
    directive = _directive_for_mae_tha(demo)
    official, district = personas.client_for(personas.official), personas.client_for(personas.district_staff)
    mae_tha = Office.objects.get(name=data.district_office("แม่ทา"))
    due = timezone.localdate() + dt.timedelta(days=5)
    response = _post(
        official,
        directive,
        **{
            "action": "request",
            "request-office": mae_tha.pk,
            "request-report_due": f"{due.day}/{due.month}/{due.year + 543}",
            "request-note": "ขอผลสำรวจภายในสัปดาห์นี้",
        },
    )
    assert response.status_code == 302
    home = district.get(reverse("home")).content.decode()
    assert "ผู้บริหารขอให้รายงาน" in home and "ขอผลสำรวจภายในสัปดาห์นี้" in home
    _post(district, directive, action="report", note="สำรวจแล้ว 8 แปลง", new_status="in_progress")
    assert "ขอผลสำรวจภายในสัปดาห์นี้" not in district.get(reverse("home")).content.decode()

    _post(official, directive, **{"action": "instruct", "instruct-note": "ให้ประสานเกษตรอำเภอด้วย"})
    kinds = list(directive.updates.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["request", "report", "instruction"]


def test_a_report_request_in_the_past_or_for_another_office_is_refused_in_thai(
    personas: Personas, demo: Meeting
) -> None:
    directive = _directive_for_mae_tha(demo)
    official = personas.client_for(personas.official)
    lee = Office.objects.get(name=data.district_office("ลี้"))
    response = _post(
        official,
        directive,
        **{"action": "request", "request-office": lee.pk, "request-report_due": "1/1/2563", "request-note": ""},
    )
    page = response.content.decode()
    assert "กรุณาเลือกหน่วยงานจากรายการ" in page and "วันที่ขอให้รายงานต้องไม่ก่อนวันนี้" in page
    assert not directive.updates.exists()


def test_staff_cannot_review_and_officials_cannot_report(personas: Personas, demo: Meeting) -> None:
    directive = _directive_for_mae_tha(demo, status=Directive.Status.REPORTED)
    district = personas.client_for(personas.district_staff)
    assert _post(district, directive, action="review", **{"review-decision": "accept"}).status_code == 403
    official = personas.client_for(personas.official)
    assert _post(official, directive, action="report", note="x", new_status="reported").status_code == 403
    assert not directive.updates.exists()


def test_outside_agencies_are_reported_for_by_the_liaison_office(personas: Personas, demo: Meeting) -> None:
    """กกต. cannot sign in: the provincial office reports on its behalf, and the trail says so."""
    election = Office.objects.get(name=data.PARTNERS[4])
    directive = Directive.objects.create(meeting=demo, order=98, text="จัดเวทีประชาคมร่วมกับ กกต.")
    directive.responsible_offices.add(election)
    assert _post(personas.client_for(personas.district_staff), directive, note="x").status_code == 403
    staff = personas.client_for(personas.staff)
    form = staff.get(directive.get_absolute_url()).content.decode()
    assert f"{election.name} (รายงานโดย{data.PROVINCIAL})" in form
    response = _post(staff, directive, action="report", note="จัดเวทีแล้ว 3 ตำบล", new_status="in_progress")
    assert response.status_code == 302
    report = directive.updates.get()
    assert (report.office.name, report.on_behalf_of) == (data.PROVINCIAL, election)
    page = staff.get(directive.get_absolute_url()).content.decode()
    assert f"{election.name} (รายงานโดย{data.PROVINCIAL})" in page

    # A directive may name another liaison office; then that office reports for the agency.
    directive.liaison_office = Office.objects.get(name=data.district_office("แม่ทา"))
    directive.save()
    assert _post(staff, directive, note="x", new_status="in_progress").status_code == 403
    district = personas.client_for(personas.district_staff)
    assert _post(district, directive, note="ประสาน กกต. แล้ว", new_status="in_progress").status_code == 302


def test_home_page_orders_the_offices_work_overdue_first(personas: Personas, demo: Meeting) -> None:
    today = timezone.localdate()
    late = _directive_for_mae_tha(demo, due_date=today - dt.timedelta(days=3))
    soon = _directive_for_mae_tha(demo, due_date=today + dt.timedelta(days=4))
    later = _directive_for_mae_tha(demo, due_date=today + dt.timedelta(days=60))
    for directive, text in ((late, "งานที่เลยกำหนดแล้ว"), (soon, "งานที่ใกล้ครบกำหนด"), (later, "งานที่ยังมีเวลา")):
        directive.text = text
        directive.save()
    home = personas.client_for(personas.district_staff).get(reverse("home")).content.decode()
    assert home.index("งานที่เลยกำหนดแล้ว") < home.index("งานที่ใกล้ครบกำหนด") < home.index("งานที่ยังมีเวลา")
    assert "ครบกำหนดภายใน 7 วัน" in home and home.count("รายงานความคืบหน้า") >= 3
    # The provincial office's staff do not see แม่ทา's work as theirs.
    assert "งานที่ใกล้ครบกำหนด" not in personas.client_for(personas.staff).get(reverse("home")).content.decode()


def test_officials_see_results_to_review_overdue_per_office_and_quiet_directives(
    personas: Personas, demo: Meeting
) -> None:
    _directive_for_mae_tha(demo, status=Directive.Status.REPORTED).updates.create(
        kind="report",
        office=Office.objects.get(name=data.district_office("แม่ทา")),
        note="เสร็จแล้ว",
        new_status="reported",
    )
    home = personas.client_for(personas.official).get(reverse("home")).content.decode()
    assert "ผลการดำเนินงานรอตรวจรับ" in home and "ให้สำรวจแปลงโคกหนองนา" in home
    assert "ข้อสั่งการเลยกำหนด แยกตามหน่วยงาน" in home and "ไม่มีรายงานความคืบหน้าเกิน 30 วัน" in home
    assert "งานของ" not in home  # officials are not asked to report


def test_dashboard_opens_on_the_latest_year_with_meetings_and_counts_overdue_of_every_year(
    personas: Personas, demo: Meeting
) -> None:
    response = personas.client_for(personas.official).get(reverse("home"))
    # The official reads every meeting but other offices' drafts: the newest of those years, not today's.
    visible = Meeting.objects.exclude(status="draft", organizer__district__gt="")
    assert response.context["year"] == max(visible.values_list("fiscal_year", flat=True))
    assert response.context["year"] < thai.fiscal_year(timezone.localdate())
    overdue = response.context["overdue_years"]
    assert overdue["all"] > 0 and overdue["all"] == overdue["this_year"] + overdue["earlier"]
    assert "ปีก่อน ๆ" in response.content.decode()


@pytest.mark.parametrize("persona", ["district_staff", "official"])
def test_home_pages_run_the_same_queries_with_5_and_500_items(
    persona: str, personas: Personas, demo: Meeting, django_assert_num_queries: object
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = personas.client_for(getattr(personas, persona))
    office = Office.objects.get(name=data.district_office("แม่ทา"))
    today = timezone.localdate()

    def add(count: int) -> None:
        rows = Directive.objects.bulk_create(
            Directive(
                meeting=demo,
                order=1000 + i,
                text=f"งานลำดับ {i}",
                # Every list of the page has rows with 5 items as with 500: overdue, due soon, later, to review.
                due_date=today + dt.timedelta(days=(-5, 3, 30)[i % 3]),
                status=Directive.Status.REPORTED if i % 4 == 0 else Directive.Status.IN_PROGRESS,
            )
            for i in range(count)
        )
        Directive.responsible_offices.through.objects.bulk_create(
            Directive.responsible_offices.through(directive=d, office=office) for d in rows
        )

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("home")).status_code == 200
        return len(captured)

    add(5)
    few = queries()
    add(495)
    assert queries() == few
