"""RSS/Atom feeds of the news and the iCalendar feed of upcoming meetings, read back with real parsers."""

from __future__ import annotations

import datetime as dt

import feedparser
import icalendar
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting


def _future(office, title: str, status: str, days: int = 10) -> Meeting:
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    return Meeting.objects.create(
        title=title,
        organizer=office,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        venue="ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน",
        status=status,
    )


def test_rss_feed_is_valid_and_lists_only_published_posts(client, demo):
    response = client.get(reverse("news:rss"))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    titles = [entry.title for entry in feed.entries]
    assert any(title.startswith("พช.ลำพูน : จัดประชุมเตรียมความพร้อม") for title in titles)
    assert len(titles) == Meeting.objects.published().count()
    for meeting in Meeting.objects.exclude(status=Meeting.Status.PUBLISHED):
        assert not any(meeting.title in title for title in titles)
    seed = next(e for e in feed.entries if e.title == f"พช.ลำพูน : จัด{demo.title}")
    assert seed.link.endswith(reverse("news:detail", args=[demo.pk]))
    assert "วันอังคารที่ 17 พฤศจิกายน 2563 เวลา 10.00 น." in seed.summary


def test_atom_feed_is_valid(client, demo):
    response = client.get(reverse("news:atom"))
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "ข่าวการประชุม สำนักงานพัฒนาชุมชนจังหวัดลำพูน"
    assert len(feed.entries) == Meeting.objects.published().count()
    assert all(entry.updated_parsed for entry in feed.entries)


def test_ical_lists_upcoming_published_meetings_only(client, demo, provincial_office):
    upcoming = _future(provincial_office, "ประชุมประจำเดือนที่กำลังจะมาถึง", Meeting.Status.PUBLISHED)
    _future(provincial_office, "ประชุมร่างที่ยังไม่เผยแพร่", Meeting.Status.DRAFT)
    _future(provincial_office, "ประชุมที่รับรองแล้วแต่ยังไม่เผยแพร่", Meeting.Status.CERTIFIED)
    response = client.get(reverse("news:ical"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [str(event["SUMMARY"]) for event in events] == ["ประชุมประจำเดือนที่กำลังจะมาถึง"]
    event = events[0]
    assert event.decoded("DTSTART") == timezone.localtime(upcoming.starts_at)
    assert event.decoded("DTSTART").utcoffset() == dt.timedelta(hours=7)
    assert event.decoded("DTEND") == timezone.localtime(upcoming.ends_at)
    assert str(event["LOCATION"]) == "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน"
    assert str(event["URL"]).endswith(reverse("news:detail", args=[upcoming.pk]))
    # Past meetings (the seed of 2563) are not upcoming.
    assert "เตรียมความพร้อม" not in response.content.decode()
    assert calendar.walk("VTIMEZONE"), "calendar apps need the Asia/Bangkok definition"
