"""Public news: photos attached to a meeting, and the per-post visitor count.

The news post itself is the published Meeting (see news/posts.py for its headline and narrative).
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lamphun_portal.lib.uploads import IMAGES, UploadValidator
from meetings.models import Meeting


def photo_path(photo: MeetingPhoto, filename: str) -> str:
    """A random name: the uploader's file name may carry personal data, and names must not collide."""
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}.get(photo.image_format, "jpg")
    return f"meeting-photos/{photo.meeting_id}/{uuid.uuid4().hex}.{extension}"


class MeetingPhoto(models.Model):
    FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}

    meeting = models.ForeignKey(Meeting, verbose_name=_("การประชุม"), on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("ภาพ"),
        upload_to=photo_path,
        width_field="width",
        height_field="height",
        validators=[UploadValidator(IMAGES)],
    )
    image_format = models.CharField(_("ชนิดภาพ"), max_length=4, editable=False, default="JPEG")
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    caption = models.CharField(_("คำบรรยายภาพ"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("ลำดับ"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้อัปโหลด"), null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("ภาพการประชุม")
        verbose_name_plural = _("ภาพการประชุม")
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.caption or f"ภาพที่ {self.order or self.pk}"

    @property
    def content_type(self) -> str:
        return self.FORMATS.get(self.image_format, "application/octet-stream")


class PostViewQuerySet(models.QuerySet):
    def record(self, meeting: Meeting, visitor: str, day: dt.date | None = None) -> None:
        """Count `visitor` once for `meeting` on `day`; the unique constraint makes repeats (and races
        between app servers sharing the database) no-ops."""
        view = PostView(meeting=meeting, visitor=visitor, day=day or timezone.localdate())
        self.bulk_create([view], ignore_conflicts=True)

    def totals(self, meeting: Meeting, day: dt.date | None = None) -> dict[str, int]:
        """{'total': all counted visits, 'today': visits counted on `day`} of one post."""
        day = day or timezone.localdate()
        return self.filter(meeting=meeting).aggregate(total=Count("pk"), today=Count("pk", filter=Q(day=day)))


class PostView(models.Model):
    """One visitor reading one post on one day. The visitor is a keyed hash that changes every day,
    so no address is stored and one day's visitors cannot be followed into the next."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="news_views")
    day = models.DateField()
    visitor = models.CharField(max_length=64)

    objects = PostViewQuerySet.as_manager()

    class Meta:
        verbose_name = _("การเข้าชมข่าว")
        verbose_name_plural = _("การเข้าชมข่าว")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "day", "visitor"], name="post_view_once_per_visitor_day"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} {self.day}"
