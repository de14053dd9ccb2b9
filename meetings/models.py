"""Recording meetings: offices, people, meetings with their attendance and agenda, and the minutes' lifecycle.

Directives given at a meeting live in directives/, programs and communities in programs/, the search index
in search/. Every model here keeps its history (django-simple-history): who changed what and when.
"""

from __future__ import annotations

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


def minutes_title(title: str) -> str:
    """The heading of the minutes, on the page and in print: รายงานการประชุม… without saying ประชุม twice when
    the title starts with it (ประชุมเตรียมความพร้อม… → รายงานการประชุมเตรียมความพร้อม…)."""
    title = (title or "").strip()
    if title.startswith("การประชุม"):
        return f"รายงาน{title}"
    if title.startswith("ประชุม"):
        return f"รายงานการ{title}"
    return f"รายงานการประชุม{title}"


class SortKeyMixin(models.Model):
    """Keeps `sort_key` (Thai dictionary order, see lib/thai.py) current on every save."""

    sort_key = models.CharField(max_length=thai.SORT_KEY_LENGTH, editable=False, db_index=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.sort_key = thai.sort_key(self.collation_text())
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    def collation_text(self) -> str:
        raise NotImplementedError


class Office(SortKeyMixin):
    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("กรม")
        PROVINCE = "province", _("จังหวัด")
        PROVINCIAL_OFFICE = "provincial_office", _("สำนักงานพัฒนาชุมชนจังหวัด")
        DISTRICT_OFFICE = "district_office", _("สำนักงานพัฒนาชุมชนอำเภอ")
        PARTNER = "partner", _("หน่วยงานภาคี")

    class Numbering(models.TextChoices):
        CALENDAR_YEAR = "calendar", _("นับครั้งตามปี พ.ศ. (ครั้งที่ 3/2563)")
        FISCAL_YEAR = "fiscal", _("นับครั้งตามปีงบประมาณ (ครั้งที่ 2 ปีงบประมาณ พ.ศ. 2565)")

    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=200, unique=True)
    short_name = models.CharField(_("ชื่อย่อ"), max_length=60, blank=True)
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("สังกัด"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    district = models.CharField(_("อำเภอ"), max_length=60, blank=True, help_text=_("สำหรับสำนักงานระดับอำเภอ"))
    meeting_numbering = models.CharField(
        _("การนับครั้งที่ประชุม"), max_length=10, choices=Numbering.choices, default=Numbering.CALENDAR_YEAR
    )

    class Meta:
        verbose_name = _("หน่วยงาน")
        verbose_name_plural = _("หน่วยงาน")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.name

    def collation_text(self) -> str:
        return self.name


class Person(SortKeyMixin):
    title = models.CharField(_("คำนำหน้า"), max_length=60, help_text=_("นาย นาง นางสาว ว่าที่ร้อยตรี ฯลฯ"))
    first_name = models.CharField(_("ชื่อ"), max_length=100)
    last_name = models.CharField(_("นามสกุล"), max_length=100, blank=True)
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    office = models.ForeignKey(
        Office, verbose_name=_("หน่วยงาน"), null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("บัญชีผู้ใช้"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = _("บุคคล")
        verbose_name_plural = _("บุคคล")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """นายวรยุทธ เนาวรัตน์ — Thai writes the title against the first name."""
        return f"{self.title}{self.first_name} {self.last_name}".strip()

    def collation_text(self) -> str:
        # Thai lists people by first name, then surname; the title does not count.
        return f"{self.first_name} {self.last_name}"


class MeetingQuerySet(models.QuerySet):
    def in_fiscal_year(self, year: int) -> MeetingQuerySet:
        """Meetings held in a Buddhist-era fiscal year (1 Oct – 30 Sep)."""
        return self.filter(fiscal_year=year)

    def published(self) -> MeetingQuerySet:
        """Meetings the office has published."""
        return self.filter(status=Meeting.Status.PUBLISHED)

    def certified(self) -> MeetingQuerySet:
        """Meetings whose minutes are certified (or published): their directives are given."""
        return self.filter(status__in=Meeting.CERTIFIED_STATUSES)


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("นัดประชุม")
        DRAFT = "draft", _("ร่าง")
        CHECKED = "checked", _("ตรวจแล้ว")
        CERTIFIED = "certified", _("รับรองแล้ว")
        PUBLISHED = "published", _("เผยแพร่แล้ว")

    # Until its minutes are certified a meeting is the organising office's own work (a scheduled one also its
    # invitees'): lamphun_portal/policy.py keeps it inside. Its directives are given once the minutes are.
    WORKING_STATUSES = (Status.SCHEDULED, Status.DRAFT, Status.CHECKED)
    CERTIFIED_STATUSES = (Status.CERTIFIED, Status.PUBLISHED)

    title = models.CharField(_("ชื่อการประชุม"), max_length=500)
    organizer = models.ForeignKey(
        Office, verbose_name=_("หน่วยงานที่จัดประชุม"), on_delete=models.PROTECT, related_name="meetings"
    )
    number = models.PositiveIntegerField(_("ครั้งที่"), null=True, blank=True)
    numbering = models.CharField(
        _("การนับครั้งที่"), max_length=10, choices=Office.Numbering.choices, editable=False, default="calendar"
    )
    number_year = models.PositiveIntegerField(_("ปีของครั้งที่ (พ.ศ.)"), editable=False, null=True)
    starts_at = models.DateTimeField(_("วันเวลาเริ่มประชุม"))
    ends_at = models.DateTimeField(_("เวลาเลิกประชุม"), null=True, blank=True)
    venue = models.CharField(_("สถานที่"), max_length=300)
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ"), editable=False, db_index=True)
    chair = models.ForeignKey(
        Person, verbose_name=_("ประธาน"), null=True, blank=True, on_delete=models.PROTECT, related_name="chaired"
    )
    minute_taker = models.ForeignKey(
        Person,
        verbose_name=_("ผู้จดรายงานการประชุม"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="minuted",
    )
    minutes_checker = models.ForeignKey(
        Person,
        verbose_name=_("ผู้ตรวจรายงานการประชุม"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="checked_minutes",
    )
    objective = models.TextField(_("วัตถุประสงค์"), blank=True)
    summary = models.TextField(_("สรุปการประชุม (ข่าว)"), blank=True)
    target_group = models.CharField(_("กลุ่มเป้าหมาย"), max_length=500, blank=True)
    attendee_count = models.PositiveIntegerField(_("จำนวนผู้เข้าประชุม (คน)"), null=True, blank=True)
    programs = models.ManyToManyField("programs.Program", verbose_name=_("โครงการ/งานที่เกี่ยวข้อง"), blank=True)
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(_("ฉบับที่แก้ไข"), default=1, editable=False)
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("การประชุม")
        verbose_name_plural = _("การประชุม")
        ordering = ["-starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organizer", "numbering", "number_year", "number"],
                name="meeting_number_unique_per_office_year",
                violation_error_message=_("หน่วยงานนี้มีการประชุมครั้งที่นี้ในปีเดียวกันแล้ว"),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("เวลาเลิกประชุมต้องอยู่หลังเวลาเริ่มประชุม"),
            ),
            models.CheckConstraint(
                condition=Q(attendee_count__isnull=True) | Q(attendee_count__gte=0),
                name="meeting_attendee_count_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({thai.be_date(self.starts_at)})"

    def save(self, *args, **kwargs) -> None:
        self.fiscal_year = thai.fiscal_year(self.starts_at)
        if not self.pk or not self.numbering:
            self.numbering = self.organizer.meeting_numbering
        self.number_year = self.numbering_year()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "fiscal_year", "numbering", "number_year"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def is_certified(self) -> bool:
        """The minutes are certified (or published): the meeting's directives are given to their offices."""
        return self.status in self.CERTIFIED_STATUSES

    @property
    def minutes_title(self) -> str:
        return minutes_title(self.title)

    def numbering_year(self) -> int:
        """The Buddhist year the meeting number counts in: calendar year or fiscal year (office setting)."""
        if self.numbering == Office.Numbering.FISCAL_YEAR:
            return thai.fiscal_year(self.starts_at)
        return thai.be_year(self.starts_at)

    @property
    def number_label(self) -> str:
        """ครั้งที่ 3/2563, or ครั้งที่ 2 ปีงบประมาณ พ.ศ. 2565; empty when the meeting has no number."""
        if not self.number:
            return ""
        if self.numbering == Office.Numbering.FISCAL_YEAR:
            return f"ครั้งที่ {self.number} ปีงบประมาณ พ.ศ. {self.numbering_year()}"
        return f"ครั้งที่ {self.number}/{self.numbering_year()}"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("เวลาเลิกประชุมต้องอยู่หลังเวลาเริ่มประชุม")})


class Attendance(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("ประธาน")
        VICE_CHAIR = "vice_chair", _("รองประธาน")
        INSPECTOR = "inspector", _("ผู้ตรวจราชการ")
        PRESENTER = "presenter", _("ผู้นำเสนอ")
        MEMBER = "member", _("ผู้เข้าประชุม")
        SECRETARY = "secretary", _("เลขานุการ")
        MINUTE_TAKER = "minute_taker", _("ผู้จดรายงานการประชุม")
        MINUTES_CHECKER = "minutes_checker", _("ผู้ตรวจรายงานการประชุม")

    class Presence(models.TextChoices):
        PRESENT = "present", _("มาประชุม")
        ABSENT = "absent", _("ไม่มาประชุม")
        SUBSTITUTE = "substitute", _("มาประชุมแทน")
        INVITED = "invited", _("ผู้เข้าร่วมประชุม")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    order = models.PositiveIntegerField(_("ลำดับ"), default=0)
    person = models.ForeignKey(
        Person, verbose_name=_("บุคคล"), null=True, blank=True, on_delete=models.PROTECT, related_name="attendances"
    )
    group_name = models.CharField(
        _("กลุ่มผู้เข้าประชุม"), max_length=300, blank=True, help_text=_("เช่น เจ้าหน้าที่พัฒนาชุมชนทุกระดับ")
    )
    headcount = models.PositiveIntegerField(_("จำนวน (คน)"), null=True, blank=True)
    role = models.CharField(_("บทบาท"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    presence = models.CharField(_("การเข้าประชุม"), max_length=12, choices=Presence.choices, default=Presence.PRESENT)
    absence_reason = models.CharField(_("เหตุที่ไม่มาประชุม"), max_length=300, blank=True)
    substitute_for = models.ForeignKey(
        Person,
        verbose_name=_("มาประชุมแทน"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substituted_by",
    )

    class Meta:
        verbose_name = _("ผู้เข้าประชุม")
        verbose_name_plural = _("ผู้เข้าประชุม")
        ordering = ["meeting", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(group_name=""),
                name="attendance_person_or_group",
                violation_error_message=_("ระบุบุคคลหรือกลุ่มผู้เข้าประชุม"),
            ),
            models.CheckConstraint(
                condition=Q(headcount__isnull=True) | Q(headcount__gte=0),
                name="attendance_headcount_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(presence="substitute") | Q(substitute_for__isnull=False),
                name="attendance_substitute_names_person",
                violation_error_message=_("ระบุผู้ที่มาประชุมแทน"),
            ),
        ]

    def __str__(self) -> str:
        return str(self.person) if self.person_id else self.group_name

    @property
    def label(self) -> str:
        """Name (or group) as the minutes print it."""
        return self.person.full_name if self.person_id else self.group_name

    @property
    def role_note(self) -> str:
        """The role the attendance list prints after the position: not for an ordinary member or a presenter,
        and not when the position already says it (ผู้ตรวจราชการกรมการพัฒนาชุมชน)."""
        if self.role in (self.Role.MEMBER, self.Role.PRESENTER):
            return ""
        label = str(self.get_role_display())
        position = self.person.position if self.person_id else ""
        return "" if label in position else label

    @property
    def counted(self) -> int:
        """How many people this row stands for."""
        if self.person_id:
            return 1
        return self.headcount or 0

    def clean(self) -> None:
        if not self.person_id and not self.group_name:
            raise ValidationError(_("ระบุบุคคลหรือกลุ่มผู้เข้าประชุม"))
        if self.presence == self.Presence.SUBSTITUTE and not self.substitute_for_id:
            raise ValidationError({"substitute_for": _("ระบุผู้ที่มาประชุมแทน")})
        if self.presence == self.Presence.ABSENT and not self.absence_reason.strip():
            raise ValidationError({"absence_reason": _("ระบุเหตุที่ไม่มาประชุม")})


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveIntegerField(_("ระเบียบวาระที่"))
    heading = models.CharField(_("เรื่อง"), max_length=500)
    presenter = models.ForeignKey(
        Person, verbose_name=_("ผู้นำเสนอ"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    discussion = models.TextField(_("สาระการประชุม"), blank=True)
    resolution = models.TextField(_("มติที่ประชุม"), blank=True)

    class Meta:
        verbose_name = _("ระเบียบวาระ")
        verbose_name_plural = _("ระเบียบวาระ")
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="agenda_order_unique_per_meeting",
                violation_error_message=_("ลำดับระเบียบวาระซ้ำกัน"),
            )
        ]

    def __str__(self) -> str:
        return f"ระเบียบวาระที่ {self.order} {self.heading}"


class MeetingTransition(models.Model):
    """One step of the minutes lifecycle (draft → certified → published, or back), with who and when."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("จากสถานะ"), max_length=10, choices=Meeting.Status.choices)
    to_status = models.CharField(_("เป็นสถานะ"), max_length=10, choices=Meeting.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ดำเนินการโดย"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="meeting_transitions",
    )
    at = models.DateTimeField(_("เมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("การเปลี่ยนสถานะรายงานการประชุม")
        verbose_name_plural = _("การเปลี่ยนสถานะรายงานการประชุม")
        ordering = ["meeting", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class MeetingRevision(models.Model):
    """What a meeting looked like at one version, so a refused concurrent save can show what changed."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField(_("ฉบับที่"))
    snapshot = models.JSONField(_("ข้อมูล ณ ฉบับนี้"))
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("บันทึกโดย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("บันทึกเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ฉบับแก้ไขการประชุม")
        verbose_name_plural = _("ฉบับแก้ไขการประชุม")
        ordering = ["meeting", "version"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "version"], name="meeting_revision_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} v{self.version}"


class MeetingSubmissionQuerySet(models.QuerySet):
    def of_token(self, token: uuid.UUID) -> MeetingSubmission | None:
        """The saved sending of the new-meeting form that carried this token, with its meeting, if any."""
        return self.filter(token=token).select_related("meeting").first()


class MeetingSubmission(models.Model):
    """One sending of the new-meeting form, by the one-time token the form carried.

    Kept in the database, not in a process, so every app server sees it: the same form sent twice (a double
    click, the browser's "send again", two tabs of one form) makes one meeting. The row is written in the
    transaction that creates the meeting, and the unique token refuses a second one.
    """

    token = models.UUIDField(_("รหัสแบบฟอร์ม"), unique=True, editable=False)
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("การประชุมที่บันทึก"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("ส่งเมื่อ"), auto_now_add=True)

    objects = MeetingSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("การส่งแบบฟอร์มบันทึกการประชุม")
        verbose_name_plural = _("การส่งแบบฟอร์มบันทึกการประชุม")

    def __str__(self) -> str:
        return str(self.token)


# Who changed what and when (history/). Registered here rather than as a `history` field on each model, so
# that the historical tables keep the names they were created with. Who certified and published the minutes,
# and when, is part of the record: a deleted meeting comes back with its steps.
register_history(Meeting, m2m_fields=["programs"], app="meetings")
register_history(Attendance, app="meetings")
register_history(AgendaItem, app="meetings")
register_history(MeetingTransition, app="meetings")
