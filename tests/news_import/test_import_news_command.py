"""`manage.py import_news FILE [--dry-run] [--json]`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from news_posts import FOLDER, POSTS

from meetings.demo import data
from meetings.models import Meeting, Person

SEED = Path(data.__file__).with_name("lamphun-meeting-2563-11-17.txt")


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_news", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_dry_run_json_prints_the_fields_and_saves_nothing(demo):
    before = Meeting.objects.count()
    fields = json.loads(_run(str(SEED), "--dry-run", "--json"))
    assert Meeting.objects.count() == before
    assert fields["date"] == "2020-11-17"
    assert fields["time"] == "10:00"
    assert fields["venue"] == "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน"
    assert fields["chair_name"] == "นายวรยุทธ เนาวรัตน์"
    assert fields["chair_position"] == "ผู้ว่าราชการจังหวัดลำพูน"
    assert fields["attendee_count"] == 57
    assert {"khok-nong-na", "nam-phatcharatham", "otop", "democracy"} <= set(fields["programs"])
    assert fields["directives"] == [d["text"] for d in data.SEED_MEETING["directives"]]


def test_dry_run_without_json_describes_in_thai(demo):
    out = _run(str(SEED), "--dry-run")
    assert "วันที่: 17 พฤศจิกายน 2563" in out
    assert "เวลา: 10.00 น." in out


def test_import_creates_a_draft_and_prints_its_id(demo):
    people_before = Person.objects.count()
    meeting = Meeting.objects.get(pk=int(_run(str(SEED)).strip()))
    assert meeting.status == Meeting.Status.DRAFT
    assert meeting.title == data.SEED_MEETING["title"]
    assert meeting.organizer.name == data.PROVINCIAL
    assert timezone.localtime(meeting.starts_at).isoformat() == "2020-11-17T10:00:00+07:00"
    assert meeting.venue == "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน"
    # The governor is already known: the draft points at him, no duplicate person is made.
    assert meeting.chair.full_name == "นายวรยุทธ เนาวรัตน์"
    assert Person.objects.count() == people_before
    assert meeting.attendee_count == 57
    assert set(meeting.programs.values_list("code", flat=True)) == set(data.SEED_MEETING["programs"])
    assert list(meeting.directives.values_list("text", flat=True)) == [
        d["text"] for d in data.SEED_MEETING["directives"]
    ]
    assert meeting.summary.startswith("วันอังคารที่ 17 พฤศจิกายน 2563")
    groups = list(meeting.attendances.exclude(group_name="").values_list("group_name", flat=True))
    assert "เจ้าหน้าที่พัฒนาชุมชนทุกระดับ" in groups


def test_new_chair_becomes_a_person_with_the_posts_position(demo, tmp_path):
    post = tmp_path / "post.txt"
    post.write_text(
        "พช.อ.แม่ทา : จัดประชุมทดสอบการนำเข้า\n\nวันพุธที่ ๖ ม.ค. ๖๔ เวลา ๑๓.๓๐ น. นายสมศักดิ์  แก้วประเสริฐ  "
        "นายอำเภอแม่ทา เป็นประธานการประชุม ณ ห้องประชุมที่ว่าการอำเภอแม่ทา",
        encoding="utf-8",
    )
    meeting = Meeting.objects.get(pk=int(_run(str(post)).strip()))
    assert meeting.organizer.name == data.district_office("แม่ทา")
    assert (meeting.chair.title, meeting.chair.first_name, meeting.chair.last_name) == ("นาย", "สมศักดิ์", "แก้วประเสริฐ")
    assert meeting.chair.position == "นายอำเภอแม่ทา"
    assert meeting.directives.count() == 0


def test_post_without_date_is_refused_in_thai_and_nothing_is_saved(demo, tmp_path):
    post = tmp_path / "post.txt"
    post.write_text("พช.ลำพูน : ประชุมคณะทำงาน\n\nสำนักงานพัฒนาชุมชนจังหวัดลำพูน จัดประชุมคณะทำงาน", encoding="utf-8")
    before = Meeting.objects.count()
    with pytest.raises(CommandError, match="วันที่ประชุม"):
        _run(str(post))
    assert Meeting.objects.count() == before


def test_missing_file_is_a_thai_error(demo, tmp_path):
    with pytest.raises(CommandError, match="ไม่พบไฟล์"):
        _run(str(tmp_path / "none.txt"))


@pytest.mark.parametrize(("name", "expected"), POSTS, ids=[name for name, _ in POSTS])
def test_json_of_further_posts(db, name, expected):
    fields = json.loads(_run(str(FOLDER / name), "--dry-run", "--json"))
    for key in ("title", "venue", "chair_name", "chair_position", "attendee_count", "programs", "directives"):
        if key in expected:
            assert fields[key] == expected[key], key
    if "date" in expected:
        assert fields["date"] == (expected["date"].isoformat() if expected["date"] else None)
    if "time" in expected:
        assert fields["time"] == (expected["time"].strftime("%H:%M") if expected["time"] else None)
