"""Program and community pages as every persona; district-scoped editing; no N+1 queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directives.models import Directive
from meetings.models import Meeting
from programs.models import Community, Participation, Program
from tests.conftest import Personas

READERS = ["staff", "district_staff", "official", "admin"]


def _pages() -> list[str]:
    """Every program page (each fiscal year and district view) and every community page."""
    urls = [reverse("programs:list"), reverse("programs:communities"), reverse("programs:communities") + "?district=ลี้"]
    for program in Program.objects.all():
        detail = reverse("programs:detail", args=[program.code])
        urls += [detail, f"{detail}?year=2563", f"{detail}?year=2565&district=แม่ทา", f"{detail}?district=บ้านโฮ่ง"]
    urls += [c.get_absolute_url() for c in Community.objects.all()]
    return urls


@pytest.mark.parametrize("persona", READERS)
def test_crawl_of_program_and_community_pages_has_no_error(personas: Personas, persona: str) -> None:
    client = personas.client_for(getattr(personas, persona))
    urls = _pages()
    assert len(urls) > 50
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "None" not in body.split('id="main"')[1], url  # an empty value never shows as "None"
        assert "2,56" not in body, url  # years are never printed with a thousands separator


def test_outsider_and_anonymous_cannot_read(personas: Personas) -> None:
    urls = _pages()[:6]
    for url in urls:
        assert personas.client_for(personas.outsider).get(url).status_code == 403, url
        response = personas.client_for(None).get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_community_page_lists_its_programs_directives_and_meetings(personas: Personas) -> None:
    village = Community.objects.get(name="บ้านห้วยกาน")
    # The meeting that speaks of the village is a draft of the บ้านโฮ่ง office: admins see it listed...
    body = personas.client_for(personas.admin).get(village.get_absolute_url()).content.decode()
    assert "หมู่ที่ 5 ตำบลศรีเตี้ย อำเภอบ้านโฮ่ง" in body
    assert "ต้นแบบการบริหารจัดการน้ำ" in body and "พ.ศ. 2566" in body
    directive = Directive.objects.get(text__startswith="จัดตั้งกลุ่มผู้ใช้น้ำ")
    assert directive.get_absolute_url() in body
    meeting = Meeting.objects.get(title="ประชุมขับเคลื่อนการดำเนินงานชุมชนน้ำพัชรธรรม อำเภอบ้านโฮ่ง")
    assert meeting.status == Meeting.Status.DRAFT
    assert meeting.get_absolute_url() in body  # its venue is the village's hall
    # ...another office's people see the village's records but not that draft (lamphun_portal/policy.py).
    for persona in (personas.official, personas.district_staff):
        body = personas.client_for(persona).get(village.get_absolute_url()).content.decode()
        assert "ต้นแบบการบริหารจัดการน้ำ" in body
        assert directive.get_absolute_url() not in body and meeting.get_absolute_url() not in body
        assert directive.text not in body


def test_community_page_shows_otop_sales_in_figures_and_words(personas: Personas) -> None:
    village = Community.objects.get(name="บ้านห้วยต้มใหม่")
    body = personas.client_for(personas.staff).get(village.get_absolute_url()).content.decode()
    assert "1,248,500&nbsp;บาท" in body
    assert "หนึ่งล้านสองแสนสี่หมื่นแปดพันห้าร้อยบาทถ้วน" in body
    assert "3 ดาว" in body


def test_program_page_lists_directives_and_meetings_across_fiscal_years(personas: Personas) -> None:
    url = reverse("programs:detail", args=["khok-nong-na"])
    body = personas.client_for(personas.admin).get(url).content.decode()
    for year in (2564, 2566):
        assert f'ปีงบประมาณ <span class="nowrap">พ.ศ. {year}</span></h3>' in body
    assert "สำรวจและยืนยันครัวเรือนเป้าหมายโคกหนองนา ตำบลทากาศ" in body
    draft_title = "ประชุมสรุปผลการดำเนินงานโครงการ โคก หนอง นา โมเดล อำเภอป่าซาง"  # a draft of the ป่าซาง office
    assert draft_title in body
    official = personas.client_for(personas.official).get(url).content.decode()
    assert "สำรวจและยืนยันครัวเรือนเป้าหมายโคกหนองนา ตำบลทากาศ" in official
    assert draft_title not in official
    assert Program.objects.get(code="khok-nong-na").get_absolute_url() == "/programs/khok-nong-na/"


# --- District-scoped editing -------------------------------------------------------------------------
def _edit_url(district: str, year: int = 2566) -> str:
    village = Community.objects.filter(district=district, participations__program__code="khok-nong-na").first()
    return reverse("programs:participation_edit", args=["khok-nong-na", village.pk, year])


FORM = {"households": "7", "plots": "7", "area_rai": "19.5", "status": "completed", "note": "ปรับข้อมูล"}


@pytest.mark.parametrize(
    ("persona", "own", "other"),
    [
        ("anonymous", "login", "login"),
        ("outsider", 403, 403),
        ("staff", 403, 403),  # provincial office: reads every district, edits none
        ("district_staff", 302, 403),  # แม่ทา district office
        ("official", 403, 403),
        ("admin", 302, 302),
    ],
)
def test_editing_is_scoped_to_the_users_district(personas: Personas, persona: str, own: object, other: object) -> None:
    user = None if persona == "anonymous" else getattr(personas, persona)
    client = personas.client_for(user)
    for district, expected in [("แม่ทา", own), ("ลี้", other)]:
        url = _edit_url(district)
        before = list(Participation.objects.values_list("households", "area_rai").order_by("pk"))
        response = client.post(url, FORM)
        if expected == "login":
            assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
        else:
            assert response.status_code == expected, (persona, district)
        changed = list(Participation.objects.values_list("households", "area_rai").order_by("pk")) != before
        assert changed == (expected == 302), (persona, district)


def test_edit_form_shows_thai_errors_and_keeps_the_record(personas: Personas) -> None:
    client = personas.client_for(personas.district_staff)
    url = _edit_url("แม่ทา")
    response = client.post(url, {**FORM, "area_rai": "-4", "plots": "สาม"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "พื้นที่ต้องไม่ติดลบ" in body and "ใส่เป็นตัวเลข" in body
    assert 'value="-4"' in body  # what was typed stays in the form


def test_district_staff_starts_a_record_for_a_new_year(personas: Personas) -> None:
    client = personas.client_for(personas.district_staff)
    village = Community.objects.get(district="แม่ทา", tambon="ทาสบเส้า")
    url = reverse("programs:participation_edit", args=["khok-nong-na", village.pk, 2567])
    assert client.get(url).status_code == 200
    response = client.post(url, FORM)
    assert response.status_code == 302
    record = Participation.objects.get(community=village, program__code="khok-nong-na", fiscal_year=2567)
    assert (record.households, record.updated_by) == (7, personas.district_staff)


# --- Query counts --------------------------------------------------------------------------------------
def _add_villages(count: int, start: int) -> None:
    program = Program.objects.get(code="khok-nong-na")
    villages = Community.objects.bulk_create(
        Community(name=f"บ้านทดสอบ{i}", moo=100 + i, tambon="ทากาศ", district="แม่ทา", households=50)
        for i in range(start, start + count)
    )
    Participation.objects.bulk_create(
        Participation(community=v, program=program, fiscal_year=2566, households=2, plots=2, area_rai=6)
        for v in villages
    )


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_pages_do_not_query_per_row(personas: Personas) -> None:
    client = personas.client_for(personas.district_staff)
    urls = [
        reverse("programs:detail", args=["khok-nong-na"]) + "?year=2566&district=แม่ทา",
        reverse("programs:detail", args=["otop"]) + "?year=2566&district=ลี้",
        reverse("programs:communities"),
    ]
    _add_villages(5, 0)
    few = [_queries(client, url) for url in urls]
    _add_villages(495, 5)
    many = [_queries(client, url) for url in urls]
    assert many == few
    assert max(few) <= 20, few


def test_admin_keeps_the_village_register(personas: Personas) -> None:
    client = personas.client_for(personas.admin)
    for model in ["community", "participation", "producergroup"]:
        response = client.get(reverse(f"admin:programs_{model}_changelist"), {"q": "ทากาศ"})
        assert response.status_code == 200, model
    group = Community.objects.get(name="บ้านห้วยต้มใหม่").producer_groups.get()
    page = client.get(reverse("admin:programs_producergroup_change", args=[group.pk])).content.decode()
    assert 'value="1248500.00"' in page
