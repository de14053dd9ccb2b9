from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from meetings.demo.loader import load_demo


class Command(BaseCommand):
    help = "โหลดข้อมูลตัวอย่าง: การประชุม 17 พฤศจิกายน 2563 และการประชุมอื่น (รันซ้ำได้ ไม่เปลี่ยนข้อมูล)"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--no-users", action="store_true", help="ไม่สร้างบัญชีผู้ใช้ตัวอย่าง (สร้างเฉพาะเมื่อ DEBUG เปิดอยู่)")

    def handle(self, *args: Any, **options: Any) -> None:
        with_users = settings.DEBUG and not options["no_users"]
        counts = load_demo(with_users=with_users)
        self.stdout.write(
            f"ข้อมูลตัวอย่างพร้อมแล้ว: การประชุม {counts['meetings']} รายการ ข้อสั่งการ {counts['directives']} รายการ"
        )
        if with_users:
            self.stdout.write("บัญชีตัวอย่าง: staff1, district1, official1, admin1 (รหัสผ่าน lamphun-demo)")
