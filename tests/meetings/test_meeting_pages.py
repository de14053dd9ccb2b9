"""The meeting list (filters, newest first, pages, constant queries) and the minutes page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lamphun_portal.lib import thai
from meetings.models import Attendance, Meeting, Office
from tests.conftest import Personas

pytestmark = pytest.mark.django_db

LIST = reverse("meetings:list")


def _listed(response: Any) -> list[Meeting]:
    return list(response.context["page"].object_list)


def _many(office: Office, count: int) -> None:
    """`count` published meetings, one a day from 1 Jan 2022 (bulk: Meeting.save's fields are set by hand)."""
    tz = timezone.get_default_timezone()
    meetings = []
    for i in range(count):
        starts_at = dt.datetime(2022, 1, 1, 9, 0, tzinfo=tz) + dt.timedelta(days=i)
        meetings.append(
            Meeting(
                title=f"ประชุมประจำวัน {i}",
                organizer=office,
                starts_at=starts_at,
                venue="ห้องประชุม",
                status="published",
                fiscal_year=thai.fiscal_year(starts_at),
                number_year=thai.be_year(starts_at),
            )
        )
    Meeting.objects.bulk_create(meetings)


def test_newest_first_with_buddhist_era_dates(personas: Personas, demo: Meeting) -> None:
    response = personas.client_for(personas.official).get(LIST)
    listed = _listed(response)
    assert [m.starts_at for m in listed] == sorted((m.starts_at for m in listed), reverse=True)
    html = response.content.decode()
    assert "17 พฤศจิกายน 2563" in html
    assert "2020" not in html


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ({"fiscal_year": "2564"}, lambda m: m.fiscal_year == 2564),
        ({"status": "certified"}, lambda m: m.status == "certified"),
        ({"office": "district"}, lambda m: m.organizer.name == "สำนักงานพัฒนาชุมชนอำเภอแม่ทา"),
    ],
)
def test_filters(personas: Personas, demo: Meeting, query: dict[str, str], check: Any) -> None:
    if query.get("office") == "district":
        query = {"office": str(Office.objects.get(name="สำนักงานพัฒนาชุมชนอำเภอแม่ทา").pk)}
    everything = _listed(personas.client_for(personas.official).get(LIST))
    response = personas.client_for(personas.official).get(LIST, query)
    listed = _listed(response)
    assert listed and all(check(m) for m in listed)
    assert len(listed) == len([m for m in everything if check(m)])
    assert "ล้างตัวกรอง" in response.content.decode()


def test_filters_that_match_nothing_say_what_to_do(personas: Personas, demo: Meeting) -> None:
    response = personas.client_for(personas.official).get(LIST, {"fiscal_year": "2564", "status": "draft"})
    html = response.content.decode()
    assert "ไม่พบการประชุมตามตัวกรองที่เลือก" in html
    assert "แสดงการประชุมทั้งหมด" in html


def test_empty_list_invites_staff_to_record(personas: Personas) -> None:
    Meeting.objects.all().delete()
    html = personas.client_for(personas.staff).get(LIST).content.decode()
    assert "ยังไม่มีรายงานการประชุม" in html
    assert reverse("meetings:create") in html


def test_pages_keep_the_filters(personas: Personas, provincial_office: Office) -> None:
    # The official reads every meeting of the year but other offices' drafts.
    in_demo = Meeting.objects.in_fiscal_year(2565).exclude(status="draft", organizer__district__gt="").count()
    _many(provincial_office, 45)
    client = personas.client_for(personas.official)
    first = client.get(LIST, {"fiscal_year": "2565"})
    assert len(_listed(first)) == 20
    assert first.context["page"].paginator.count == 45 + in_demo
    assert "?fiscal_year=2565&amp;page=2" in first.content.decode()
    third = client.get(LIST, {"fiscal_year": "2565", "page": "3"})
    assert len(_listed(third)) == 45 + in_demo - 40
    assert client.get(LIST, {"page": "99"}).context["page"].number == 3


def test_list_queries_do_not_grow_with_meetings(personas: Personas, provincial_office: Office) -> None:
    client = personas.client_for(personas.staff)
    counts = []
    for total in (5, 500):
        Meeting.objects.all().delete()
        _many(provincial_office, total)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LIST)
        assert response.context["page"].paginator.count == total
        counts.append(len(queries))
    # Session, user, permissions, roles, office, years, offices, count, the page of meetings (+ organizers).
    assert counts[0] == counts[1] <= 13, counts


def test_detail_reads_like_the_minutes(personas: Personas, demo: Meeting, provincial_office: Office) -> None:
    Attendance.objects.create(
        meeting=demo,
        order=99,
        group_name="พัฒนาการอำเภอบ้านธิ",
        presence=Attendance.Presence.ABSENT,
        absence_reason="ติดราชการ",
    )
    response = personas.client_for(personas.official).get(reverse("meetings:detail", args=[demo.pk]))
    html = response.content.decode()
    headings = ["ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม", "ระเบียบวาระที่ 1", "มติที่ประชุม", "ข้อสั่งการ"]
    # The order is the minutes' own: read it inside the minutes article, not the navigation bar above it.
    minutes = html[html.index('<article class="minutes"') :]
    positions = [minutes.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "(ติดราชการ)" in html
    assert 'เมื่อ<span class="be-date">วันอังคารที่ 17 พฤศจิกายน 2563</span>' in html
    assert "พ.ศ. 2564" in html and "2,564" not in html
    assert "ณ ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน" in html
    assert 'data-action="print"' in html


def test_detail_queries_do_not_grow_with_rows(personas: Personas, demo: Meeting) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = personas.client_for(personas.official)
    url = reverse("meetings:detail", args=[demo.pk])
    client.get(url)  # the session and caches warm, as for any reader after the first page

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    Attendance.objects.bulk_create(
        Attendance(meeting=demo, order=100 + i, group_name=f"กลุ่ม {i}", headcount=3) for i in range(200)
    )
    # The same number with 200 more rows; and a bound on it: 17 for the page itself, 6 fixed ones for the minutes'
    # panel (its signatures, review, certification, stored PDFs, the earlier minutes its agenda item 2 certified).
    assert queries() == before <= 24


def test_print_stylesheet_hides_the_application_around_the_minutes(client: Any) -> None:
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/portal.css"), encoding="utf-8").read()
    print_rules = css[css.index("@media print") :]
    for selector in (".site-header", ".side-panel", ".no-print"):
        assert selector in print_rules


def test_auth_pages_are_thai(personas: Personas) -> None:
    from django.test import Client

    login = Client().get(reverse("login")).content.decode()
    assert "เข้าสู่ระบบ" in login and "รหัสผ่าน" in login
    change = personas.client_for(personas.staff).get(reverse("password_change")).content.decode()
    assert "เปลี่ยนรหัสผ่าน" in change and "รหัสผ่านเดิม" in change


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("ประชุมประจำเดือนสิงหาคม 2563", "รายงานการประชุมประจำเดือนสิงหาคม 2563"),
        ("การประชุมคณะทำงาน", "รายงานการประชุมคณะทำงาน"),
        ("คณะกรรมการกองทุนหมู่บ้าน", "รายงานการประชุมคณะกรรมการกองทุนหมู่บ้าน"),
    ],
)
def test_minutes_heading_says_prachum_once(title: str, heading: str) -> None:
    from meetings.models import minutes_title

    assert minutes_title(title) == heading


def test_units_stay_on_one_line() -> None:
    from meetings.templatetags.portal_text import keep_together

    text = keep_together("ประจำปีงบประมาณ พ.ศ. 2564 เวลา 10.00 น. จำนวน 57 คน ครั้งที่ 3/2563")
    assert text == "ประจำปีงบประมาณ พ.ศ.\u00a02564 เวลา 10.00\u00a0น. จำนวน 57\u00a0คน ครั้งที่\u00a03/2563"
