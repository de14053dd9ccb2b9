"""manage.py restore FILE — brings a backup back into an empty database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lamphun_portal.lib.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "กู้คืนข้อมูลจากไฟล์สำรอง (manage.py backup) ลงฐานข้อมูลว่าง"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="ไฟล์ zip จาก manage.py backup")
        parser.add_argument("--database", default="default")

    def handle(self, *args: Any, file: Path, database: str, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(f"ไม่พบไฟล์ {file}")
        try:
            manifest = restore_backup(file, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"กู้คืนข้อมูลแล้ว: {rows:,} แถว ไฟล์ {len(manifest['media']):,} ไฟล์ (สำรองเมื่อ {manifest['created_at']})"
        )
