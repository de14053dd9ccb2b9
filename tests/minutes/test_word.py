"""The minutes as a Word file: the seed meeting's .docx, read back with python-docx, holds every directive and
resolution exactly, in TH Sarabun New 16 pt; the command and the page's button give it."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from django.core.management import call_command
from django.urls import reverse

from lamphun_portal.lib.word import read_text
from meetings.models import Meeting, minutes_title
from reports import word
from tests.conftest import Personas


def _texts(content: bytes) -> list[str]:
    return read_text(content)


def test_seed_word_file_holds_every_directive_and_resolution_exactly(demo: Meeting, tmp_path: Path) -> None:
    out = tmp_path / "seed.docx"
    call_command("export_summary", str(demo.pk), "--format", "docx", "--out", str(out))
    texts = _texts(out.read_bytes())
    joined = "\n".join(texts)
    directives = list(demo.directives.values_list("text", flat=True))
    assert len(directives) == 6
    # Each directive is the text of its own run, exactly as recorded (no spaces folded, nothing escaped).
    runs = [run.text for paragraph in docx.Document(str(out)).paragraphs for run in paragraph.runs]
    assert [text for text in directives if text not in runs] == []
    resolutions = [
        line.strip() for item in demo.agenda_items.all() for line in item.resolution.splitlines() if line.strip()
    ]
    assert resolutions, "the seed meeting has resolutions"
    assert [text for text in resolutions if text not in texts] == []
    assert minutes_title(demo.title) in texts
    for heading in ("ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม", "เริ่มประชุมเวลา 10.00 น."):
        assert heading in joined
    assert "ผู้จดรายงานการประชุม" in joined and "ผู้ตรวจรายงานการประชุม" in joined


def test_word_file_is_th_sarabun_new_16pt_for_thai_text(demo: Meeting) -> None:
    content, filename = word.minutes_docx(demo)
    assert filename.endswith(".docx")
    document = docx.Document(io.BytesIO(content))
    normal = document.styles["Normal"]
    assert normal.font.name == "TH Sarabun New" and normal.font.size.pt == 16
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs if run.text.strip()]
    assert runs
    qn = docx.oxml.ns.qn
    for run in runs:
        fonts = run._element.rPr.rFonts
        assert fonts.get(qn("w:cs")) == "TH Sarabun New"  # Word draws Thai with the complex-script font
        assert run._element.rPr.find(qn("w:szCs")).get(qn("w:val")) == "32"  # half-points: 16 pt


def test_word_button_for_the_organising_office_and_admins_only(personas: Personas, demo: Meeting) -> None:
    url = reverse("minutes:word", args=[demo.pk])
    page = personas.client_for(personas.staff).get(demo.get_absolute_url()).content.decode()
    assert url in page
    response = personas.client_for(personas.staff).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == word.CONTENT_TYPE
    assert docx.Document(io.BytesIO(response.content)).paragraphs
    assert personas.client_for(personas.official).get(url).status_code == 403
    assert url not in personas.client_for(personas.official).get(demo.get_absolute_url()).content.decode()
