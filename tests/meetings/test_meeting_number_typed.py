"""ครั้งที่ as people type it: 12, 12/2569, Thai digits; a year that is not the meeting's is refused in Thai."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from lamphun_portal.lib.formfields import MeetingNumberField
from meetings.models import Meeting, Office
from tests.conftest import Personas
from tests.meetings.test_meeting_form import CREATE, _seed_like

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "number", "year"),
    [
        ("12", 12, None),
        (" 12 / 2569 ", 12, 2569),
        ("๑๒", 12, None),
        ("๑๒/๒๕๖๙", 12, 2569),
        ("12/69", 12, 2569),
        ("ครั้งที่ 3/2563", 3, 2563),
    ],
)
def test_the_field_reads_what_people_type(typed: str, number: int, year: int | None) -> None:
    value = MeetingNumberField(required=False).clean(typed)
    assert (int(value), value.year) == (number, year)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("สิบสอง", "กรอกครั้งที่เป็นตัวเลข เช่น 12 หรือ 12/2569 (ใช้เลขไทยได้)"),
        ("0", "ครั้งที่ต้องเป็นเลข 1 ขึ้นไป"),
        ("12/2026", "ปี 2026 เป็นปีคริสต์ศักราช กรุณากรอกปีพุทธศักราช เช่น 12/2569"),
        ("12/256", "กรอกครั้งที่เป็นตัวเลข เช่น 12 หรือ 12/2569 (ใช้เลขไทยได้)"),
    ],
)
def test_the_field_refuses_in_thai(typed: str, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        MeetingNumberField(required=False).clean(typed)
    assert error.value.messages == [message]


@pytest.mark.parametrize("typed", ["5", "5/2564", "๕/๒๕๖๓", "๕", "5/2563"])
def test_the_form_saves_the_number_with_the_meetings_year(
    personas: Personas, provincial_office: Office, typed: str
) -> None:
    # 20 November 2563 is in calendar year 2563 and fiscal year 2564: either year is the meeting's.
    data = _seed_like(provincial_office, number=typed, starts_on="20/11/2563", title="ประชุมทดสอบเลขครั้งที่")
    response = personas.client_for(personas.staff).post(CREATE, data)
    assert response.status_code == 302, response.context["form"].errors
    assert Meeting.objects.get(title="ประชุมทดสอบเลขครั้งที่").number == 5


def test_a_year_that_is_not_the_meetings_is_refused_and_nothing_is_lost(
    personas: Personas, provincial_office: Office
) -> None:
    data = _seed_like(provincial_office, number="๕/๒๕๖๙", starts_on="20/11/2563", title="ประชุมทดสอบเลขครั้งที่")
    response = personas.client_for(personas.staff).post(CREATE, data)
    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "ปี 2569 ไม่ตรงกับวันที่ประชุม 20 พฤศจิกายน 2563 (ปี พ.ศ. 2563 ปีงบประมาณ 2564) กรุณากรอก 5/2563 หรือเฉพาะเลขครั้งที่ 5"
    ]
    assert not Meeting.objects.filter(title="ประชุมทดสอบเลขครั้งที่").exists()
    # What was typed comes back in the box.
    assert 'value="๕/๒๕๖๙"' in response.content.decode()
