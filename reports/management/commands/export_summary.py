"""python manage.py export_summary <meeting id> --out FILE.pdf [--thai-digits] [--pdfa]
python manage.py export_summary <meeting id> --format docx --out FILE.docx (the minutes as a Word file)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from meetings.models import Meeting
from reports import services, word
from reports.documents import PrintOptions


class Command(BaseCommand):
    help = "Write the minutes (รายงานการประชุม) of one meeting as a PDF, or as a Word file (--format docx)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("meeting_id", type=int)
        parser.add_argument("--out", required=True, type=Path, help="file to write (.pdf or .docx)")
        parser.add_argument("--format", choices=["pdf", "docx"], default="pdf", help="pdf (default) or docx (Word)")
        digits = parser.add_mutually_exclusive_group()
        digits.add_argument("--thai-digits", dest="thai_digits", action="store_true", default=None)
        digits.add_argument("--arabic-digits", dest="thai_digits", action="store_false")
        parser.add_argument("--pdfa", action="store_true", help="PDF/A-3b, for archiving")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            meeting = Meeting.objects.get(pk=options["meeting_id"])
        except Meeting.DoesNotExist as error:
            raise CommandError(f"ไม่พบการประชุมหมายเลข {options['meeting_id']}") from error
        if options["format"] == "docx":
            content, _ = word.minutes_docx(meeting)
            write(options["out"], content)
            self.stdout.write(f"{options['out']}: {len(content):,} ไบต์")
            return
        print_options = PrintOptions.default(pdfa=options["pdfa"])
        if options["thai_digits"] is not None:
            print_options = PrintOptions(thai_digits=options["thai_digits"], pdfa=options["pdfa"])
        rendered = services.minutes_pdf(meeting=meeting, options=print_options)
        write(options["out"], bytes(rendered.content))
        self.stdout.write(f"{options['out']}: {rendered.pages} หน้า, {rendered.size:,} ไบต์")


def write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as error:
        raise CommandError(f"เขียนไฟล์ {path} ไม่ได้: {error.strerror}") from error
