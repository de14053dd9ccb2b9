"""Public news pages: what anyone sees without signing in, and what they must never see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, Office
from news.models import PostView


def _meeting(office: Office, title: str, when: dt.datetime, status: str = Meeting.Status.PUBLISHED) -> Meeting:
    return Meeting.objects.create(title=title, organizer=office, starts_at=when, venue="ห้องประชุมทดสอบ", status=status)


def test_published_meeting_reads_as_the_office_news_post(client, demo):
    response = client.get(reverse("news:detail", args=[demo.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "พช.ลำพูน : จัดประชุมเตรียมความพร้อมการขับเคลื่อนกิจกรรมพัฒนาชุมชน" in page
    assert "วันอังคารที่ 17 พฤศจิกายน 2563 เวลา 10.00\u00a0น." in page
    # House style: พ.ศ. 2564 and 10.00 น. never break across lines.
    assert "ประจำปีงบประมาณ พ.ศ.\u00a02564" in page
    assert "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน" in page
    assert "ขอให้มุ่งเน้นในประเด็นการปกป้องและเทิดทูนสถาบันกษัตริย์" in page
    # The old website's counter line is not news.
    assert "Visited" not in page


@pytest.mark.parametrize("status", [Meeting.Status.DRAFT, Meeting.Status.CERTIFIED])
def test_unpublished_meetings_are_404_for_anonymous_visitors(client, demo, status):
    demo.status = status
    demo.save(update_fields=["status"])
    assert client.get(reverse("news:detail", args=[demo.pk])).status_code == 404
    assert demo.title not in client.get(reverse("news:list")).content.decode()


def test_demo_drafts_never_appear_in_the_list(client, demo):
    page = client.get(reverse("news:list")).content.decode()
    for meeting in Meeting.objects.exclude(status=Meeting.Status.PUBLISHED):
        assert meeting.title not in page
        assert client.get(reverse("news:detail", args=[meeting.pk])).status_code == 404


def test_public_post_shows_no_personal_data_beyond_officials_names_and_positions(client, demo):
    page = client.get(reverse("news:detail", args=[demo.pk])).content.decode()
    assert "นายวรยุทธ เนาวรัตน์" in page and "ผู้ว่าราชการจังหวัดลำพูน" in page
    # Staff accounts, attendance rows and progress reports stay inside the portal.
    for private in ["staff1", "กนกวรรณ", "ผู้จดรายงานการประชุม", "คัดเลือกครัวเรือนเป้าหมายและจัดอบรม", "@"]:
        assert private not in page


def test_view_counter_counts_a_visitor_once_a_day(client, demo, monkeypatch):
    url = reverse("news:detail", args=[demo.pk])
    client.get(url)
    client.get(url)
    assert PostView.objects.filter(meeting=demo).count() == 1
    page = client.get(url).content.decode()
    assert "(เข้าชม 1 ครั้ง, วันนี้ 1 ครั้ง)" in page

    # Another reader (another address) the same day counts.
    client.get(url, REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT="Firefox")
    assert PostView.objects.filter(meeting=demo).count() == 2

    # The first reader again tomorrow counts once more.
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)
    client.get(url)
    client.get(url)
    assert PostView.objects.filter(meeting=demo).count() == 3
    page = client.get(url).content.decode()
    assert "(เข้าชม 3 ครั้ง, วันนี้ 1 ครั้ง)" in page


def test_counter_is_shared_through_the_database_not_a_process(demo):
    """Two app servers are two processes: only the database row decides whether a visit is new."""
    PostView.objects.record(demo, "a" * 64)
    PostView.objects.record(demo, "a" * 64)  # a second server seeing the same visitor
    PostView.objects.record(demo, "b" * 64)
    assert PostView.objects.totals(demo)["total"] == 2


def test_view_counter_stores_no_address(client, demo):
    client.get(reverse("news:detail", args=[demo.pk]), REMOTE_ADDR="192.0.2.77")
    stored = PostView.objects.get(meeting=demo).visitor
    assert "192.0.2.77" not in stored and len(stored) == 64


def test_list_pages_and_filters_by_fiscal_year(client, demo, provincial_office):
    tz = timezone.get_default_timezone()
    for day in range(1, 24):
        _meeting(provincial_office, f"ประชุมทดสอบลำดับ {day:02d}", dt.datetime(2023, 3, day, 9, 0, tzinfo=tz))
    first = client.get(reverse("news:list"), {"fy": "2566"}).content.decode()
    assert "ประชุมทดสอบลำดับ 23" in first and "ประชุมทดสอบลำดับ 13" not in first
    assert "ประชุมเตรียมความพร้อม" not in first  # fiscal year 2564 is filtered out
    third = client.get(reverse("news:list"), {"fy": "2566", "page": 3}).content.decode()
    assert "ประชุมทดสอบลำดับ 03" in third and "ประชุมทดสอบลำดับ 01" in third
    assert "ประชุมทดสอบลำดับ 04" not in third
    assert 'href="?fy=2566&amp;page=2"' in third


def test_list_with_an_empty_year_says_what_to_do(client, demo):
    page = client.get(reverse("news:list"), {"fy": "2570"}).content.decode()
    assert "ยังไม่มีข่าวการประชุมในปีงบประมาณ พ.ศ. 2570" in page
    assert "ดูข่าวทุกปี" in page


@pytest.mark.parametrize("rows", [5, 500])
def test_list_queries_do_not_grow_with_rows(client, demo, provincial_office, django_assert_max_num_queries, rows):
    tz = timezone.get_default_timezone()
    Meeting.objects.bulk_create(
        Meeting(
            title=f"ประชุม {n}",
            organizer=provincial_office,
            starts_at=dt.datetime(2022, 1, 1, 9, 0, tzinfo=tz) + dt.timedelta(hours=n),
            venue="ห้อง",
            status=Meeting.Status.PUBLISHED,
            fiscal_year=2565,
            numbering="calendar",
        )
        for n in range(rows)
    )
    with django_assert_max_num_queries(8):
        assert client.get(reverse("news:list")).status_code == 200
