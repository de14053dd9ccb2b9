"""What the portal tells offices, and how each message went out.

- `Event`: something an office should know about a directive (assigned, report requested, due, overdue, sent
  back, accepted), recorded once: (office, key) is unique, so raising the same event twice records it once.
- `Notification`: one person's copy of an event in the portal (the list at /notifications/, read or not).
- `Digest`: the events of one office sent together as one message (see notifications/digests.py).
- `Delivery`: one message of a digest to one address on one channel (e-mail, LINE) with its tries: the
  delivery log admins read. (digest, channel, address) is unique, and an event belongs to one digest only,
  so no event reaches an address twice.
- `OfficeChannels`: an office's own notification e-mail and LINE group, set by admins.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directives.models import Directive
from meetings.models import Office


class OfficeChannels(models.Model):
    office = models.OneToOneField(
        Office, verbose_name=_("หน่วยงาน"), on_delete=models.CASCADE, related_name="notification_channels"
    )
    email = models.EmailField(
        _("อีเมลสำหรับการแจ้งเตือน"),
        blank=True,
        help_text=_("อีเมลกลางของหน่วยงาน ได้รับการแจ้งเตือนทุกรายการของหน่วยงาน (นอกเหนือจากอีเมลของเจ้าหน้าที่แต่ละคน)"),
    )
    line_group_id = models.CharField(
        _("รหัสกลุ่ม LINE"),
        max_length=33,
        blank=True,
        validators=[
            RegexValidator(
                r"^C[0-9a-f]{32}$",
                _("รหัสกลุ่ม LINE ต้องขึ้นต้นด้วยตัว C ตามด้วยตัวเลขและตัวอักษร a–f รวม 32 ตัว เช่น C4af4980629…"),
            )
        ],
        help_text=_("เชิญบัญชีทางการ LINE ของระบบเข้ากลุ่ม LINE ของหน่วยงาน แล้วนำรหัสกลุ่ม (ขึ้นต้นด้วยตัว C) มากรอก"),
    )

    class Meta:
        verbose_name = _("ช่องทางแจ้งเตือนของหน่วยงาน")
        verbose_name_plural = _("ช่องทางแจ้งเตือนของหน่วยงาน")
        ordering = ["office__sort_key"]

    def __str__(self) -> str:
        return str(self.office)


class EventKind(models.TextChoices):
    """What happened; new kinds (a meeting invitation, ...) are added here and in templates/notifications/."""

    ASSIGNED = "assigned", _("ข้อสั่งการใหม่")
    REPORT_REQUESTED = "report_requested", _("ขอให้รายงานผล")
    DUE_SOON = "due_soon", _("ใกล้ครบกำหนด")
    DUE_TODAY = "due_today", _("ครบกำหนดวันนี้")
    OVERDUE = "overdue", _("เกินกำหนด")
    SENT_BACK = "sent_back", _("ส่งกลับให้ดำเนินการเพิ่มเติม")
    ACCEPTED = "accepted", _("ตรวจรับผลแล้ว")
    INVITED = "invited", _("หนังสือเชิญประชุม")


class EventQuerySet(models.QuerySet["Event"]):
    def undigested(self) -> EventQuerySet:
        """Events not yet put into a message."""
        return self.filter(digest__isnull=True)


class Event(models.Model):
    kind = models.CharField(_("เรื่อง"), max_length=30, choices=EventKind.choices)
    office = models.ForeignKey(Office, verbose_name=_("หน่วยงาน"), on_delete=models.CASCADE, related_name="+")
    directive = models.ForeignKey(
        Directive,
        verbose_name=_("ข้อสั่งการ"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notification_events",
    )
    # An invitation is about a meeting, not a directive.
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("การประชุม"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notification_events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ดำเนินการ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("หมายเหตุ"), blank=True)
    key = models.CharField(_("รหัสเหตุการณ์"), max_length=200)
    created_at = models.DateTimeField(_("เกิดเมื่อ"), default=timezone.now)
    digest = models.ForeignKey(
        "Digest", verbose_name=_("ข้อความที่ส่ง"), null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("เหตุการณ์ที่แจ้งเตือน")
        verbose_name_plural = _("เหตุการณ์ที่แจ้งเตือน")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["office", "key"], name="notification_event_once")]
        indexes = [models.Index(fields=["office", "digest"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.directive or self.meeting or self.note}"

    def get_absolute_url(self) -> str:
        if self.directive_id:
            return self.directive.get_absolute_url()
        if self.meeting_id:
            return reverse("invitations:meeting", args=[self.meeting_id])
        return reverse("notifications:list")


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        """Notifications their person has not opened yet."""
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้รับ"), on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.ForeignKey(Event, verbose_name=_("เหตุการณ์"), on_delete=models.CASCADE, related_name="notifications")
    read_at = models.DateTimeField(_("อ่านเมื่อ"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("การแจ้งเตือน")
        verbose_name_plural = _("การแจ้งเตือน")
        ordering = ["-pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "event"], name="notification_once_per_person")]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.event}"


class Digest(models.Model):
    """One message's worth of events for one office: its text is fixed when it is made, so every try and
    every channel sends the same words, and the log shows what was sent."""

    office = models.ForeignKey(Office, verbose_name=_("หน่วยงาน"), on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(_("หัวเรื่อง"), max_length=300)
    body = models.TextField(_("ข้อความอีเมล"))
    line_text = models.TextField(_("ข้อความ LINE"))
    created_at = models.DateTimeField(_("สร้างเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ข้อความแจ้งเตือน")
        verbose_name_plural = _("ข้อความแจ้งเตือน")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.subject


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def unfinished(self) -> DeliveryQuerySet:
        """Deliveries still waiting for a try or being tried."""
        return self.filter(status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING])


class Delivery(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("อีเมล")
        LINE = "line", _("LINE")

    class Status(models.TextChoices):
        PENDING = "pending", _("รอส่ง")
        SENDING = "sending", _("กำลังส่ง")
        SENT = "sent", _("ส่งแล้ว")
        FAILED = "failed", _("ส่งไม่สำเร็จ")

    digest = models.ForeignKey(Digest, verbose_name=_("ข้อความ"), on_delete=models.CASCADE, related_name="deliveries")
    office = models.ForeignKey(Office, verbose_name=_("หน่วยงาน"), on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(_("ช่องทาง"), max_length=10, choices=Channel.choices)
    address = models.CharField(_("ส่งถึง"), max_length=254)
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("จำนวนครั้งที่ส่ง"), default=0)
    next_attempt_at = models.DateTimeField(_("ส่งครั้งถัดไปเมื่อ"), default=timezone.now)
    last_error = models.TextField(_("ข้อผิดพลาดล่าสุด"), blank=True)
    # Sent with every try of a LINE push (X-Line-Retry-Key) and as the e-mail's Message-ID.
    retry_key = models.UUIDField(_("รหัสสำหรับส่งซ้ำ"), default=uuid.uuid4, editable=False)
    claimed_at = models.DateTimeField(_("เริ่มส่งครั้งล่าสุดเมื่อ"), null=True, blank=True)
    sent_at = models.DateTimeField(_("ส่งสำเร็จเมื่อ"), null=True, blank=True)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), default=timezone.now)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("บันทึกการส่งการแจ้งเตือน")
        verbose_name_plural = _("บันทึกการส่งการแจ้งเตือน")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["digest", "channel", "address"], name="notification_delivery_once")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.address} ({self.get_status_display()})"
