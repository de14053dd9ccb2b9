"""Bulk update from a CSV file: a preview with row-level Thai errors, and nothing saved until all rows are right."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from programs.models import Community, OtopRating, OtopSales, Participation, ProducerGroup, Program
from tests.conftest import Personas

HEADER = "อำเภอ,ตำบล,หมู่ที่,ชื่อหมู่บ้าน,ครัวเรือน,แปลง,พื้นที่ (ไร่),สถานะ,หมายเหตุ\n"


def _upload(client: Client, code: str, text: str, *, bom: bool = True, year: int = 2567, name: str = "x.csv"):  # noqa: ANN202
    raw = ("\ufeff" if bom else "") + text
    file = SimpleUploadedFile(name, raw.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("programs:upload", args=[code]), {"fiscal_year": year, "file": file})


def _mae_tha_villages() -> list[Community]:
    return list(Community.objects.filter(district="แม่ทา").order_by("tambon", "moo"))


def _good_rows(villages: list[Community]) -> list[str]:
    return [
        f"แม่ทา,{v.tambon},{v.moo},{v.name},{i + 2},{i + 2},{(i + 2) * 3},กำลังดำเนินการ," for i, v in enumerate(villages)
    ]


def test_three_bad_rows_save_nothing_and_are_named(personas: Personas) -> None:
    client = personas.client_for(personas.district_staff)
    villages = _mae_tha_villages()
    rows = _good_rows(villages)  # 5 villages of แม่ทา, lines 2–6
    rows[1] = rows[1].replace(",3,3,9,", ",3,3,-9,")  # line 3: negative area
    rows[3] = rows[3].replace(",5,5,15,", ",ห้า,5,15,")  # line 5: not a number
    rows.append("ลี้,แม่ตืน,4,บ้านแม่ตืนหลวง,2,2,6,กำลังดำเนินการ,")  # line 7: another district
    before = Participation.objects.count()
    response = _upload(client, "khok-nong-na", HEADER + "\n".join(rows) + "\n")
    body = response.content.decode()
    assert response.status_code == 200
    assert Participation.objects.count() == before
    assert "พบข้อผิดพลาด 3 แถว (แถวที่ 3, 5, 7)" in body
    assert "ยังไม่ได้บันทึกข้อมูลใด ๆ" in body
    assert "แถวที่ 3 · พื้นที่ (ไร่): พื้นที่ต้องไม่ติดลบ" in body
    assert "แถวที่ 5 · ครัวเรือน: ต้องเป็นจำนวนเต็ม เช่น 12" in body
    assert "แถวที่ 7 · อำเภอ: ท่านไม่มีสิทธิ์แก้ไขข้อมูลของอำเภอลี้" in body
    assert "ยืนยันบันทึก" not in body


def test_good_file_previews_then_saves_on_confirm(personas: Personas) -> None:
    client = personas.client_for(personas.district_staff)
    villages = _mae_tha_villages()
    text = HEADER + "\n".join(_good_rows(villages)) + "\n"
    before = Participation.objects.count()
    response = _upload(client, "khok-nong-na", text, bom=False)
    body = response.content.decode()
    assert f"ตรวจแล้วถูกต้องทั้ง {len(villages)} แถว" in body
    assert Participation.objects.count() == before  # a preview saves nothing
    confirm = client.post(
        reverse("programs:upload", args=["khok-nong-na"]), {"fiscal_year": 2567, "text": text, "confirm": "1"}
    )
    assert confirm.status_code == 302
    saved = Participation.objects.filter(program__code="khok-nong-na", fiscal_year=2567).order_by("households")
    assert [(p.community, p.households, p.area_rai) for p in saved] == [
        (v, i + 2, Decimal((i + 2) * 3)) for i, v in enumerate(villages)
    ]
    assert all(p.updated_by == personas.district_staff for p in saved)


def test_update_shows_old_and_new_figures(personas: Personas) -> None:
    client = personas.client_for(personas.district_staff)
    village = Community.objects.get(district="แม่ทา", tambon="ทากาศ", moo=1)
    record = Participation.objects.get(community=village, program__code="khok-nong-na", fiscal_year=2566)
    line = f'แม่ทา,ตำบลทากาศ,๑,{village.name.removeprefix("บ้าน")},10,10,"1,030.5",,\n'
    body = _upload(client, "khok-nong-na", HEADER + line, year=2566).content.decode()
    assert "แก้ไข" in body
    assert "ครัวเรือน: 9 → 10" in body
    assert "พื้นที่ (ไร่): 25.5 → 1,030.5" in body
    record.refresh_from_db()
    assert record.households == 9


def test_file_level_problems_are_explained(personas: Personas) -> None:
    client = personas.client_for(personas.admin)
    body = _upload(client, "khok-nong-na", "อำเภอ,ตำบล,หมู่ที่\nแม่ทา,ทากาศ,1\n").content.decode()
    assert "ไม่พบคอลัมน์: “ชื่อหมู่บ้าน”, “ครัวเรือน”, “แปลง”, “พื้นที่ (ไร่)”" in body
    file = SimpleUploadedFile("x.csv", HEADER.encode("cp874"), content_type="text/csv")
    response = client.post(reverse("programs:upload", args=["khok-nong-na"]), {"fiscal_year": 2567, "file": file})
    assert "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8" in response.content.decode()
    body = _upload(client, "khok-nong-na", HEADER, name="data.xlsx").content.decode()
    assert "ต้องเป็นไฟล์ .csv" in body
    body = _upload(client, "khok-nong-na", HEADER, year=2024).content.decode()
    assert "ใส่ปีงบประมาณเป็นปี พ.ศ. เช่น 2564" in body


def test_unknown_village_and_duplicate_rows(personas: Personas) -> None:
    client = personas.client_for(personas.admin)
    rows = [
        "แม่ทา,ทากาศ,1,บ้านทากาศเหนือ,2,2,6,,",
        "แม่ทา,ทากาศ,1,บ้านทากาศเหนือ,3,3,9,,",
        "แม่ทา,ทากาศ,99,บ้านไม่มี,1,1,3,,",
        "แม่ทา,ทากาศ,6,บ้านผิดชื่อ,1,1,3,,",
        "เชียงใหม่,สุเทพ,1,บ้านอื่น,1,1,3,,",
    ]
    body = _upload(client, "khok-nong-na", HEADER + "\n".join(rows)).content.decode()
    assert "แถวที่ 3 · ชื่อหมู่บ้าน: ซ้ำกับแถวที่ 2" in body
    assert "แถวที่ 4 · หมู่ที่: ไม่พบหมู่ที่ 99 ตำบลทากาศ อำเภอแม่ทา" in body
    assert "แถวที่ 5 · ชื่อหมู่บ้าน: หมู่ที่ 6 ตำบลทากาศ คือ บ้านสันกอง ไม่ใช่ “บ้านผิดชื่อ”" in body
    assert "แถวที่ 6 · อำเภอ: “เชียงใหม่” ไม่ใช่อำเภอของจังหวัดลำพูน" in body


def test_otop_file_adds_groups_sales_and_stars(personas: Personas) -> None:
    client = personas.client_for(personas.admin)
    header = "อำเภอ,ตำบล,หมู่ที่,ชื่อหมู่บ้าน,ชื่อกลุ่ม,ผลิตภัณฑ์,ประเภทผลิตภัณฑ์,ยอดจำหน่าย (บาท),ระดับดาว,ปีที่คัดสรร\n"
    rows = [
        'ลี้,นาทราย,9,บ้านห้วยต้มใหม่,กลุ่มลำไยอบแห้งบ้านห้วยต้มใหม่,ลำไยอบแห้งสีทอง,อาหาร,"1,500,000",4,2567',
        "แม่ทา,ทากาศ,6,บ้านสันกอง,กลุ่มไม้แกะสลักบ้านสันกอง,ช้างไม้แกะสลัก,ของใช้ ของตกแต่ง ของที่ระลึก,85000,,",
    ]
    text = header + "\n".join(rows) + "\n"
    body = _upload(client, "otop", text).content.decode()
    assert "ตรวจแล้วถูกต้องทั้ง 2 แถว" in body
    client.post(reverse("programs:upload", args=["otop"]), {"fiscal_year": 2567, "text": text, "confirm": "1"})
    longan = ProducerGroup.objects.get(name="กลุ่มลำไยอบแห้งบ้านห้วยต้มใหม่")
    assert OtopSales.objects.get(group=longan, fiscal_year=2567).amount == Decimal("1500000")
    assert OtopRating.objects.get(group=longan, selection_year=2567).stars == 4
    carving = ProducerGroup.objects.get(name="กลุ่มไม้แกะสลักบ้านสันกอง")
    assert carving.category == ProducerGroup.Category.CRAFT
    assert carving.sales.get().amount == Decimal("85000")


def test_otop_stars_outside_range_are_a_row_error(personas: Personas) -> None:
    client = personas.client_for(personas.admin)
    header = "อำเภอ,ตำบล,หมู่ที่,ชื่อหมู่บ้าน,ชื่อกลุ่ม,ผลิตภัณฑ์,ประเภทผลิตภัณฑ์,ยอดจำหน่าย (บาท),ระดับดาว,ปีที่คัดสรร\n"
    text = header + "ลี้,นาทราย,9,,กลุ่มใหม่,ข้าวแต๋น,อาหาร,-5,6,2567\n"
    body = _upload(client, "otop", text).content.decode()
    assert "แถวที่ 2 · ยอดจำหน่าย (บาท): ยอดจำหน่ายต้องไม่ติดลบ" in body
    assert "แถวที่ 2 · ระดับดาว: ระดับดาวต้องอยู่ระหว่าง 1 ถึง 5" in body
    assert not ProducerGroup.objects.filter(name="กลุ่มใหม่").exists()


def test_confirm_checks_the_file_again(personas: Personas) -> None:
    """A tampered confirmation (another district's row) is refused and saves nothing."""
    client = personas.client_for(personas.district_staff)
    text = HEADER + "ลี้,แม่ตืน,4,บ้านแม่ตืนหลวง,2,2,6,,\n"
    before = Participation.objects.count()
    response = client.post(
        reverse("programs:upload", args=["khok-nong-na"]), {"fiscal_year": 2567, "text": text, "confirm": "1"}
    )
    assert response.status_code == 200
    assert "ท่านไม่มีสิทธิ์แก้ไขข้อมูลของอำเภอลี้" in response.content.decode()
    assert Participation.objects.count() == before


def test_template_has_the_thai_headers_with_a_bom(personas: Personas) -> None:
    response = personas.client_for(personas.official).get(reverse("programs:template", args=["khok-nong-na"]))
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffอำเภอ,ตำบล,หมู่ที่,ชื่อหมู่บ้าน,ครัวเรือน,แปลง,พื้นที่ (ไร่)")
    assert Program.objects.get(code="khok-nong-na").kind == Program.Kind.KHOK_NONG_NA
