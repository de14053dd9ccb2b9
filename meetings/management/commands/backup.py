"""manage.py backup FILE — every row of every table and every uploaded file, in one zip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lamphun_portal.lib.backup import BackupError, write_backup


class Command(BaseCommand):
    help = "สำรองข้อมูลทั้งหมด (ทุกตารางในฐานข้อมูลและไฟล์ที่อัปโหลด) เป็นไฟล์ zip ไฟล์เดียว"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="ไฟล์ zip ที่จะเขียน")
        parser.add_argument("--database", default="default")

    def handle(self, *args: Any, file: Path, database: str, **options: Any) -> None:
        try:
            manifest = write_backup(file, using=database)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"สำรองข้อมูลแล้ว: {file} ({len(manifest['tables'])} ตาราง {rows:,} แถว ไฟล์ {len(manifest['media']):,} ไฟล์)"
        )
