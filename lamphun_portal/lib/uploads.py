"""Upload checks: every uploaded file is limited in size and must really be the kind of file it claims.

The content type a browser sends and the file name are chosen by the sender; the first bytes of the
file are not. `UploadValidator` goes on every FileField/ImageField of a model (a test walks the
models and fails when one lacks it), and forms may call it too.
"""

from __future__ import annotations

import zipfile
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

_OLE = bytes.fromhex("d0cf11e0a1b11ae1")
# Kind -> (accepted file name endings, magic-byte test, Thai name for messages).
_SIGNATURES: dict[str, tuple[tuple[str, ...], Any, str]] = {
    "jpeg": ((".jpg", ".jpeg"), lambda head: head.startswith(b"\xff\xd8\xff"), "JPEG"),
    "png": ((".png",), lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"), "PNG"),
    "webp": ((".webp",), lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP", "WebP"),
    "pdf": ((".pdf",), lambda head: head.startswith(b"%PDF-"), "PDF"),
    "docx": ((".docx",), lambda head: head.startswith(b"PK\x03\x04"), "Word (.docx)"),
    "xlsx": ((".xlsx",), lambda head: head.startswith(b"PK\x03\x04"), "Excel (.xlsx)"),
    # Word and Excel 97-2003 files are OLE compound documents (a file system inside the file).
    "doc": ((".doc",), lambda head: head.startswith(_OLE), "Word (.doc)"),
    "xls": ((".xls",), lambda head: head.startswith(_OLE), "Excel (.xls)"),
    "csv": ((".csv",), lambda head: _is_utf8_text(head), "CSV (UTF-8)"),
}
IMAGES = ("jpeg", "png", "webp")
DOCUMENTS = ("pdf", "docx", "xlsx", "jpeg", "png")
# What an office sends with a progress report: PDFs, pictures, Word and Excel files.
ATTACHMENTS = ("pdf", "jpeg", "png", "webp", "docx", "xlsx", "doc", "xls")
# An Office Open XML file is a zip: it is a Word or Excel file only when it holds the part that makes it one.
_OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def _is_utf8_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may end in the middle of a character.
        return error.start >= len(head) - 3
    return True


def _holds_part(upload: Any, part: str) -> bool:
    """Whether the zip holds `part` (read from its directory; the file is left where it was)."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return part in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(position)


def sniff(head: bytes, kinds: tuple[str, ...]) -> str | None:
    """The first of `kinds` whose signature the file's first bytes carry."""
    return next((kind for kind in kinds if _SIGNATURES[kind][1](head)), None)


@deconstructible
class UploadValidator:
    """Refuses files over `max_bytes` and files whose bytes are not one of `kinds`."""

    def __init__(self, kinds: tuple[str, ...] = IMAGES, max_bytes: int | None = None) -> None:
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, upload: Any) -> None:
        limit = self.max_bytes or settings.PORTAL_MAX_UPLOAD_BYTES
        names = ", ".join(_SIGNATURES[k][2] for k in self.kinds)
        if upload.size > limit:
            raise ValidationError(
                _("ไฟล์ใหญ่เกิน %(limit)s MB กรุณาย่อขนาดไฟล์ก่อนอัปโหลด") % {"limit": f"{limit / 1024 / 1024:g}"},
                code="file_too_large",
            )
        if upload.size == 0:
            raise ValidationError(_("ไฟล์ว่าง ไม่มีข้อมูล"), code="empty")
        endings = tuple(e for k in self.kinds for e in _SIGNATURES[k][0])
        if not str(upload.name).lower().endswith(endings):
            raise ValidationError(_("รับเฉพาะไฟล์ %(kinds)s") % {"kinds": names}, code="file_type")
        position = upload.tell() if hasattr(upload, "tell") else 0
        upload.seek(0)
        head = upload.read(2048)
        upload.seek(position)
        kind = sniff(head, tuple(k for k in self.kinds if str(upload.name).lower().endswith(_SIGNATURES[k][0])))
        if kind is None or (kind in _OFFICE_PARTS and not _holds_part(upload, _OFFICE_PARTS[kind])):
            raise ValidationError(
                _("เนื้อไฟล์ไม่ใช่ %(kinds)s ตามชื่อไฟล์ กรุณาตรวจสอบไฟล์") % {"kinds": names}, code="file_content"
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadValidator) and (self.kinds, self.max_bytes) == (other.kinds, other.max_bytes)
