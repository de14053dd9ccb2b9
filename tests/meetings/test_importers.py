"""The news-post importer: the seed post and further posts in the same genre read back field by field."""

from __future__ import annotations

import pytest
from news_posts import POSTS, post_text

from meetings.demo import data
from meetings.importers import extract


def _fold(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed():
    return extract(data.SEED_POST)


def test_seed_post_gives_the_meetings_facts(seed):
    fields = seed.as_json()
    assert fields["title"] == data.SEED_MEETING["title"]
    assert fields["date"] == "2020-11-17"
    assert fields["time"] == "10:00"
    assert fields["venue"] == "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน"
    assert fields["chair_name"] == "นายวรยุทธ เนาวรัตน์"
    assert fields["chair_position"] == "ผู้ว่าราชการจังหวัดลำพูน"
    assert fields["attendee_count"] == 57
    assert fields["target_group"] == data.SEED_MEETING["target_group"]


def test_seed_post_programs_are_those_it_mentions(seed):
    assert {"khok-nong-na", "nam-phatcharatham", "otop", "democracy"} <= set(seed.programs)
    # The post also names หลักปรัชญาของเศรษฐกิจพอเพียง; the lead's reading lists the same five.
    assert set(seed.programs) == set(data.SEED_MEETING["programs"])


def test_seed_directives_are_the_points_of_the_governors_speech(seed):
    expected = [directive["text"] for directive in data.SEED_MEETING["directives"]]
    assert [_fold(text) for text in seed.directives] == expected


def test_seed_attendee_groups_are_those_the_post_lists(seed):
    assert seed.attendee_groups == [
        "พัฒนาการจังหวัดลำพูน",
        "ผู้อำนวยการกลุ่มงานฯ",
        "พัฒนาการอำเภอ",
        "เจ้าหน้าที่พัฒนาชุมชนทุกระดับ",
    ]


def test_seed_narrative_is_the_post_without_headline_or_page_counter(seed):
    assert seed.narrative.startswith("วันอังคารที่ 17 พฤศจิกายน 2563")
    assert "Visited" not in seed.narrative
    assert seed.narrative.endswith("เพื่อนำไปปรับใช้ในการปฏิบัติงานต่อไป")
    assert "“ขอให้มุ่งเน้นในประเด็น" in seed.narrative


@pytest.mark.parametrize(("name", "expected"), POSTS, ids=[name for name, _ in POSTS])
def test_further_posts(name, expected):
    result = extract(post_text(name))
    for name, value in expected.items():
        got = getattr(result, name)
        assert got == value, f"{name}: {got!r} != {value!r}"


def test_there_are_at_least_ten_further_posts_and_some_leave_fields_out():
    assert len(POSTS) >= 10
    missing = {name for _, fields in POSTS for name, value in fields.items() if value in (None, "", [])}
    assert {"date", "time", "venue", "chair_name", "attendee_count", "directives"} <= missing


def test_programs_added_by_an_admin_are_found_by_name():
    post = "พช.ลำพูน : ประชุมติดตามโครงการ ชุมชนท่องเที่ยว OTOP นวัตวิถี\n\nวันที่ 2 ก.พ. 2565 ..."
    result = extract(post, programs=[("otop-nawatwithi", "ชุมชนท่องเที่ยว OTOP นวัตวิถี")])
    assert result.programs == ["otop", "otop-nawatwithi"]


def test_a_weekday_that_does_not_match_still_gives_the_stated_date():
    result = extract("พช.ลำพูน : ประชุมทดสอบ\n\nวันจันทร์ที่ 17 พฤศจิกายน 2563 เวลา 10.00 น.")
    assert result.date.isoformat() == "2020-11-17"


def test_an_impossible_date_is_not_read():
    result = extract("พช.ลำพูน : ประชุมทดสอบ\n\nวันที่ 31 กุมภาพันธ์ 2564 เวลา 25.00 น.")
    assert result.date is None
    assert result.time is None
