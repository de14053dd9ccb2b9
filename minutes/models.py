"""The minutes after the meeting: who drafted and who checks them, the checker's trail, how they were certified,
who signed them, and the frozen PDFs of each publication.

The lifecycle itself (Meeting.status and its MeetingTransition steps) stays in meetings/; this app records what
each step needs: the named checker, the next meeting's (or the members') decision, the three signatures.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history import register as register_history

from meetings.models import AgendaItem, Meeting


class MinutesReview(models.Model):
    """Who drafted the minutes (the minute-taker's account) and whom they named to check them."""

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("การประชุม"), on_delete=models.CASCADE, related_name="minutes_review"
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้จดรายงานการประชุม"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ตรวจรายงานการประชุม"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    awaiting_check = models.BooleanField(_("รอการตรวจ"), default=False)

    class Meta:
        verbose_name = _("การตรวจรายงานการประชุม")
        verbose_name_plural = _("การตรวจรายงานการประชุม")

    def __str__(self) -> str:
        return str(self.meeting)


class ReviewStep(models.Model):
    """One step of the checking trail, kept for good: sent to the checker, returned with comments, approved."""

    class Kind(models.TextChoices):
        SENT = "sent", _("ส่งให้ผู้ตรวจ")
        RETURNED = "returned", _("ส่งกลับให้แก้ไข")
        APPROVED = "approved", _("ตรวจแล้ว")
        REOPENED = "reopened", _("เปิดให้แก้ไขอีกครั้ง")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("การประชุม"), on_delete=models.CASCADE, related_name="minutes_review_steps"
    )
    kind = models.CharField(_("ขั้นตอน"), max_length=10, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("โดย"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("ความเห็น"), blank=True)
    at = models.DateTimeField(_("เมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ขั้นตอนการตรวจรายงานการประชุม")
        verbose_name_plural = _("ขั้นตอนการตรวจรายงานการประชุม")
        ordering = ["meeting", "at", "pk"]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class Outcome(models.TextChoices):
    UNCHANGED = "unchanged", _("รับรองโดยไม่มีการแก้ไข")
    AMENDED = "amended", _("รับรองโดยมีการแก้ไข")


class Certification(models.Model):
    """How the minutes were (or are being) certified: by the next meeting of the series, or by circulation."""

    class Method(models.TextChoices):
        NEXT_MEETING = "next_meeting", _("รับรองในการประชุมครั้งถัดไป")
        CIRCULATION = "circulation", _("เวียนรับรอง")

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("รายงานการประชุมที่รับรอง"), on_delete=models.CASCADE, related_name="certification"
    )
    method = models.CharField(_("วิธีรับรอง"), max_length=12, choices=Method.choices)
    certifying_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("การประชุมที่รับรอง"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certifications_given",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("ระเบียบวาระที่รับรอง"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certifications",
    )
    outcome = models.CharField(_("ผลการรับรอง"), max_length=10, choices=Outcome.choices, blank=True)
    amendments = models.TextField(_("การแก้ไข"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("บันทึกโดย"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(_("เริ่มเมื่อ"), default=timezone.now)
    certified_at = models.DateTimeField(_("รับรองเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("การรับรองรายงานการประชุม")
        verbose_name_plural = _("การรับรองรายงานการประชุม")

    def __str__(self) -> str:
        return f"{self.get_method_display()}: {self.meeting}"

    @property
    def is_open(self) -> bool:
        """A circulation still waiting for answers."""
        return self.certified_at is None


class CirculationAnswer(models.Model):
    """One member's answer to a circulation (เวียนรับรอง)."""

    certification = models.ForeignKey(
        Certification, verbose_name=_("การเวียนรับรอง"), on_delete=models.CASCADE, related_name="answers"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้รับรอง"), on_delete=models.PROTECT, related_name="+"
    )
    answer = models.CharField(_("คำตอบ"), max_length=10, choices=Outcome.choices, blank=True)
    amendment = models.TextField(_("ขอแก้ไข"), blank=True)
    answered_at = models.DateTimeField(_("ตอบเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("คำตอบการเวียนรับรอง")
        verbose_name_plural = _("คำตอบการเวียนรับรอง")
        ordering = ["certification", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["certification", "member"], name="circulation_one_answer_per_member")
        ]

    def __str__(self) -> str:
        return str(self.member)


class Signature(models.Model):
    """A signature by typed name under the signer's own login (ระเบียบงานสารบรรณ (ฉบับที่ 4) พ.ศ. 2564)."""

    class Role(models.TextChoices):
        MINUTE_TAKER = "minute_taker", _("ผู้จดรายงานการประชุม")
        CHECKER = "checker", _("ผู้ตรวจรายงานการประชุม")
        CHAIR = "chair", _("ประธานในที่ประชุม")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("การประชุม"), on_delete=models.CASCADE, related_name="minutes_signatures"
    )
    role = models.CharField(_("ลงนามในฐานะ"), max_length=12, choices=Role.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ลงนาม"), on_delete=models.PROTECT, related_name="+"
    )
    typed_name = models.CharField(_("ชื่อที่พิมพ์ลงนาม"), max_length=300)
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    signed_at = models.DateTimeField(_("ลงนามเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("การลงนามรายงานการประชุม")
        verbose_name_plural = _("การลงนามรายงานการประชุม")
        ordering = ["meeting", "signed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "role"], name="minutes_one_signature_per_role")]

    def __str__(self) -> str:
        return f"{self.typed_name} ({self.get_role_display()})"


class PublishedMinutes(models.Model):
    """The minutes PDF as published, frozen: never changed after it is stored. A later publication is a new row."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("การประชุม"), on_delete=models.PROTECT, related_name="published_minutes"
    )
    number = models.PositiveIntegerField(_("ฉบับเผยแพร่ที่"))
    meeting_version = models.PositiveIntegerField(_("ฉบับที่แก้ไขของการประชุม"))
    filename = models.CharField(_("ชื่อไฟล์"), max_length=200)
    content = models.BinaryField(_("ไฟล์ PDF"))
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    digitally_signed = models.BooleanField(_("ลงลายมือชื่อดิจิทัล"), default=False)
    signer = models.CharField(_("ผู้ถือใบรับรอง"), max_length=300, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("เผยแพร่โดย"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("รายงานการประชุมฉบับเผยแพร่")
        verbose_name_plural = _("รายงานการประชุมฉบับเผยแพร่")
        ordering = ["meeting", "-number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="published_minutes_unique_number")]

    def __str__(self) -> str:
        return f"{self.filename} (ฉบับที่ {self.number})"

    def get_absolute_url(self) -> str:
        return reverse("minutes:pdf", args=[self.pk])


# Who changed what and when (history/): a reopened round's certification and signatures are deleted, and their
# history rows keep them.
register_history(MinutesReview, app="minutes")
register_history(Certification, app="minutes")
register_history(CirculationAnswer, app="minutes")
register_history(Signature, app="minutes")
