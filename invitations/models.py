"""A meeting called ahead (status นัดประชุม): who is invited, the letter that invites them, what each invited office
answered, the documents sent with the letter, and each person's private calendar feed.

A scheduled meeting is still the organising office's work (lamphun_portal/policy.py keeps it inside), except that
the offices and people invited to it read it, answer, and download its documents.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lamphun_portal.lib.uploads import ATTACHMENTS, UploadValidator
from meetings.models import Meeting, Office, Person

# The usual sections of a Thai meeting's agenda, prefilled when a meeting is scheduled.
STANDARD_AGENDA = (
    "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
    "รับรองรายงานการประชุมครั้งที่แล้ว",
    "เรื่องสืบเนื่อง",
    "เรื่องเพื่อทราบ",
    "เรื่องเพื่อพิจารณา",
    "เรื่องอื่น ๆ",
)


class InvitationLetter(models.Model):
    """The letter calling the meeting (หนังสือเชิญประชุม), in the form of ระเบียบงานสารบรรณ (หนังสือภายนอก)."""

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("การประชุม"), on_delete=models.CASCADE, related_name="invitation_letter"
    )
    number = models.CharField(_("ที่ (เลขที่หนังสือ)"), max_length=100, blank=True, help_text=_("เช่น ลพ 0019/ว 123"))
    dated = models.DateField(_("ลงวันที่"), default=timezone.localdate)
    subject = models.CharField(_("เรื่อง"), max_length=300)
    salutation = models.CharField(_("เรียน"), max_length=300)
    body = models.TextField(_("ข้อความเพิ่มเติม"), blank=True)
    signer = models.ForeignKey(
        Person, verbose_name=_("ผู้ลงนาม"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    contact = models.CharField(_("ส่วนราชการเจ้าของเรื่องและโทรศัพท์"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("ส่งหนังสือเชิญเมื่อ"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ส่งโดย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("หนังสือเชิญประชุม")
        verbose_name_plural = _("หนังสือเชิญประชุม")

    def __str__(self) -> str:
        return self.subject


class Invitation(models.Model):
    """One invited office and its answer (ตอบรับ): who will come, or that it will not."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("ยังไม่ตอบ")
        ATTEND = "attend", _("เข้าร่วมประชุม")
        DECLINE = "decline", _("ไม่เข้าร่วมประชุม")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("การประชุม"), on_delete=models.CASCADE, related_name="invitations"
    )
    office = models.ForeignKey(Office, verbose_name=_("หน่วยงานที่เชิญ"), on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("การตอบรับ"), max_length=10, choices=Answer.choices, default=Answer.PENDING)
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)
    answered_at = models.DateTimeField(_("ตอบเมื่อ"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ตอบโดย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("การเชิญหน่วยงาน")
        verbose_name_plural = _("การเชิญหน่วยงาน")
        ordering = ["meeting", "office__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "office"],
                name="invitation_once_per_office",
                violation_error_message=_("เชิญหน่วยงานนี้แล้ว"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.office} ({self.get_answer_display()})"

    def get_absolute_url(self) -> str:
        return reverse("invitations:answer", args=[self.pk])


class InvitationAttendee(models.Model):
    """One person an invited office says will come, as the office typed it (name and position)."""

    invitation = models.ForeignKey(
        Invitation, verbose_name=_("การเชิญ"), on_delete=models.CASCADE, related_name="attendees"
    )
    order = models.PositiveIntegerField(_("ลำดับ"), default=0)
    name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ผู้ที่จะเข้าประชุม")
        verbose_name_plural = _("ผู้ที่จะเข้าประชุม")
        ordering = ["invitation", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.name} {self.position}".strip()


class InvitedPerson(models.Model):
    """A person invited by name (a chair's guest, a presenter from outside the offices invited)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("การประชุม"), on_delete=models.CASCADE, related_name="invited_people"
    )
    person = models.ForeignKey(Person, verbose_name=_("บุคคล"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("บุคคลที่เชิญ")
        verbose_name_plural = _("บุคคลที่เชิญ")
        ordering = ["meeting", "person__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="invited_person_once",
                violation_error_message=_("เชิญบุคคลนี้แล้ว"),
            )
        ]

    def __str__(self) -> str:
        return str(self.person)


def document_path(document: MeetingDocument, filename: str) -> str:
    """Stored under a random name: the office's file name is kept in `name`, never used as a path."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"meeting-documents/{document.meeting_id}/{uuid.uuid4().hex}.{extension}"


class MeetingDocument(models.Model):
    """A document sent with the invitation (เอกสารประกอบการประชุม). Served only to those who may read the
    meeting (invitations/views.py, through the policy), never from /media/."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("การประชุม"), on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("ไฟล์"), upload_to=document_path, validators=[UploadValidator(ATTACHMENTS)])
    name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("อัปโหลดโดย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("อัปโหลดเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("เอกสารประกอบการประชุม")
        verbose_name_plural = _("เอกสารประกอบการประชุม")
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("invitations:document", args=[self.pk])


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's private calendar address: the secret in it is the only key, so it can be renewed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ใช้"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(_("รหัสลับ"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ปฏิทินส่วนตัว")
        verbose_name_plural = _("ปฏิทินส่วนตัว")

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("invitations:feed", args=[self.token])
