"""Directives (ข้อสั่งการ) given at meetings, and what the responsible offices report on them.

The tables keep the names they had when these models lived in the meetings app (meetings_directive, ...);
so do their historical tables, which stay registered in the meetings app.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history import register as register_history

from lamphun_portal.lib import thai
from lamphun_portal.lib.uploads import ATTACHMENTS, UploadValidator
from meetings.models import AgendaItem, Meeting, Office, Person


class DirectiveQuerySet(models.QuerySet):
    def open(self) -> DirectiveQuerySet:
        """Directives the responsible office still has to carry out (acknowledged or in progress)."""
        return self.filter(status__in=Directive.OPEN_STATUSES)

    def unfinished(self) -> DirectiveQuerySet:
        """Directives not yet done: still open, or reported done and waiting for an official's acceptance."""
        return self.filter(status__in=Directive.UNFINISHED_STATUSES)

    def overdue(self, today: dt.date | None = None) -> DirectiveQuerySet:
        """Open directives whose due date has passed (a reported result waiting for acceptance is not late)."""
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)

    def due_between(self, first: dt.date, last: dt.date) -> DirectiveQuerySet:
        """Open directives due from `first` to `last`, both included."""
        return self.open().filter(due_date__gte=first, due_date__lte=last)

    def in_fiscal_year(self, year: int) -> DirectiveQuerySet:
        """Directives given at meetings of a Buddhist-era fiscal year."""
        return self.filter(meeting__fiscal_year=year)


class Directive(models.Model):
    class Priority(models.TextChoices):
        NORMAL = "normal", _("ปกติ")
        HIGH = "high", _("ด่วน")
        URGENT = "urgent", _("ด่วนที่สุด")

    class Status(models.TextChoices):
        ACKNOWLEDGED = "acknowledged", _("รับทราบ")
        IN_PROGRESS = "in_progress", _("กำลังดำเนินการ")
        REPORTED = "reported", _("รอตรวจรับ")
        DONE = "done", _("ดำเนินการแล้ว")
        CANCELLED = "cancelled", _("ยกเลิก")

    OPEN_STATUSES = (Status.ACKNOWLEDGED, Status.IN_PROGRESS)
    # A reported completion counts as done only once an official accepts it (ตรวจรับ).
    UNFINISHED_STATUSES = (Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.REPORTED)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="directives")
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("ระเบียบวาระ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directives",
    )
    order = models.PositiveIntegerField(_("ลำดับ"), default=0)
    issued_by = models.ForeignKey(
        Person, verbose_name=_("ผู้สั่งการ"), null=True, blank=True, on_delete=models.PROTECT, related_name="directives"
    )
    text = models.TextField(_("ข้อสั่งการ"))
    programs = models.ManyToManyField(
        "programs.Program", verbose_name=_("โครงการ/งาน"), blank=True, related_name="directives"
    )
    communities = models.ManyToManyField(
        "programs.Community", verbose_name=_("หมู่บ้าน/ชุมชนที่เกี่ยวข้อง"), blank=True, related_name="directives"
    )
    responsible_offices = models.ManyToManyField(
        Office, verbose_name=_("หน่วยงานรับผิดชอบ"), blank=True, related_name="directives"
    )
    liaison_office = models.ForeignKey(
        Office,
        verbose_name=_("หน่วยงานประสานและรายงานแทนหน่วยงานภายนอก"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="liaison_directives",
        help_text=_("เว้นว่าง: สำนักงานพัฒนาชุมชนจังหวัดเป็นผู้ประสานและรายงานแทน"),
    )
    due_date = models.DateField(_("กำหนดแล้วเสร็จ"), null=True, blank=True)
    priority = models.CharField(_("ความเร่งด่วน"), max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(_("สถานะ"), max_length=15, choices=Status.choices, default=Status.ACKNOWLEDGED)
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    objects = DirectiveQuerySet.as_manager()

    class Meta:
        db_table = "meetings_directive"
        verbose_name = _("ข้อสั่งการ")
        verbose_name_plural = _("ข้อสั่งการ")
        ordering = ["meeting", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="directive_text_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:80]}…"

    def get_absolute_url(self) -> str:
        return reverse("directives:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_unfinished(self) -> bool:
        return self.status in self.UNFINISHED_STATUSES

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return bool(self.is_open and self.due_date and self.due_date < (today or timezone.localdate()))

    def clean(self) -> None:
        if not (self.text or "").strip():
            raise ValidationError({"text": _("กรุณากรอกข้อสั่งการ")})


class DirectiveUpdate(models.Model):
    """One step of a directive's follow-up trail, with who and when: an office's progress report, an
    official's request for a report, further instruction, acceptance or sending back, or a later meeting's
    resolution on it."""

    class Kind(models.TextChoices):
        REPORT = "report", _("รายงานความคืบหน้า")
        REQUEST = "request", _("ขอรายงาน")
        INSTRUCTION = "instruction", _("สั่งการเพิ่มเติม")
        ACCEPT = "accept", _("ตรวจรับ")
        SEND_BACK = "send_back", _("ส่งกลับให้ดำเนินการเพิ่มเติม")
        MEETING = "meeting", _("ติดตามในที่ประชุม")

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(_("ประเภท"), max_length=12, choices=Kind.choices, default=Kind.REPORT)
    office = models.ForeignKey(
        Office, verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT, related_name="directive_updates"
    )
    on_behalf_of = models.ForeignKey(
        Office,
        verbose_name=_("รายงานแทน"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("หน่วยงานภายนอกที่หน่วยงานประสานรายงานแทน"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้บันทึก"), null=True, blank=True, on_delete=models.SET_NULL
    )
    reported_on = models.DateField(_("วันที่"), default=timezone.localdate)
    note = models.TextField(_("รายละเอียด"))
    new_status = models.CharField(_("สถานะใหม่"), max_length=15, choices=Directive.Status.choices, blank=True)
    report_due = models.DateField(_("ขอให้รายงานภายใน"), null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("ในการประชุม"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directive_follow_ups",
    )
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)

    class Meta:
        db_table = "meetings_directiveupdate"
        verbose_name = _("การติดตามข้อสั่งการ")
        verbose_name_plural = _("การติดตามข้อสั่งการ")
        ordering = ["directive", "reported_on", "pk"]

    def __str__(self) -> str:
        return f"{self.directive_id}: {self.get_kind_display()} ({thai.be_date(self.reported_on)})"


def attachment_path(attachment: Attachment, filename: str) -> str:
    """Stored under a random name: the office's file name is kept in `name`, never used as a path."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"directive-attachments/{attachment.update.directive_id}/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    """A file sent with a progress report (a photo, a PDF, a Word or Excel file). Served only to those who may
    read the directive (directives/views.py), never from /media/."""

    update = models.ForeignKey(
        DirectiveUpdate, verbose_name=_("รายงาน"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("ไฟล์"), upload_to=attachment_path, validators=[UploadValidator(ATTACHMENTS)])
    name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"))

    class Meta:
        verbose_name = _("ไฟล์แนบรายงาน")
        verbose_name_plural = _("ไฟล์แนบรายงาน")
        ordering = ["update", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directives:attachment", args=[self.pk])


class CarriedDirective(models.Model):
    """A directive of an earlier meeting taken up again at a later one (เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว):
    where it stood that day, and what the meeting said of it (which also enters the directive's trail)."""

    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("ระเบียบวาระ"), on_delete=models.CASCADE, related_name="carried_directives"
    )
    directive = models.ForeignKey(
        Directive, verbose_name=_("ข้อสั่งการ"), on_delete=models.CASCADE, related_name="carried_into"
    )
    status = models.CharField(_("สถานะ ณ วันประชุม"), max_length=15, choices=Directive.Status.choices)
    resolution = models.TextField(_("มติ / ความคืบหน้าที่ที่ประชุมรับทราบ"), blank=True)
    order = models.PositiveIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("เรื่องสืบเนื่อง")
        verbose_name_plural = _("เรื่องสืบเนื่อง")
        ordering = ["agenda_item", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agenda_item", "directive"], name="carried_directive_once_per_item"),
        ]

    def __str__(self) -> str:
        return str(self.directive)


# Who changed what and when (history/): historical tables as they were created, in the meetings app.
register_history(Directive, m2m_fields=["programs", "responsible_offices"], app="meetings")
register_history(DirectiveUpdate, app="meetings")
