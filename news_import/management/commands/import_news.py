"""python manage.py import_news FILE [--dry-run] [--json]: a news post about a meeting becomes a draft meeting."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lamphun_portal.lib import thai
from meetings.models import Office
from news_import import services
from news_import.parser import NewsMeeting, extract
from programs.models import Program


class Command(BaseCommand):
    help = "อ่านข่าวการประชุม (ไฟล์ข้อความ UTF-8) แล้วสร้างร่างการประชุมจากสิ่งที่ข่าวระบุ"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="ไฟล์ข่าว (UTF-8) หรือ - เพื่ออ่านจาก stdin")
        parser.add_argument("--dry-run", action="store_true", help="อ่านข่าวอย่างเดียว ไม่บันทึก")
        parser.add_argument("--json", action="store_true", help="พิมพ์ข้อมูลที่อ่านได้เป็น JSON")
        parser.add_argument("--organizer", help="ชื่อหน่วยงานที่จัดประชุม (ค่าเริ่มต้น: ตามหัวข่าว หรือสำนักงานจังหวัด)")

    def handle(self, *args: Any, **options: Any) -> None:
        news = extract(self._read(options["file"]), programs=Program.objects.values_list("code", "name"))
        if options["json"]:
            self.stdout.write(json.dumps(news.as_json(), ensure_ascii=False, indent=2))
        elif options["dry_run"] or options["verbosity"] > 1:
            self._describe(news)
        if options["dry_run"]:
            return
        organizer = self._organizer(options["organizer"], news)
        try:
            meeting = services.create_draft_from_news(news=news, organizer=organizer)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if options["json"]:
            self.stderr.write(f"สร้างร่างการประชุมแล้ว รหัส {meeting.pk}")
        else:
            self.stdout.write(str(meeting.pk))

    def _read(self, name: str) -> str:
        if name == "-":
            return sys.stdin.read()
        path = Path(name)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise CommandError(f"ไม่พบไฟล์ {name}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"ไฟล์ {name} ไม่ใช่ข้อความ UTF-8") from error

    def _organizer(self, name: str | None, news: NewsMeeting) -> Office:
        office = Office.objects.filter(name=name).first() if name else services.news_office(news)
        if office is None:
            raise CommandError(f"ไม่พบหน่วยงานที่จัดประชุม {name or ''}".strip() + " — ระบุด้วย --organizer")
        return office

    def _describe(self, news: NewsMeeting) -> None:
        rows = [
            ("ชื่อการประชุม", news.title),
            ("วันที่", thai.be_date(news.date) if news.date else ""),
            ("เวลา", thai.thai_time(news.time) if news.time else ""),
            ("สถานที่", news.venue),
            ("ประธาน", " ".join(filter(None, [news.chair_name, news.chair_position]))),
            ("จำนวนผู้เข้าประชุม", str(news.attendee_count or "")),
            ("กลุ่มผู้เข้าประชุม", ", ".join(news.attendee_groups)),
            ("โครงการ/งาน", ", ".join(news.programs)),
        ]
        for label, value in rows:
            self.stdout.write(f"{label}: {value or '— ข่าวไม่ระบุ —'}")
        for number, text in enumerate(news.directives, start=1):
            self.stdout.write(f"ข้อสั่งการ {number}: {text}")
