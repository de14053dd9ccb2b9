"""The form of the news import page: the pasted post, and what the staff member adds where the post is silent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lamphun_portal import policy
from lamphun_portal.lib import thai
from lamphun_portal.lib.formfields import RowChoiceField
from meetings.models import Meeting, Office
from news_import.parser import NewsMeeting, extract
from programs.models import Program


def importable_offices(user: AbstractBaseUser) -> QuerySet[Office]:
    """Offices whose meetings a person may import: the offices they record meetings for (policy), of the
    department's own kinds (a news post is an office's own)."""
    kinds = [Office.Kind.PROVINCIAL_OFFICE, Office.Kind.DISTRICT_OFFICE]
    return policy.recording_offices(user).filter(kind__in=kinds)


def recorded_meetings(*, organizer: Office, day: dt.date) -> QuerySet[Meeting]:
    """The meetings an office has recorded on a day (in Bangkok time)."""
    start = dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())
    return Meeting.objects.filter(
        organizer=organizer, starts_at__gte=start, starts_at__lt=start + dt.timedelta(days=1)
    ).order_by("starts_at", "pk")


def _same_title(first: str, second: str) -> bool:
    return " ".join(first.split()) == " ".join(second.split())


class ImportNewsForm(forms.Form):
    text = forms.CharField(
        label=_("ข้อความข่าว"),
        widget=forms.Textarea(attrs={"rows": 14, "lang": "th"}),
        help_text=_("คัดลอกข่าวทั้งข่าวจากเว็บไซต์สำนักงาน ตั้งแต่หัวข่าวบรรทัดแรก แล้ววางที่นี่"),
        error_messages={
            "required": _("กรุณาวางข้อความข่าว"),
            "max_length": _("ข้อความยาวเกินไป (ไม่เกิน 50,000 ตัวอักษร) กรุณาวางทีละข่าว"),
        },
        max_length=50_000,
    )
    organizer = RowChoiceField(
        label=_("หน่วยงานที่จัดประชุม"),
        queryset=Office.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("กรุณาเลือกหน่วยงานที่จัดประชุม"),
            "invalid_choice": _("เลือกได้เฉพาะหน่วยงานที่คุณบันทึกการประชุมได้"),
        },
    )
    title = forms.CharField(
        label=_("ชื่อการประชุม (กรอกเมื่อข่าวไม่มีหัวข่าว)"),
        max_length=500,
        required=False,
        error_messages={"max_length": _("ชื่อการประชุมยาวได้ไม่เกิน 500 ตัวอักษร")},
    )
    date = forms.CharField(
        label=_("วันที่ประชุม (กรอกเมื่อข่าวไม่ระบุ)"),
        max_length=40,
        required=False,
        help_text=_("เช่น 17/11/2563"),
        error_messages={"max_length": _("กรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 17/11/2563")},
    )
    time = forms.CharField(
        label=_("เวลาเริ่มประชุม (กรอกเมื่อข่าวไม่ระบุ)"),
        max_length=20,
        required=False,
        help_text=_("เช่น 10.00"),
        error_messages={"max_length": _("กรอกเวลาเป็น ชั่วโมง.นาที เช่น 10.00 หรือ 13.30")},
    )
    venue = forms.CharField(
        label=_("สถานที่ (กรอกเมื่อข่าวไม่ระบุ)"),
        max_length=300,
        required=False,
        error_messages={"max_length": _("สถานที่ยาวได้ไม่เกิน 300 ตัวอักษร")},
    )
    # Shown as a checkbox only when the office already recorded another meeting on the same day.
    create_anyway = forms.BooleanField(
        label=_("เป็นการประชุมคนละเรื่องกับที่บันทึกไว้ในวันเดียวกัน ให้สร้างร่างการประชุมใหม่"),
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, user: AbstractBaseUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offices = importable_offices(user)
        self.fields["organizer"].queryset = offices
        own = policy.office_of(user)
        if own is not None and offices.filter(pk=own.pk).exists():
            self.fields["organizer"].initial = own.pk
        self.user = user
        self.news: NewsMeeting | None = None
        # The meeting this post reports when it is already recorded, and other meetings of the office that day,
        # each only when the user may open it (a link they cannot follow is not shown).
        self.recorded: Meeting | None = None
        self.same_day: list[Meeting] = []

    def clean_date(self) -> dt.date | None:
        value = self.cleaned_data["date"].strip()
        if not value:
            return None
        try:
            return thai.parse_be_date(value)
        except thai.ChristianEraYearError as error:
            raise forms.ValidationError(
                _("ปี %(year)s ดูเหมือนเป็น ค.ศ. กรุณากรอกปี พ.ศ. เช่น %(suggested)s")
                % {"year": error.year, "suggested": error.suggested}
            ) from error
        except ValueError as error:
            raise forms.ValidationError(_("กรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 17/11/2563")) from error

    def clean_time(self) -> dt.time | None:
        value = self.cleaned_data["time"].strip()
        if not value:
            return None
        try:
            return thai.parse_thai_time(value)
        except ValueError as error:
            raise forms.ValidationError(_("กรอกเวลาเป็น ชั่วโมง.นาที เช่น 10.00 หรือ 13.30")) from error

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "text" not in cleaned:
            return cleaned
        news = extract(cleaned["text"], programs=Program.objects.values_list("code", "name"))
        # What the staff member typed wins: they have read the post; the importer only fills the gaps.
        news.title = cleaned.get("title") or news.title
        news.date = cleaned.get("date") or news.date
        news.time = cleaned.get("time") or news.time
        news.venue = cleaned.get("venue") or news.venue
        missing = {
            "title": (news.title, _("ข่าวไม่มีหัวข่าว กรุณากรอกชื่อการประชุม")),
            "date": (news.date, _("ข่าวไม่ระบุวันที่ประชุม กรุณากรอก เช่น 17/11/2563")),
            "time": (news.time, _("ข่าวไม่ระบุเวลาเริ่มประชุม กรุณากรอก เช่น 10.00")),
            "venue": (news.venue, _("ข่าวไม่ระบุสถานที่ประชุม กรุณากรอก")),
        }
        for name, (value, message) in missing.items():
            if not value and name not in self.errors:
                self.add_error(name, message)
        self.news = news
        if not self.errors:
            self._check_recorded(news, cleaned)
        return cleaned

    def _check_recorded(self, news: NewsMeeting, cleaned: dict[str, Any]) -> None:
        """Refuse a meeting the office already recorded (same day, same title); ask before adding another meeting
        on a day that already has one."""
        organizer = cleaned["organizer"]
        same_day = list(recorded_meetings(organizer=organizer, day=news.date))
        recorded = next((meeting for meeting in same_day if _same_title(meeting.title, news.title)), None)
        if recorded:
            self.recorded = recorded if policy.can_read_meeting(self.user, recorded) else None
            self.add_error(
                None,
                _("การประชุมนี้บันทึกไว้แล้ว: %(title)s วันที่ %(date)s ของ%(office)s จึงไม่สร้างซ้ำ")
                % {"title": recorded.title, "date": thai.be_date(recorded.starts_at), "office": organizer.name},
            )
        elif same_day and not cleaned.get("create_anyway"):
            self.same_day = [meeting for meeting in same_day if policy.can_read_meeting(self.user, meeting)]
            self.fields["create_anyway"].widget = forms.CheckboxInput()
            self.add_error(
                "create_anyway",
                _(
                    "%(office)s บันทึกการประชุมวันที่ %(date)s ไว้แล้ว %(count)s รายการ กรุณาตรวจดูว่าไม่ใช่การประชุมเดียวกัน "
                    "หากเป็นการประชุมคนละเรื่อง ให้เลือกช่องนี้แล้วกดสร้างอีกครั้ง"
                )
                % {"office": organizer.name, "date": thai.be_date(news.date), "count": len(same_day)},
            )
