"""A complete, portable backup of the portal: every row of every table and every uploaded file, in one zip.

`write_backup` and `restore_backup` are the whole feature; `manage.py backup FILE` and
`manage.py restore FILE` (meetings/management/commands/) only call them. Rows are written with
Django's serializer (as JSON, with full microsecond precision), table by table with their primary
keys, so a backup taken on one database (PostgreSQL in production) restores into another (an empty
SQLite file on a laptop) row for row.
Many-to-many link tables are written as tables of their own, so their ids survive too.
Uploaded files are read and written through Django's default storage, wherever it keeps them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATA_DIR = "data/"
MEDIA_DIR = "media/"

# Rows `migrate` creates by itself; a database holding only these still counts as empty, and restore
# replaces them with the archive's own (same ids as the data that points at them).
GENERATED_BY_MIGRATE: list[type[models.Model]] = [Group.permissions.through, Group, Permission, ContentType]


class _ExactEncoder(DjangoJSONEncoder):
    """Django's JSON encoder cuts times to milliseconds; a backup keeps every microsecond."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A backup that cannot be written or restored; the message says why, in Thai."""


# Derived from the other tables and rebuilt after a restore (`manage.py reindex`), not copied: the search
# index's words live in the database's own full-text engine, outside the model's columns.
DERIVED = {"search.searchdocument"}


def backed_up_models() -> list[type[models.Model]]:
    """Every table Django manages, link tables included, in a stable order (derived ones left out)."""
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and model._meta.label_lower not in DERIVED
    ]
    return sorted(found, key=lambda m: m._meta.label_lower)


def _row_fields(model: type[models.Model]) -> list[str]:
    # Many-to-many fields are left out: their link tables are backed up as tables of their own.
    return [f.name for f in model._meta.local_concrete_fields if not f.primary_key]


def _applied_migrations(using: str) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _media_files(directory: str = "") -> Iterator[str]:
    try:
        subdirs, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for sub in sorted(subdirs):
        yield from _media_files(f"{directory}/{sub}" if directory else sub)


def _write_rows(raw: Any, queryset: models.QuerySet, fields: list[str]) -> None:
    """A JSON list of serialized rows, written a row at a time (tables may not fit in memory)."""
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    stream.write("[")
    separator = "\n"
    for obj in queryset.iterator(chunk_size=2000):
        row = serializers.serialize("python", [obj], fields=fields)[0]
        stream.write(separator + json.dumps(row, cls=_ExactEncoder, ensure_ascii=False))
        separator = ",\n"
    stream.write("\n]\n")
    stream.flush()
    stream.detach()


def write_backup(path: Path, using: str = DEFAULT_DB_ALIAS) -> dict[str, Any]:
    """Writes every row and every uploaded file to a zip at `path`; returns the manifest."""
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": connections[using].vendor,
        "migrations": _applied_migrations(using),
        "tables": {},
        "media": [],
    }
    # The archive holds password hashes, API tokens and sessions: only its owner may read it, from the first
    # byte, whatever the umask. mkstemp creates the file 0600 (and never follows a planted link); the finished
    # archive then takes the place of `path` whole, so a reader never sees a half-written or readable one.
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    tmp = Path(name)
    try:
        with os.fdopen(handle, "w+b") as file:
            _write_archive(file, manifest, using)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return manifest


def _write_archive(file: BinaryIO, manifest: dict[str, Any], using: str) -> None:
    """The zip itself: every table, then every uploaded file, then the manifest (filled in on the way)."""
    # One transaction: every table is read from the same moment (REPEATABLE READ on PostgreSQL).
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive, transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for model in backed_up_models():
            queryset = model._base_manager.using(using).order_by("pk")
            with archive.open(f"{DATA_DIR}{model._meta.label_lower}.json", "w") as raw:
                _write_rows(raw, queryset, _row_fields(model))
            manifest["tables"][model._meta.label_lower] = queryset.count()
        for name in _media_files():
            with default_storage.open(name, "rb") as source, archive.open(f"{MEDIA_DIR}{name}", "w") as target:
                for chunk in iter(lambda: source.read(1024 * 1024), b""):
                    target.write(chunk)
            manifest["media"].append(name)
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))


def _read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as error:
        raise BackupError("ไฟล์นี้ไม่ใช่ไฟล์สำรองข้อมูลของระบบ (ไม่มี manifest.json)") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"ไม่รู้จักรูปแบบไฟล์สำรองข้อมูลรุ่น {manifest.get('format')}")
    return manifest


def _non_empty_tables(using: str) -> list[str]:
    generated = {m._meta.label_lower for m in GENERATED_BY_MIGRATE}
    return [
        model._meta.label_lower
        for model in backed_up_models()
        if model._meta.label_lower not in generated and model._base_manager.using(using).exists()
    ]


def restore_backup(path: Path, using: str = DEFAULT_DB_ALIAS) -> dict[str, Any]:
    """Brings a backup back into an empty database (migrated here first) and its files into storage."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(f"เปิดไฟล์สำรองข้อมูลไม่ได้: {error}") from error
    with archive:
        manifest = _read_manifest(archive)
        call_command("migrate", database=using, interactive=False, verbosity=0)
        if manifest["migrations"] != _applied_migrations(using):
            raise BackupError(
                "ไฟล์สำรองข้อมูลมาจากระบบรุ่นอื่น (migrations ไม่ตรงกัน) กรุณากู้คืนด้วยโปรแกรมรุ่นเดียวกับที่สำรองข้อมูล แล้วจึงอัปเดตโปรแกรม"
            )
        non_empty = _non_empty_tables(using)
        if non_empty:
            raise BackupError(
                f"ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว กู้คืนได้เฉพาะฐานข้อมูลว่าง (ตารางที่มีข้อมูล: {', '.join(non_empty[:5])})"
            )
        for name in manifest["media"]:
            if default_storage.exists(name):
                raise BackupError(f"มีไฟล์ {name} อยู่แล้วในที่เก็บไฟล์ กู้คืนได้เฉพาะที่เก็บไฟล์ว่าง")
        _load_rows(archive, using)
        call_command("reindex", verbosity=0)  # the derived search index, from the rows just restored
        for name in manifest["media"]:
            saved = default_storage.save(name, ContentFile(archive.read(f"{MEDIA_DIR}{name}")))
            if saved != name:
                raise BackupError(f"บันทึกไฟล์ {name} ไม่ได้ตามชื่อเดิม")
    ContentType.objects.clear_cache()
    return manifest


def _load_rows(archive: zipfile.ZipFile, using: str) -> None:
    connection = connections[using]
    loaded: list[type[models.Model]] = []
    with transaction.atomic(using=using), connection.constraint_checks_disabled():
        for model in GENERATED_BY_MIGRATE:
            model._base_manager.using(using).all()._raw_delete(using)
        for name in sorted(n for n in archive.namelist() if n.startswith(DATA_DIR)):
            with archive.open(name) as raw:
                rows = json.load(io.TextIOWrapper(raw, encoding="utf-8"))
            for obj in serializers.deserialize("python", rows, using=using):
                obj.save(using=using)
            loaded.append(apps.get_model(name.removeprefix(DATA_DIR).removesuffix(".json")))
        connection.check_constraints()
        # New rows after the restore must not collide with restored ids (PostgreSQL sequences).
        statements = connection.ops.sequence_reset_sql(no_style(), loaded)
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
