"""Directives (ข้อสั่งการ) given at meetings, and what the responsible offices report on them.

The tables keep the names they had when these models lived in the meetings app (meetings_directive, ...);
so do their historical tables, which stay registered in the meetings app.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history import register as register_history

from lamphun_portal.lib import thai
from meetings.models import AgendaItem, Meeting, Office, Person


class DirectiveQuerySet(models.QuerySet):
    def open(self) -> DirectiveQuerySet:
        """Directives still to be carried out (acknowledged or in progress)."""
        return self.filter(status__in=Directive.OPEN_STATUSES)

    def overdue(self, today: dt.date | None = None) -> DirectiveQuerySet:
        """Open directives whose due date has passed."""
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)

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
        DONE = "done", _("ดำเนินการแล้ว")
        CANCELLED = "cancelled", _("ยกเลิก")

    OPEN_STATUSES = (Status.ACKNOWLEDGED, Status.IN_PROGRESS)

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

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return bool(self.is_open and self.due_date and self.due_date < (today or timezone.localdate()))

    def clean(self) -> None:
        if not (self.text or "").strip():
            raise ValidationError({"text": _("กรุณากรอกข้อสั่งการ")})


class DirectiveUpdate(models.Model):
    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="updates")
    office = models.ForeignKey(
        Office, verbose_name=_("หน่วยงานที่รายงาน"), on_delete=models.PROTECT, related_name="directive_updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้รายงาน"), null=True, blank=True, on_delete=models.SET_NULL
    )
    reported_on = models.DateField(_("วันที่รายงาน"), default=timezone.localdate)
    note = models.TextField(_("ความคืบหน้า"))
    new_status = models.CharField(_("สถานะใหม่"), max_length=15, choices=Directive.Status.choices)
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)

    class Meta:
        db_table = "meetings_directiveupdate"
        verbose_name = _("รายงานความคืบหน้า")
        verbose_name_plural = _("รายงานความคืบหน้า")
        ordering = ["directive", "reported_on", "pk"]

    def __str__(self) -> str:
        return f"{self.directive_id}: {self.get_new_status_display()} ({thai.be_date(self.reported_on)})"


# Who changed what and when (history/): historical tables as they were created, in the meetings app.
register_history(Directive, m2m_fields=["programs", "responsible_offices"], app="meetings")
register_history(DirectiveUpdate, app="meetings")
