"""Scheduling a meeting as the staff of the provincial office would, for the tests of invitations/."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from django.test import Client
from django.urls import reverse

from invitations.models import STANDARD_AGENDA
from meetings.demo import data
from meetings.models import Meeting, Office, Person

TITLE = "ประชุมคณะทำงานขับเคลื่อนโครงการโคก หนอง นา"


def schedule_form(**changes: Any) -> dict[str, Any]:
    """What the schedule page sends: a meeting on 15 January 2570 inviting the แม่ทา and ลี้ district offices."""
    provincial = Office.objects.get(name=data.PROVINCIAL)
    offices = [Office.objects.get(name=data.district_office(name)) for name in ("แม่ทา", "ลี้")]
    signer = Person.objects.filter(office=provincial).exclude(position="").order_by("pk").first()
    form: dict[str, Any] = {
        "title": TITLE,
        "organizer": provincial.pk,
        "number": "1",
        "starts_on": "15/01/2570",
        "starts_time": "09.30",
        "ends_time": "12.00",
        "venue": "ห้องประชุมศาลากลางจังหวัดลำพูน ชั้น 3",
        "chair": signer.pk,
        "offices": [office.pk for office in offices],
        "letter_number": "ลพ 0019/ว 123",
        "letter_date": "02/01/2570",
        "salutation": "พัฒนาการอำเภอทุกอำเภอ",
        "letter_body": "ขอให้นำข้อมูลผลการดำเนินงานโครงการมาด้วย",
        "signer": signer.pk,
        "contact": "กลุ่มงานอำนวยการ โทร. 0 5351 1000",
        "submission_token": "8c1c8f5e4c6a4b8e9a7d2f3b1c0d9e8f",
        "agenda-TOTAL_FORMS": "8",
        "agenda-INITIAL_FORMS": "6",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "40",
    }
    for index in range(8):
        form[f"agenda-{index}-heading"] = STANDARD_AGENDA[index] if index < len(STANDARD_AGENDA) else ""
    form.update(changes)
    return form


def schedule(client: Client, **changes: Any) -> Meeting:
    response = client.post(reverse("invitations:schedule"), schedule_form(**changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Meeting.objects.get(title=changes.get("title", TITLE))


def pdftotext(content: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout
