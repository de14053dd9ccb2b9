"""The news-post importer: the seed post and further posts in the same genre read back field by field."""

from __future__ import annotations

import pytest
from news_posts import POSTS, post_text

from meetings.demo import data
from news_import.parser import extract


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


# --- Thai structure the parser reads (sentences written for these tests; every person is fictional) -----------


def _facts(post: str) -> dict[str, object]:
    fields = extract(post).as_json()
    return {key: fields[key] for key in ("date", "time", "venue", "chair_name", "chair_position", "attendee_count")}


def test_title_glued_to_the_time_and_a_chair_named_by_the_one_who_was_asked():
    facts = _facts(
        "วันที่ ๒ ต.ค. ๖๕ เวลา ๑๐.๐๐ น.นายสมศักดิ์ ใจดี นายอำเภอลี้ มอบหมายให้นายวิทยา สุขใจ ปลัดอำเภอลี้ "
        "เป็นประธานในการประชุม ที่ห้องประชุมที่ว่าการอำเภอลี้"
    )
    assert facts == {
        "date": "2022-10-02",
        "time": "10:00",
        "venue": "ห้องประชุมที่ว่าการอำเภอลี้",
        "chair_name": "นายวิทยา สุขใจ",
        "chair_position": "ปลัดอำเภอลี้",
        "attendee_count": None,
    }


def test_police_rank_short_date_and_time_range():
    facts = _facts(
        "วันที่ 14 ก.ย.63 เวลา 13.30 - 15.00 น. พันตำรวจเอกสมชาย ใจกล้า ผู้กำกับการสถานีตำรวจภูธรเมืองลำพูน "
        "เป็นประธานการประชุมฯ ณ ห้องประชุมสถานีตำรวจภูธรเมืองลำพูน"
    )
    assert (facts["date"], facts["time"]) == ("2020-09-14", "13:30")
    assert (facts["chair_name"], facts["chair_position"]) == (
        "พันตำรวจเอกสมชาย ใจกล้า",
        "ผู้กำกับการสถานีตำรวจภูธรเมืองลำพูน",
    )


def test_minister_from_outside_the_province_opens_the_meeting_and_another_official_reports():
    facts = _facts(
        "วันที่ 7 เม.ย. 2566 เวลา 09.00 น. พลเอกสมหมาย ทองดี รัฐมนตรีว่าการกระทรวงมหาดไทย เป็นประธานเปิดการประชุม "
        "โดยมีนายสมปอง ดีงาม อธิบดีกรมการพัฒนาชุมชน กล่าวรายงาน ณ โรงแรมลำพูนวิว จำนวน 200 คน เข้าร่วมประชุม"
    )
    assert (facts["chair_name"], facts["chair_position"]) == ("พลเอกสมหมาย ทองดี", "รัฐมนตรีว่าการกระทรวงมหาดไทย")
    assert (facts["venue"], facts["attendee_count"]) == ("โรงแรมลำพูนวิว", 200)


def test_academic_title_unknown_position_and_two_rooms():
    facts = _facts(
        "เมื่อวันที่ 5 มกราคม 2565 ผศ.ดร.สมหญิง ใจงาม คณบดีคณะเกษตรศาสตร์ เป็นประธานพิธีเปิดการประชุมเชิงปฏิบัติการ "
        "ณ ห้องประชุม 1 และห้องประชุม 2 อาคารเรียนรวม"
    )
    assert (facts["chair_name"], facts["chair_position"]) == ("ผศ.ดร.สมหญิง ใจงาม", "คณบดีคณะเกษตรศาสตร์")
    assert facts["venue"] == "ห้องประชุม 1 และห้องประชุม 2 อาคารเรียนรวม"


def test_chair_without_เป็น_acting_rank_and_a_whole_district():
    facts = _facts("วันที่ 3 มีนาคม 2566 ว่าที่ร้อยตรีหญิงสมใจ รักดี พัฒนาการอำเภอทุ่งหัวช้าง ประธานการประชุม ในพื้นที่อำเภอทุ่งหัวช้าง")
    assert (facts["chair_name"], facts["chair_position"]) == ("ว่าที่ร้อยตรีหญิงสมใจ รักดี", "พัฒนาการอำเภอทุ่งหัวช้าง")
    assert facts["venue"] == "พื้นที่อำเภอทุ่งหัวช้าง"


@pytest.mark.parametrize(
    "post",
    [
        "วันที่ 8 เม.ย. 2566 ณ ห้องประชุมจามเทวี โดยมีรองผู้ว่าราชการจังหวัดลำพูนเป็นประธานการประชุม",
        "วันที่ 8 เม.ย. 2566 เวลา 09.00 น. รองผู้ว่าราชการจังหวัดลำพูน เป็นประธานการประชุม ณ ห้องประชุมจามเทวี",
    ],
)
def test_chair_named_by_position_only(post):
    facts = _facts(post)
    assert (facts["chair_name"], facts["chair_position"]) == ("", "รองผู้ว่าราชการจังหวัดลำพูน")


def test_a_committee_president_is_not_the_chair_and_a_history_count_is_not_a_headcount():
    facts = _facts(
        "วันที่ 23 พฤศจิกายน 2563 เวลา 13.00 น. พัฒนาการจังหวัดพิจิตร พบปะผู้ประกอบการ OTOP "
        "โดยที่ประชุมฯ ประธานเครือข่าย OTOP ได้ชี้แจงผลการดำเนินงาน\n"
        "โครงการนี้ทดลองดำเนินการในจังหวัดสกลนคร และจังหวัดกาฬสินธุ์ รวมทั้งสิ้น 100 คน"
    )
    assert (facts["chair_name"], facts["chair_position"], facts["attendee_count"]) == ("", "", None)


def test_venue_ends_where_a_glued_name_begins_and_a_word_broken_over_lines_is_joined():
    facts = _facts(
        "ที่ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดแพร่ ชั้น 4 ศาลากลางจังหวัดแพร่นางสาวสมใจ รักดี รองผู้ว่าราชการจังหวัดแพร่ เป็นประธานการประชุมฯ"
    )
    assert facts["venue"] == "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดแพร่ ชั้น 4 ศาลากลางจังหวัดแพร่"
    assert facts["chair_name"] == "นางสาวสมใจ รักดี"
    broken = _facts("จังหวัดเพชรบุรี จัดประชุมการเก็บข้อมูล ณ ห้อง\nประชุมสำนักงานพัฒนาชุมชนจังหวัดเพชรบุรี")
    assert broken["venue"] == "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดเพชรบุรี"


def test_a_family_name_written_with_ณ_is_not_a_venue():
    facts = _facts("วันที่ 1 ธันวาคม 2565 นางสมศรี รักไทย ณ อยุธยา พัฒนาการอำเภอบางไทร เป็นประธานการประชุม ณ หอประชุมอำเภอบางไทร")
    assert (facts["chair_name"], facts["venue"]) == ("นางสมศรี รักไทย ณ อยุธยา", "หอประชุมอำเภอบางไทร")


def test_a_typed_year_that_cannot_be_is_not_a_date():
    assert extract("พช.ลำพูน : ประชุมทดสอบ\n\nวันที่ 18 ตุลาคม 3563 เวลา 10.00 น.").date is None
