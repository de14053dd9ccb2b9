"""The CSV upload as a district officer goes through it in Chromium: preview, confirm, saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from programs.models import Community, Participation
from tests.conftest import PASSWORD, Personas

pytestmark = pytest.mark.e2e


def test_upload_preview_then_confirm_in_a_real_browser(
    live_server: Any, personas: Personas, browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    village = Community.objects.get(district="แม่ทา", tambon="ทาสบเส้า")
    csv_file = tmp_path / "แม่ทา.csv"
    csv_file.write_text(
        "อำเภอ,ตำบล,หมู่ที่,ชื่อหมู่บ้าน,ครัวเรือน,แปลง,พื้นที่ (ไร่),สถานะ,หมายเหตุ\r\n"
        f'แม่ทา,{village.tambon},{village.moo},{village.name},3,3,"1,009.5",วางแผน,"ปีแรก\nสองบรรทัด"\r\n',
        encoding="utf-8-sig",
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", personas.district_staff.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/programs/khok-nong-na/upload/")
    page.fill("#id_fiscal_year", "2567")
    page.set_input_files("#id_file", str(csv_file))
    page.click("text=ตรวจไฟล์และแสดงตัวอย่าง")
    assert "ตรวจแล้วถูกต้องทั้ง 1 แถว" in page.inner_text("main")
    assert not Participation.objects.filter(community=village, fiscal_year=2567).exists()
    page.click("text=ยืนยันบันทึก 1 แถว")
    page.wait_for_load_state("load")
    assert "บันทึกข้อมูล 1 แถว ปีงบประมาณ พ.ศ. 2567 แล้ว" in page.inner_text("main")
    record = Participation.objects.get(community=village, program__code="khok-nong-na", fiscal_year=2567)
    assert (record.households, str(record.area_rai), record.status) == (3, "1009.50", "planned")
    assert record.note.splitlines() == ["ปีแรก", "สองบรรทัด"]
