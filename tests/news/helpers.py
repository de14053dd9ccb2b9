"""Small real pictures for upload tests, made with Pillow."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def picture(fmt: str = "PNG", size: tuple[int, int] = (40, 30), exif: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (20, 120, 60))
    options = {"exif": exif} if exif else {}
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def upload(
    name: str = "photo.png", content: bytes | None = None, content_type: str = "image/png"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, picture() if content is None else content, content_type=content_type)
