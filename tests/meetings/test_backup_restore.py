"""backup FILE / restore FILE: every row of every table and every uploaded file come back."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from meetings.models import Meeting
from search import engine as search_engine
from search.query import rank
from tests.conftest import Personas

BASE_DIR = Path(__file__).resolve().parents[2]
PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def _tables() -> list[str]:
    # SQLite's FTS5 table and its shadow tables are the search engine's own storage, rebuilt by the restore
    # (the documents in search_document are compared, and the restored data is searched below).
    return sorted(
        t
        for t in connection.introspection.table_names()
        if t != "django_migrations" and not t.startswith(search_engine.FTS_TABLE)
    )


def _every_row() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as the database returns it."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            snapshot[table] = sorted(cursor.fetchall(), key=repr)
    return snapshot


def _wipe_every_table() -> None:
    with connection.constraint_checks_disabled(), connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return settings.MEDIA_ROOT


@pytest.fixture
def lived_in(personas: Personas, demo: Meeting, media: Path) -> None:
    """The demo data plus what a working portal accumulates: history, sessions, lockouts, uploads."""
    demo.title = "ชื่อที่แก้ไขแล้ว"
    demo.save()
    Client().post("/accounts/login/", {"username": "staff1", "password": "wrong"})
    Client().force_login(personas.official)
    default_storage.save("meetings/photos/2563/ภาพประชุม.png", ContentFile(PHOTO))
    default_storage.save("attachments/agenda.pdf", ContentFile(b"%PDF-1.7\n%fake but bytes are bytes\n"))


def test_backup_then_restore_into_an_empty_database_gives_back_every_row(lived_in: None, tmp_path: Path) -> None:
    before = _every_row()
    assert all(before[t] for t in ["meetings_meeting", "meetings_historicalmeeting", "django_session"])
    assert AccessAttempt.objects.exists()
    archive = tmp_path / "backup.zip"

    call_command("backup", str(archive))
    _wipe_every_table()
    for name in ["meetings/photos/2563/ภาพประชุม.png", "attachments/agenda.pdf"]:
        default_storage.delete(name)
    assert not Meeting.objects.exists()

    call_command("restore", str(archive))

    after = _every_row()
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], f"table {table} differs after restore"
    assert [hit.object_id for hit in rank("ชื่อที่แก้ไขแล้ว").hits] == [Meeting.objects.get(title="ชื่อที่แก้ไขแล้ว").pk]
    with default_storage.open("meetings/photos/2563/ภาพประชุม.png") as photo:
        assert photo.read() == PHOTO
    assert default_storage.exists("attachments/agenda.pdf")
    # New rows after a restore get fresh ids.
    meeting = Meeting.objects.first()
    meeting.pk = None
    meeting.number = 99
    meeting.save()


def test_restore_refuses_a_database_that_already_has_data(lived_in: None, tmp_path: Path) -> None:
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว"):
        call_command("restore", str(archive))


def test_restore_refuses_something_that_is_not_a_backup(db: None, tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-backup.zip"
    bogus.write_bytes(b"hello")
    with pytest.raises(CommandError, match="เปิดไฟล์สำรองข้อมูลไม่ได้"):
        call_command("restore", str(bogus))
    with zipfile.ZipFile(bogus, "w") as archive:
        archive.writestr("readme.txt", "x")
    with pytest.raises(CommandError, match="ไม่ใช่ไฟล์สำรองข้อมูล"):
        call_command("restore", str(bogus))


def _data_files(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith(("data/", "media/"))}


def test_restore_into_a_fresh_database_in_another_process(lived_in: None, tmp_path: Path) -> None:
    """A brand-new SQLite file (as on a spare machine): restore, back up again, and every row matches."""
    first = tmp_path / "first.zip"
    second = tmp_path / "second.zip"
    call_command("backup", str(first))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "fresh-media"),
    }
    env.pop("DEBUG", None)
    for args in (["restore", str(first)], ["backup", str(second)]):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stderr
    assert "กู้คืนข้อมูลแล้ว" in result.stdout or "สำรองข้อมูลแล้ว" in result.stdout
    assert _data_files(second) == _data_files(first)
