"""python manage.py export_fiscal_year 2564 --out FILE.pdf [--thai-digits] [--pdfa]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lamphun_portal.lib import thai
from reports import services
from reports.documents import PrintOptions

from .export_summary import write


class Command(BaseCommand):
    help = "Write the fiscal-year book (all published meetings, contents, directives) as a PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("fiscal_year", type=int, help="Buddhist-era fiscal year, e.g. 2564")
        parser.add_argument("--out", required=True, type=Path, help="PDF file to write")
        digits = parser.add_mutually_exclusive_group()
        digits.add_argument("--thai-digits", dest="thai_digits", action="store_true", default=None)
        digits.add_argument("--arabic-digits", dest="thai_digits", action="store_false")
        parser.add_argument("--pdfa", action="store_true", help="PDF/A-3b, for archiving")

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["fiscal_year"]
        if year < thai.MIN_BE_YEAR:
            raise CommandError(f"ปีงบประมาณ {year} ดูเหมือนเป็นปี ค.ศ. ให้ใช้ปี พ.ศ. เช่น {year + thai.BE_OFFSET}")
        print_options = PrintOptions.default(pdfa=options["pdfa"])
        if options["thai_digits"] is not None:
            print_options = PrintOptions(thai_digits=options["thai_digits"], pdfa=options["pdfa"])

        def progress(percent: int, stage: str) -> None:
            if options["verbosity"] > 1:
                self.stderr.write(f"{percent:3d}% {stage}")

        rendered = services.fiscal_year_pdf(year=year, options=print_options, progress=progress)
        write(options["out"], bytes(rendered.content))
        self.stdout.write(f"{options['out']}: {rendered.pages} หน้า, {rendered.size:,} ไบต์")
