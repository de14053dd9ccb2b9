"""The photo upload form: size, declared type and real content are all checked before anything is saved."""

from __future__ import annotations

import io

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from lamphun_portal.lib.uploads import IMAGES, UploadValidator

from .models import MeetingPhoto

ALLOWED_CONTENT_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
# A small file can still unpack into a huge picture (a "decompression bomb"): refuse above this.
MAX_PIXELS = 40_000_000


def photo_max_bytes() -> int:
    return getattr(settings, "NEWS_PHOTO_MAX_BYTES", 5 * 1024 * 1024)


class MeetingPhotoForm(forms.ModelForm):
    image = forms.FileField(
        label=_("ไฟล์ภาพ"),
        help_text=_("ภาพ JPEG, PNG หรือ WebP ขนาดไม่เกิน %(size)s") % {"size": "5 MB"},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_CONTENT_TYPES)}),
        error_messages={
            "required": _("กรุณาเลือกไฟล์ภาพ"),
            "empty": _("ไฟล์ว่าง ไม่มีข้อมูล กรุณาเลือกไฟล์ภาพใหม่"),
            "invalid": _("ไม่พบไฟล์ที่ส่งมา กรุณาเลือกไฟล์ภาพใหม่"),
            "missing": _("ไม่พบไฟล์ที่ส่งมา กรุณาเลือกไฟล์ภาพใหม่"),
            "max_length": _("ชื่อไฟล์ยาวเกินไป กรุณาเปลี่ยนชื่อไฟล์ให้สั้นลง"),
        },
    )

    class Meta:
        model = MeetingPhoto
        fields = ["image", "caption"]
        help_texts = {"caption": _("เช่น ผู้ว่าราชการจังหวัดลำพูนกล่าวเปิดการประชุม (จะแสดงบนหน้าข่าว)")}
        error_messages = {"caption": {"max_length": _("คำบรรยายภาพยาวได้ไม่เกิน 300 ตัวอักษร")}}

    def clean_image(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["image"]
        limit = photo_max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("ไฟล์ใหญ่เกินไป (%(size)s) ขนาดสูงสุด %(limit)s กรุณาย่อภาพก่อนอัปโหลด")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        # The portal's common check: file name ending and the file's first bytes (lib/uploads.py).
        UploadValidator(IMAGES, max_bytes=limit)(upload)
        expected = ALLOWED_CONTENT_TYPES.get((upload.content_type or "").lower())
        if expected is None:
            raise forms.ValidationError(_("รับเฉพาะไฟล์ภาพ JPEG, PNG หรือ WebP"))
        image = self._open(upload)
        if image.format != expected:
            raise forms.ValidationError(_("เนื้อไฟล์ไม่ตรงกับชนิดไฟล์ที่แจ้ง กรุณาบันทึกภาพใหม่เป็น JPEG, PNG หรือ WebP"))
        self.instance.image_format = image.format
        return self._without_metadata(image, upload.name)

    def _open(self, upload: UploadedFile) -> Image.Image:
        try:
            upload.seek(0)
            image = Image.open(upload)
            if image.width * image.height > MAX_PIXELS:
                raise forms.ValidationError(_("ภาพมีความละเอียดสูงเกินไป กรุณาย่อภาพก่อนอัปโหลด"))
            image.load()
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
            raise forms.ValidationError(_("ไฟล์นี้ไม่ใช่ภาพที่เปิดได้ กรุณาเลือกไฟล์ภาพใหม่")) from error
        return image

    def _without_metadata(self, image: Image.Image, name: str) -> InMemoryUploadedFile:
        """Re-encode the picture: EXIF can hold where and by whom it was taken, which a public page must not show."""
        image_format = image.format
        upright = ImageOps.exif_transpose(image)
        if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        buffer = io.BytesIO()
        options = {"quality": 88} if image_format in ("JPEG", "WEBP") else {}
        upright.save(buffer, format=image_format, **options)
        size = buffer.tell()
        buffer.seek(0)
        content_type = MeetingPhoto.FORMATS[image_format]
        return InMemoryUploadedFile(buffer, "image", name, content_type, size, None)
