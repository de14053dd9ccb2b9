"""Directive list, detail with follow-up trail, CSV export, dashboard and the carried-forward agenda."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directives import services
from directives.models import Directive, DirectiveUpdate
from meetings.demo import data
from meetings.models import Meeting, Office
from tests.conftest import Personas
from tests.word_markup import without_word_markup

TZ = timezone.get_default_timezone()


def _add_directives(meeting: Meeting, count: int) -> None:
    """`count` more directives on the meeting, each with an office and a program (bulk, like seed_bench)."""
    office = Office.objects.get(name=data.PROVINCIAL)
    program = meeting.programs.first()
    start = meeting.directives.count()
    rows = Directive.objects.bulk_create(
        Directive(meeting=meeting, order=start + i, text=f"ให้ติดตามงานลำดับที่ {i}", issued_by=meeting.chair)
        for i in range(count)
    )
    Directive.responsible_offices.through.objects.bulk_create(
        Directive.responsible_offices.through(directive=d, office=office) for d in rows
    )
    Directive.programs.through.objects.bulk_create(
        Directive.programs.through(directive=d, program=program) for d in rows
    )


def _queries(client: object, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/directives/",
        "/meetings/directives/?sort=issuer&fiscal_year=2564",
        "/meetings/directives/?q=%E0%B8%95%E0%B8%B4%E0%B8%94%E0%B8%95%E0%B8%B2%E0%B8%A1",  # ติดตาม
        "/meetings/search/?q=%E0%B8%8A%E0%B8%B8%E0%B8%A1%E0%B8%8A%E0%B8%99",  # ชุมชน
        "/",
        "/api/v1/directives/",
        "/api/v1/meetings/",
        "/api/v1/programs/",
        "/meetings/directives/export.csv",
    ],
)
def test_list_pages_run_the_same_queries_with_5_and_500_rows(url: str, personas: Personas, demo: Meeting) -> None:
    client = personas.client_for(personas.official)
    _add_directives(demo, 5)
    few = _queries(client, url)
    _add_directives(demo, 495)
    many = _queries(client, url)
    assert many == few, f"{url}: {few} queries with 5 rows, {many} with 500"


def test_list_shows_meeting_and_buddhist_date_and_marks_overdue(personas: Personas, demo: Meeting) -> None:
    overdue = demo.directives.order_by("pk").first()
    overdue.due_date = dt.date(2021, 1, 31)
    overdue.status = Directive.Status.IN_PROGRESS
    overdue.save()
    response = personas.client_for(personas.official).get(reverse("directives:list"), {"overdue": "on"})
    body = response.content.decode()
    assert "17 พฤศจิกายน 2563" in body
    assert demo.title[:40] in without_word_markup(body)  # Thai words kept whole on a line (thai_wrap)
    assert "เลยกำหนด" in body and "row-overdue" in body
    # Every overdue directive but those of another office's draft minutes (lamphun_portal/policy.py).
    others_drafts = Directive.objects.filter(meeting__status="draft").exclude(meeting__organizer=demo.organizer)
    assert others_drafts.overdue().exists()
    assert set(response.context["page"].object_list) == set(Directive.objects.overdue().exclude(pk__in=others_drafts))


def test_filters_narrow_the_list(personas: Personas, demo: Meeting) -> None:
    client = personas.client_for(personas.official)
    maetha = Office.objects.get(name=data.district_office("แม่ทา"))
    page = client.get(reverse("directives:list"), {"office": maetha.pk}).context["page"]
    assert page.object_list and all(maetha in d.responsible_offices.all() for d in page.object_list)
    page = client.get(reverse("directives:list"), {"status": "done"}).context["page"]
    assert {d.status for d in page.object_list} == {"done"}
    page = client.get(reverse("directives:list"), {"fiscal_year": 2564}).context["page"]
    assert {d.meeting.fiscal_year for d in page.object_list} == {2564}


def test_sort_by_issuer_is_thai_dictionary_order(personas: Personas, demo: Meeting) -> None:
    page = personas.client_for(personas.official).get(reverse("directives:list"), {"sort": "issuer"})
    keys = [d.issued_by.sort_key for d in page.context["page"].object_list if d.issued_by_id]
    assert keys == sorted(keys)


def test_bad_filter_says_what_to_fix_in_thai(personas: Personas, demo: Meeting) -> None:
    response = personas.client_for(personas.official).get(reverse("directives:list"), {"fiscal_year": "abc"})
    assert "ปีงบประมาณต้องเป็นตัวเลข ปี พ.ศ. เช่น 2564" in response.content.decode()


def test_csv_opens_in_excel_with_thai(personas: Personas, demo: Meeting) -> None:
    response = personas.client_for(personas.official).get(reverse("directives:export"), {"fiscal_year": 2564})
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel then reads Thai correctly
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["ลำดับ", "ข้อสั่งการ", "การประชุม"]
    expected = Directive.objects.in_fiscal_year(2564).count()
    assert len(rows) - 1 == expected
    assert any("17 พฤศจิกายน 2563" == row[3] for row in rows[1:])


def test_staff_of_a_responsible_office_adds_a_progress_update(personas: Personas, demo: Meeting) -> None:
    directive = demo.directives.order_by("pk").first()
    client = personas.client_for(personas.district_staff)
    response = client.post(directive.get_absolute_url(), {"note": "ลงพื้นที่ครบทุกหมู่บ้านแล้ว", "new_status": "done"})
    assert response.status_code == 302
    directive.refresh_from_db()
    # Reported done, it waits for an official's acceptance (ตรวจรับ) before it counts as done.
    assert directive.status == "reported"
    update = directive.updates.latest("pk")
    assert update.office.name == data.district_office("แม่ทา") and update.author == personas.district_staff
    page = client.get(directive.get_absolute_url()).content.decode()
    assert "ลงพื้นที่ครบทุกหมู่บ้านแล้ว" in page


def test_empty_note_is_refused_next_to_the_field_and_nothing_changes(personas: Personas, demo: Meeting) -> None:
    directive = demo.directives.order_by("pk").first()
    before = (directive.status, directive.updates.count())
    response = personas.client_for(personas.staff).post(
        directive.get_absolute_url(), {"note": "  ", "new_status": "done"}
    )
    assert response.status_code == 200
    assert "กรุณากรอกความคืบหน้าที่ดำเนินการ" in response.content.decode()
    directive.refresh_from_db()
    assert (directive.status, directive.updates.count()) == before


def test_staff_of_another_office_and_officials_cannot_report(personas: Personas, demo: Meeting) -> None:
    provincial_only = (
        Directive.objects.filter(responsible_offices__name=data.PROVINCIAL)
        .exclude(responsible_offices__kind=Office.Kind.DISTRICT_OFFICE)
        .first()
    )
    for user in (personas.district_staff, personas.official, personas.outsider):
        client = personas.client_for(user)
        response = client.post(provincial_only.get_absolute_url(), {"note": "x", "new_status": "done"})
        assert response.status_code == 403
    page = personas.client_for(personas.official).get(provincial_only.get_absolute_url()).content.decode()
    assert "บันทึกความคืบหน้า" not in page  # officials read the trail only
    assert personas.client_for(personas.staff).get(provincial_only.get_absolute_url()).status_code == 200


def test_dashboard_counts_the_chosen_fiscal_year(personas: Personas, demo: Meeting) -> None:
    response = personas.client_for(personas.official).get(reverse("home"), {"fiscal_year": 2564})
    context = response.context
    assert context["meetings_held"] == Meeting.objects.filter(fiscal_year=2564).count()
    assert context["directives_total"] == Directive.objects.in_fiscal_year(2564).count()
    assert context["overdue"] == Directive.objects.in_fiscal_year(2564).overdue().count()
    body = response.content.decode()
    assert "<svg" in body and "พ.ศ.&nbsp;2564" in body
    assert "<script" not in body.split("<main")[1].split("</main>")[0]


def test_carried_forward_offers_open_directives_of_earlier_meetings(demo: Meeting) -> None:
    office = demo.organizer
    later = dt.datetime(2030, 1, 1, tzinfo=TZ)
    items = services.carried_forward_directives(office=office, directives=Directive.objects.all(), before=later)
    expected = set(Directive.objects.open().filter(meeting__organizer=office).values_list("pk", flat=True))
    assert {item.directive.pk for item in items} == expected and expected
    directive = items[0].directive
    DirectiveUpdate.objects.create(directive=directive, office=office, note="เริ่มแล้ว", new_status="in_progress")
    refreshed = services.carried_forward_directives(office=office, directives=Directive.objects.all(), before=later)
    assert refreshed[0].latest_status_label == "กำลังดำเนินการ"
    assert (
        services.carried_forward_directives(
            office=office, directives=Directive.objects.all(), before=dt.datetime(2000, 1, 1, tzinfo=TZ)
        )
        == []
    )


def test_carried_forward_fragment(personas: Personas, demo: Meeting) -> None:
    client = personas.client_for(personas.staff)
    body = client.get(reverse("directives:carried_forward"), {"office": demo.organizer_id}).content.decode()
    assert "เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว" in body
    assert client.get(reverse("directives:carried_forward"), {"office": "abc"}).status_code == 404
    assert client.get(reverse("directives:carried_forward"), {"office": "9" * 30}).status_code == 404
    own = client.get(reverse("directives:carried_forward")).content.decode()  # staff's own office by default
    assert demo.organizer.name in own
