"""Thai search across meetings and directives: each query asserts exactly which records are found.

Runs on SQLite and, with DATABASE_URL=postgres://..., on PostgreSQL (CI runs both).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directives.models import Directive
from meetings.models import Attendance, Meeting, Office, Person
from programs.models import Program
from search import query as search_query
from search.highlight import highlight
from search.models import SearchToken
from search.query import rank
from search.words import query_words

TZ = timezone.get_default_timezone()


@pytest.fixture
def corpus(db: None) -> dict[str, object]:
    """A few meetings and directives written the ways Thai officials write them (fictional people)."""
    province = Office.objects.create(name="สำนักงานพัฒนาชุมชนจังหวัดลำพูน", kind=Office.Kind.PROVINCIAL_OFFICE)
    li = Office.objects.create(name="สำนักงานพัฒนาชุมชนอำเภอลี้", kind=Office.Kind.DISTRICT_OFFICE, district="ลี้")
    khok = Program.objects.create(code="khok-nong-na", name="โคก หนอง นา โมเดล")
    otop = Program.objects.create(code="otop", name="OTOP หนึ่งตำบล หนึ่งผลิตภัณฑ์")
    chair = Person.objects.create(title="นาย", first_name="สมชาย", last_name="ใจงาม", office=province)
    pranee = Person.objects.create(title="นางสาว", first_name="ปราณี", last_name="ศรีวงค์", office=li)
    records: dict[str, object] = {}
    records["m_plan"] = Meeting.objects.create(
        title="การประชุมขับเคลื่อนแผนงานกรมการพัฒนาชุมชน",
        organizer=province,
        starts_at=dt.datetime(2020, 11, 17, 10, tzinfo=TZ),
        venue="ห้องประชุมศาลากลางจังหวัดลำพูน",
        chair=chair,
        summary="ที่ประชุมรับทราบนโยบายการพัฒนาชุมชนประจำปี",
    )
    records["m_khok"] = Meeting.objects.create(
        title="การประชุมติดตามโครงการโคก หนอง นา",
        organizer=li,
        starts_at=dt.datetime(2021, 3, 2, 9, tzinfo=TZ),
        venue="ศาลาอเนกประสงค์บ้านแม่ตืน",
        summary="เกษตรกรรายงานการขุดปรับพื้นที่ตามแบบ",
    )
    records["m_khok"].programs.add(khok)
    Attendance.objects.create(meeting=records["m_khok"], order=1, person=pranee, role=Attendance.Role.PRESENTER)
    records["m_otop"] = Meeting.objects.create(
        title="การประชุมคัดสรรผลิตภัณฑ์ OTOP",
        organizer=province,
        starts_at=dt.datetime(2021, 6, 8, 13, 30, tzinfo=TZ),
        venue="โรงแรมลำพูนวิลล์",
        summary="คณะกรรมการพิจารณาผ้าไหมยกดอกลำพูน",
    )
    records["m_otop"].programs.add(otop)
    records["d_money"] = Directive.objects.create(
        meeting=records["m_plan"], order=1, issued_by=chair, text="ให้ทุกอำเภอเร่งรัดการเบิกจ่ายงบประมาณ"
    )
    records["d_village"] = Directive.objects.create(
        meeting=records["m_plan"], order=2, issued_by=chair, text="ให้สนับสนุนหมู่บ้านเศรษฐกิจพอเพียงต้นแบบ"
    )
    records["d_khok"] = Directive.objects.create(
        meeting=records["m_khok"], order=1, issued_by=pranee, text="ให้ลงพื้นที่ติดตามแปลงโคกหนองนาทุกเดือน"
    )
    records["d_khok"].programs.add(khok)
    records["d_dept"] = Directive.objects.create(
        meeting=records["m_otop"], order=1, text="ประสานสำนักงานพัฒนาชุมชนอำเภอเพื่อส่งผ้าไหมเข้าประกวด"
    )
    return records


def found(query: str, corpus: dict[str, object]) -> set[str]:
    """Names (keys of `corpus`) of the records the query finds."""
    names = {}
    for name, record in corpus.items():
        kind = SearchToken.Kind.MEETING if isinstance(record, Meeting) else SearchToken.Kind.DIRECTIVE
        names[(kind, record.pk)] = name
    return {names[(hit.kind, hit.object_id)] for hit in rank(query).hits}


QUERIES = [
    # A word inside compounds: พัฒนาชุมชน, กรมการพัฒนาชุมชน, สำนักงานพัฒนาชุมชน.
    ("ชุมชน", {"m_plan", "d_dept"}),
    ("พัฒนาชุมชน", {"m_plan", "d_dept"}),
    ("กรมการพัฒนาชุมชน", {"m_plan"}),
    # Spacing variants: written with and without spaces, typed with and without.
    ("โคกหนองนา", {"m_khok", "d_khok"}),
    ("โคก หนอง นา", {"m_khok", "d_khok"}),
    ("โคก  หนองนา", {"m_khok", "d_khok"}),
    # People by first name, surname, full name with title.
    ("สมชาย", {"m_plan", "d_money", "d_village"}),
    ("ใจงาม", {"m_plan", "d_money", "d_village"}),
    ("นายสมชาย ใจงาม", {"m_plan", "d_money", "d_village"}),
    ("ปราณี", {"m_khok", "d_khok"}),
    # Program names.
    ("OTOP", {"m_otop"}),
    ("otop", {"m_otop"}),
    ("หนึ่งตำบลหนึ่งผลิตภัณฑ์", {"m_otop"}),
    # Venue, narrative and directive text.
    ("ศาลากลาง", {"m_plan"}),
    ("บ้านแม่ตืน", {"m_khok"}),
    ("แม่ตืน", {"m_khok"}),
    ("เศรษฐกิจพอเพียง", {"d_village"}),
    ("พอเพียง", {"d_village"}),
    ("งบประมาณ", {"d_money"}),
    ("เบิกจ่าย", {"d_money"}),
    ("ผ้าไหม", {"m_otop", "d_dept"}),
    ("หมู่บ้าน", {"d_village"}),
    # Several words: every word must be there.
    ("ผ้าไหม ประกวด", {"d_dept"}),
    # Nothing found.
    ("ฟุตบอล", set()),
    ("", set()),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q or "empty" for q, _ in QUERIES])
def test_query_finds_exactly(query: str, expected: set[str], corpus: dict[str, object]) -> None:
    assert found(query, corpus) == expected


@pytest.mark.parametrize("query", [query for query, _ in QUERIES if query])
def test_joined_and_grouped_queries_rank_alike(query: str, corpus: dict[str, object], monkeypatch: Any) -> None:
    """Short queries join a row per word, long ones group the rows: the same hits, scores and order."""
    joined = [(hit.kind, hit.object_id, hit.score) for hit in rank(query).hits]
    monkeypatch.setattr(search_query, "MAX_JOINED_WORDS", -1)
    assert [(hit.kind, hit.object_id, hit.score) for hit in rank(query).hits] == joined


def test_ranking_puts_title_matches_before_body_matches(corpus: dict[str, object]) -> None:
    hits = rank("ชุมชน").hits
    assert (hits[0].kind, hits[0].object_id) == (SearchToken.Kind.MEETING, corpus["m_plan"].pk)


def test_index_follows_edits_and_deletes(corpus: dict[str, object]) -> None:
    directive = corpus["d_money"]
    directive.text = "ให้จัดอบรมอาสาพัฒนาชุมชน"
    directive.save()
    assert "d_money" not in found("งบประมาณ", corpus)
    assert "d_money" in found("อาสา", corpus)
    person = directive.issued_by
    person.first_name = "สมศักดิ์"
    person.save()
    assert found("สมชาย", corpus) == set()
    assert found("สมศักดิ์", corpus) == {"m_plan", "d_money", "d_village"}
    corpus["m_khok"].delete()
    assert found("โคกหนองนา", {k: v for k, v in corpus.items() if k not in {"m_khok", "d_khok"}}) == set()
    assert not SearchToken.objects.filter(object_id=corpus["d_khok"].pk, kind=SearchToken.Kind.DIRECTIVE).exists()


def test_reindex_command_rebuilds_the_same_index(corpus: dict[str, object]) -> None:
    before = set(SearchToken.objects.values_list("word", "kind", "object_id", "weight"))
    SearchToken.objects.all().delete()
    assert found("โคกหนองนา", corpus) == set()
    call_command("reindex")
    assert set(SearchToken.objects.values_list("word", "kind", "object_id", "weight")) == before
    assert found("โคกหนองนา", corpus) == {"m_khok", "d_khok"}


def test_highlight_marks_matched_words_and_escapes_the_rest() -> None:
    words = query_words("ชุมชน")
    html = highlight("<b>กรมการพัฒนาชุมชน</b> และชุมชน", words)
    assert html.count("<mark>") == 2
    assert "&lt;b&gt;" in html
    assert "<mark>ชุมชน</mark>" in html


def test_query_uses_the_index_not_a_scan_of_records(corpus: dict[str, object]) -> None:
    with CaptureQueriesContext(connection) as queries:
        rank("โคกหนองนา")
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "meetings_meeting" not in sql and "meetings_directive" not in sql
    assert "LIKE" not in sql.upper()
