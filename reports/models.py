"""Rendered PDFs (the cache) and export jobs (the background queue), both kept in the database.

Both live in the database rather than on the file system so that several app servers sharing one
database see the same cache and the same queue.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting


class ExportKind(models.TextChoices):
    MINUTES = "minutes", _("รายงานการประชุม")
    FISCAL_YEAR_BOOK = "fiscal_year_book", _("เล่มรายงานการประชุมประจำปีงบประมาณ")


class RenderedPdf(models.Model):
    """A PDF as rendered once; found again by the digest of what it was rendered from.

    ``digest`` is the SHA-256 of the print HTML, the print stylesheets, the renderer's code and the
    options, so an unchanged meeting is never rendered twice and an edited one never gets a stale copy,
    whether or not the edit bumped ``Meeting.version``.
    """

    kind = models.CharField(_("ประเภท"), max_length=20, choices=ExportKind.choices)
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("การประชุม"), null=True, blank=True, on_delete=models.CASCADE, related_name="pdfs"
    )
    meeting_version = models.PositiveIntegerField(_("ฉบับที่แก้ไขของการประชุม"), null=True, blank=True)
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ"), null=True, blank=True)
    options = models.CharField(_("ตัวเลือก"), max_length=60)
    digest = models.CharField(max_length=64, unique=True)
    filename = models.CharField(_("ชื่อไฟล์"), max_length=200)
    content = models.BinaryField()
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"))
    pages = models.PositiveIntegerField(_("จำนวนหน้า"), default=0)
    render_seconds = models.FloatField(_("เวลาที่ใช้สร้าง (วินาที)"), default=0)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("ไฟล์ PDF ที่สร้างแล้ว")
        verbose_name_plural = _("ไฟล์ PDF ที่สร้างแล้ว")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "meeting", "options"]), models.Index(fields=["kind", "fiscal_year"])]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("reports:download", args=[self.pk])


class ExportJobQuerySet(models.QuerySet):
    def unfinished(self) -> ExportJobQuerySet:
        """Jobs waiting for a worker or being worked on."""
        return self.filter(status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING])


class ExportJob(models.Model):
    """A PDF to make in the background (reports/tasks.py): who asked, what, and how far it has got."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("รอคิว")
        RUNNING = "running", _("กำลังสร้าง")
        DONE = "done", _("เสร็จแล้ว")
        FAILED = "failed", _("ไม่สำเร็จ")

    kind = models.CharField(_("ประเภท"), max_length=20, choices=ExportKind.choices)
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("การประชุม"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ"), null=True, blank=True)
    thai_digits = models.BooleanField(_("ใช้เลขไทย"), default=False)
    pdfa = models.BooleanField(_("PDF/A สำหรับจัดเก็บ"), default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้สั่ง"), null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("ความคืบหน้า (ร้อยละ)"), default=0)
    stage = models.CharField(_("ขั้นตอน"), max_length=200, blank=True)
    error = models.TextField(_("ข้อผิดพลาด"), blank=True)
    result = models.ForeignKey(
        RenderedPdf, verbose_name=_("ไฟล์"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    worker = models.CharField(_("ผู้ประมวลผล"), max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("สั่งเมื่อ"), auto_now_add=True)
    started_at = models.DateTimeField(_("เริ่มเมื่อ"), null=True, blank=True)
    finished_at = models.DateTimeField(_("เสร็จเมื่อ"), null=True, blank=True)

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("งานสร้างไฟล์ PDF")
        verbose_name_plural = _("งานสร้างไฟล์ PDF")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("reports:job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def subject(self) -> str:
        """What the job makes, in Thai."""
        if self.kind == ExportKind.FISCAL_YEAR_BOOK:
            return f"เล่มรายงานการประชุม ประจำปีงบประมาณ พ.ศ. {self.fiscal_year}"
        return f"รายงานการประชุม: {self.meeting.title}" if self.meeting_id else "รายงานการประชุม"
