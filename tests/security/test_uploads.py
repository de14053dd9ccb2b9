"""Uploads are limited in size and checked by their bytes, on every model field and every page form."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction

from lamphun_portal.lib.uploads import DOCUMENTS, IMAGES, UploadValidator
from meetings.models import Meeting
from tests.conftest import Personas
from tests.permissions_matrix import World, urls_answering
from tests.security.formwalk import forms_on, table_fingerprint, thai_errors

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"1 0 obj\n" * 8


def test_every_file_field_of_every_model_checks_size_and_content() -> None:
    """A new upload field without UploadValidator fails here."""
    unchecked = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label not in {"admin", "auth", "contenttypes", "sessions", "axes"}
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField) and not any(isinstance(v, UploadValidator) for v in field.validators)
    ]
    assert not unchecked, f"add lamphun_portal.lib.uploads.UploadValidator to: {unchecked}"


@pytest.mark.parametrize(
    ("name", "content", "kinds"),
    [
        ("ภาพ.png", PNG, IMAGES),
        ("photo.JPG", JPEG, IMAGES),
        ("วาระ.pdf", PDF, DOCUMENTS),
        ("a.csv", "ก,1\n".encode(), ("csv",)),
    ],
)
def test_real_files_are_accepted(name: str, content: bytes, kinds: tuple[str, ...]) -> None:
    UploadValidator(kinds)(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "kinds", "message"),
    [
        ("evil.png", b"<html><script>alert(1)</script>", IMAGES, "เนื้อไฟล์ไม่ใช่"),
        ("photo.jpg", PNG.replace(b"PNG", b"XXX"), IMAGES, "เนื้อไฟล์ไม่ใช่"),
        ("report.pdf", b"MZ\x90\x00 not a pdf", DOCUMENTS, "เนื้อไฟล์ไม่ใช่"),
        ("tool.exe", b"MZ\x90\x00", DOCUMENTS, "รับเฉพาะไฟล์"),
        ("photo.svg", b"<svg onload=alert(1)>", IMAGES, "รับเฉพาะไฟล์"),
        ("data.csv", b"\x89PNG\r\n\x1a\n\x00\x00", ("csv",), "เนื้อไฟล์ไม่ใช่"),
        ("empty.png", b"", IMAGES, "ไฟล์ว่าง"),
    ],
)
def test_disguised_and_empty_files_are_refused_in_thai(name: str, content: bytes, kinds: tuple, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        UploadValidator(kinds)(SimpleUploadedFile(name, content))


def test_files_over_the_limit_are_refused(settings: object) -> None:
    settings.PORTAL_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError, match="ไฟล์ใหญ่เกิน"):
        UploadValidator(IMAGES)(SimpleUploadedFile("big.png", PNG + b"\x00" * 2048))
    upload = SimpleUploadedFile("ok.png", PNG)
    upload.seek(5)
    UploadValidator(IMAGES)(upload)
    assert upload.tell() == 5  # the check leaves the file where it found it


def _page_forms_with_files(personas: Personas, demo: Meeting) -> list[tuple[str, object]]:
    world = World.build(admin=personas.admin, seed=demo, seed_first=True)
    found = []
    for persona in ("admin", "district_staff"):
        urls = urls_answering(persona, world, every_record=False)
        for form in forms_on(personas.client_for(getattr(personas, persona)), urls):
            if any(f.kind == "file" for f in form.fields) and form.action not in {f.action for _, f in found}:
                found.append((persona, form))
    return found


HOSTILE_UPLOADS = [
    ("oversized", lambda name: SimpleUploadedFile(name, b"a," * (11 * 1024 * 1024))),
    ("picture renamed", lambda name: SimpleUploadedFile(name, PNG)),
    ("program renamed", lambda name: SimpleUploadedFile(name, b"MZ\x90\x00" + b"\x00" * 4096)),
    ("empty", lambda name: SimpleUploadedFile(name, b"")),
]


@pytest.mark.parametrize(("label", "make"), HOSTILE_UPLOADS, ids=[label for label, _ in HOSTILE_UPLOADS])
def test_every_upload_form_refuses_hostile_files_in_thai(personas: Personas, demo: Meeting, label: str, make) -> None:
    forms = _page_forms_with_files(personas, demo)
    assert forms, "no upload form found: the walk is broken"
    before = table_fingerprint()
    for persona, form in forms:
        client = personas.client_for(getattr(personas, persona))
        data = {f.name: f.value for f in form.fields if f.kind not in {"file", "checkbox"}}
        for field in form.fields:
            if field.kind == "select" and field.options:
                data[field.name] = field.options[-1]
        ending = ".csv" if "csv" in form.action or "upload" in form.action else ".png"
        for field in form.fields:
            if field.kind == "file":
                data[field.name] = make(f"upload{ending}")
        with transaction.atomic():
            response = client.post(form.action, data)
            assert response.status_code == 200, f"{form.action}: {response.status_code}"
            assert thai_errors(response.content.decode()), f"{form.action} refused {label} without a Thai error"
            assert table_fingerprint() == before
            transaction.set_rollback(True)
