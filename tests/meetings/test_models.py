import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from directives.models import Directive
from meetings.models import AgendaItem, Attendance, Meeting, Office, Person

BKK = timezone.get_default_timezone()


def _meeting(office: Office, **fields: object) -> Meeting:
    values = {
        "title": "ประชุมทดสอบ",
        "organizer": office,
        "starts_at": dt.datetime(2021, 5, 4, 9, 0, tzinfo=BKK),
        "venue": "ห้องประชุม",
    }
    values.update(fields)
    return Meeting.objects.create(**values)


@pytest.fixture
def district(db: None) -> Office:
    return Office.objects.create(name="สำนักงานพัฒนาชุมชนอำเภอทดสอบ", kind=Office.Kind.DISTRICT_OFFICE)


def test_fiscal_year_is_derived_from_start(district: Office) -> None:
    before = _meeting(district, starts_at=dt.datetime(2020, 9, 30, 23, 59, tzinfo=BKK))
    after = _meeting(district, starts_at=dt.datetime(2020, 10, 1, 0, 0, tzinfo=BKK))
    assert (before.fiscal_year, after.fiscal_year) == (2563, 2564)
    assert list(Meeting.objects.in_fiscal_year(2564)) == [after]


def test_meeting_number_labels(district: Office) -> None:
    meeting = _meeting(district, number=3, starts_at=dt.datetime(2020, 11, 17, 10, 0, tzinfo=BKK))
    assert meeting.number_label == "ครั้งที่ 3/2563"
    district.meeting_numbering = Office.Numbering.FISCAL_YEAR
    district.save()
    fiscal = _meeting(district, number=2, starts_at=dt.datetime(2021, 11, 2, 10, 0, tzinfo=BKK))
    assert fiscal.number_label == "ครั้งที่ 2 ปีงบประมาณ พ.ศ. 2565"


def test_one_meeting_number_per_office_and_year(district: Office) -> None:
    _meeting(district, number=1)
    _meeting(district, number=1, starts_at=dt.datetime(2022, 5, 4, 9, 0, tzinfo=BKK))  # another year: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        _meeting(district, number=1, starts_at=dt.datetime(2021, 8, 1, 9, 0, tzinfo=BKK))


def test_meeting_must_end_after_it_starts(district: Office) -> None:
    starts = dt.datetime(2021, 5, 4, 9, 0, tzinfo=BKK)
    with pytest.raises(IntegrityError), transaction.atomic():
        _meeting(district, starts_at=starts, ends_at=starts - dt.timedelta(hours=1))
    with pytest.raises(IntegrityError), transaction.atomic():
        _meeting(district, starts_at=starts, ends_at=starts)


def test_headcounts_cannot_be_negative(district: Office) -> None:
    meeting = _meeting(district)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(attendee_count=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting, group_name="เจ้าหน้าที่", headcount=-5)


def test_attendance_needs_a_person_or_a_group(district: Office) -> None:
    meeting = _meeting(district)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting)


def test_substitute_must_name_whom_they_replace(district: Office) -> None:
    meeting = _meeting(district)
    person = Person.objects.create(title="นาย", first_name="สมชาย", last_name="ใจดี")
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting, person=person, presence=Attendance.Presence.SUBSTITUTE)


def test_agenda_order_unique_and_directive_text_required(district: Office) -> None:
    meeting = _meeting(district)
    AgendaItem.objects.create(meeting=meeting, order=1, heading="เรื่องแจ้ง")
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(meeting=meeting, order=1, heading="ซ้ำ")
    with pytest.raises(IntegrityError), transaction.atomic():
        Directive.objects.create(meeting=meeting, text="")


def test_overdue_directives(district: Office) -> None:
    meeting = _meeting(district)
    today = dt.date(2021, 6, 1)
    late = Directive.objects.create(meeting=meeting, text="ก", due_date=dt.date(2021, 5, 31))
    Directive.objects.create(meeting=meeting, text="ข", due_date=dt.date(2021, 6, 1))
    Directive.objects.create(meeting=meeting, text="ค", due_date=dt.date(2021, 5, 1), status="done")
    Directive.objects.create(meeting=meeting, text="ง")
    assert list(Directive.objects.overdue(today)) == [late]
    assert late.is_overdue(today)


def test_people_sort_in_thai_order_by_first_name(db: None) -> None:
    for title, first, last in [
        ("นาง", "เสาวลักษณ์", "ก"),
        ("นาย", "ไพโรจน์", "ข"),
        ("นางสาว", "กนกวรรณ", "ค"),
        ("นาย", "ฤทธิ์", "ง"),
        ("นาย", "ชยพล", "จ"),
        ("นาง", "ลำดวน", "ฉ"),
        ("นาย", "เจริญ", "ช"),
        ("นาย", "วรยุทธ", "ซ"),
        ("นางสาว", "ใจดี", "ฌ"),
        ("นาย", "สมชาย", "ญ"),
        ("นาง", "อรุณี", "ฎ"),
        ("นาย", "รัตน์", "ฏ"),
    ]:
        Person.objects.create(title=title, first_name=first, last_name=last)
    assert list(Person.objects.values_list("first_name", flat=True)) == [
        "กนกวรรณ",
        "เจริญ",
        "ใจดี",
        "ชยพล",
        "ไพโรจน์",
        "รัตน์",
        "ฤทธิ์",
        "ลำดวน",
        "วรยุทธ",
        "สมชาย",
        "เสาวลักษณ์",
        "อรุณี",
    ]


def test_offices_sort_in_thai_order(db: None) -> None:
    for name in ["สำนักงานพัฒนาชุมชนอำเภอแม่ทา", "สำนักงานพัฒนาชุมชนอำเภอบ้านโฮ่ง", "สำนักงานพัฒนาชุมชนอำเภอเมืองลำพูน"]:
        Office.objects.create(name=name, kind=Office.Kind.DISTRICT_OFFICE)
    assert list(Office.objects.values_list("name", flat=True)) == [
        "สำนักงานพัฒนาชุมชนอำเภอบ้านโฮ่ง",
        "สำนักงานพัฒนาชุมชนอำเภอเมืองลำพูน",
        "สำนักงานพัฒนาชุมชนอำเภอแม่ทา",
    ]
