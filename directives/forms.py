"""Forms of the directive pages: the list filters, an office's progress report, and an official's request for a
report, further instruction and review. They only validate."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directives.models import Directive
from directives.services import CarriedRow
from lamphun_portal.lib.formfields import BEDateField, RowChoiceField
from lamphun_portal.lib.uploads import ATTACHMENTS, UploadValidator
from meetings.models import Office, Person
from programs.models import Program

NULL_CHARACTERS = _("ข้อความมีอักขระที่ใช้ไม่ได้ กรุณาพิมพ์ใหม่")
# The fiscal years a filter may ask for (the page's filter and the API's `fiscal_year`).
MIN_FILTER_YEAR = 2500
MAX_FILTER_YEAR = 2700
# A search longer than any real one (the search page, the directive filter and the API share it).
MAX_QUERY_LENGTH = 200
QUERY_TOO_LONG = _("คำค้นยาวเกินไป กรุณาใช้ไม่เกิน 200 ตัวอักษร")


class DirectiveFilterForm(forms.Form):
    """The filters of the directive list, the CSV export and the API (all optional)."""

    SORTS = [
        ("-meeting_date", _("วันประชุม ล่าสุดก่อน")),
        ("meeting_date", _("วันประชุม เก่าสุดก่อน")),
        ("due_date", _("กำหนดแล้วเสร็จ ใกล้สุดก่อน")),
        ("issuer", _("ผู้สั่งการ (ก–ฮ)")),
    ]

    q = forms.CharField(
        label=_("ค้นหา"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": QUERY_TOO_LONG,
            "null_characters_not_allowed": NULL_CHARACTERS,
        },
    )
    fiscal_year = forms.IntegerField(
        label=_("ปีงบประมาณ"),
        required=False,
        min_value=MIN_FILTER_YEAR,
        max_value=MAX_FILTER_YEAR,
        error_messages={
            "invalid": _("ปีงบประมาณต้องเป็นตัวเลข ปี พ.ศ. เช่น 2564"),
            "min_value": _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564"),
            "max_value": _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564"),
        },
    )
    program = forms.ModelChoiceField(
        label=_("โครงการ/งาน"),
        queryset=Program.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("ทุกโครงการ"),
        error_messages={"invalid_choice": _("ไม่พบโครงการที่เลือก กรุณาเลือกจากรายการ")},
    )
    status = forms.ChoiceField(
        label=_("สถานะ"),
        required=False,
        choices=[("", _("ทุกสถานะ")), *Directive.Status.choices],
        error_messages={"invalid_choice": _("สถานะไม่ถูกต้อง กรุณาเลือกจากรายการ")},
    )
    office = RowChoiceField(
        label=_("หน่วยงานรับผิดชอบ"),
        queryset=Office.objects.all(),
        required=False,
        empty_label=_("ทุกหน่วยงาน"),
        error_messages={"invalid_choice": _("ไม่พบหน่วยงานที่เลือก กรุณาเลือกจากรายการ")},
    )
    issuer = RowChoiceField(
        label=_("ผู้สั่งการ"),
        # EXISTS, not a join with DISTINCT: one index probe per person instead of reading every directive.
        queryset=Person.objects.filter(Exists(Directive.objects.filter(issued_by=OuterRef("pk")))),
        required=False,
        empty_label=_("ทุกคน"),
        error_messages={"invalid_choice": _("ไม่พบผู้สั่งการที่เลือก กรุณาเลือกจากรายการ")},
    )
    overdue = forms.BooleanField(label=_("เฉพาะที่เลยกำหนด"), required=False)
    sort = forms.ChoiceField(
        label=_("เรียงตาม"),
        required=False,
        choices=SORTS,
        error_messages={"invalid_choice": _("การเรียงลำดับไม่ถูกต้อง กรุณาเลือกจากรายการ")},
    )


MAX_ATTACHMENTS = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once, each checked by size and by content (lamphun_portal/lib/uploads.py)."""

    widget = MultipleFileInput
    default_validators = [UploadValidator(ATTACHMENTS)]

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(_("แนบไฟล์ได้ครั้งละไม่เกิน %(n)s ไฟล์") % {"n": MAX_ATTACHMENTS})
        errors = []
        for upload in files:
            try:
                super().clean(upload, initial)
            except forms.ValidationError as error:
                errors += [f"{upload.name}: {message}" for message in error.messages]
        if errors:
            raise forms.ValidationError(errors)
        return list(files)


def _note(form: forms.Form, message: str) -> str:
    note = (form.cleaned_data.get("note") or "").strip()
    if not note:
        raise forms.ValidationError(message)
    return note


class ProgressReportForm(forms.Form):
    """An office reports what it has done: a note, where the directive stands now, and files to show it."""

    STATUSES = [
        (Directive.Status.IN_PROGRESS, _("กำลังดำเนินการ")),
        (Directive.Status.REPORTED, _("ดำเนินการแล้ว — ส่งให้ผู้บริหารตรวจรับ")),
    ]
    # "done" from an office means "done, please accept": only an official's acceptance makes it done.
    ALIASES = {Directive.Status.DONE: Directive.Status.REPORTED}

    note = forms.CharField(
        label=_("ความคืบหน้า"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"null_characters_not_allowed": NULL_CHARACTERS},
        required=False,
    )
    new_status = forms.ChoiceField(
        label=_("สถานะ"),
        choices=STATUSES,
        error_messages={
            "required": _("กรุณาเลือกสถานะ"),
            "invalid_choice": _("สถานะไม่ถูกต้อง กรุณาเลือกจากรายการ"),
        },
    )
    reporting_for = forms.ChoiceField(
        label=_("รายงานในนามของ"),
        required=False,
        error_messages={"invalid_choice": _("กรุณาเลือกหน่วยงานที่รายงานจากรายการ")},
    )
    files = AttachmentsField(label=_("ไฟล์แนบ (PDF รูปภาพ Word Excel)"), required=False)

    def __init__(self, *args: Any, offices: list[tuple[Office, Office | None]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound and self.data.get(self.add_prefix("new_status")) in self.ALIASES:
            self.data = self.data.copy()
            self.data[self.add_prefix("new_status")] = self.ALIASES[self.data[self.add_prefix("new_status")]]
        self.offices = {f"{office.pk}:{agency.pk if agency else ''}": (office, agency) for office, agency in offices}
        self.fields["reporting_for"].choices = [
            (key, f"{agency.name} (รายงานโดย{office.name})" if agency else office.name)
            for key, (office, agency) in self.offices.items()
        ]
        if len(self.offices) == 1:
            self.fields["reporting_for"].initial = next(iter(self.offices))

    def clean_note(self) -> str:
        return _note(self, _("กรุณากรอกความคืบหน้าที่ดำเนินการ"))

    def clean_reporting_for(self) -> str:
        """Who reports: the one choice there is, or the one chosen when the office also reports for others."""
        chosen = self.cleaned_data.get("reporting_for") or ""
        if not chosen and len(self.offices) == 1:
            return next(iter(self.offices))
        if chosen not in self.offices:
            raise forms.ValidationError(_("กรุณาเลือกว่ารายงานในนามของหน่วยงานใด"))
        return chosen

    def reporter(self) -> tuple[Office, Office | None]:
        """The office reporting, and the outside agency it reports for (None for its own work)."""
        return self.offices[self.cleaned_data["reporting_for"]]


class ReportRequestForm(forms.Form):
    """An official asks an office to report by a date (ขอรายงาน)."""

    office = forms.ChoiceField(label=_("ขอรายงานจากหน่วยงาน"))
    report_due = BEDateField(label=_("ขอให้รายงานภายในวันที่"))
    note = forms.CharField(label=_("รายละเอียดที่ขอ"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, offices: list[Office], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offices = {str(office.pk): office for office in offices}
        self.fields["office"].choices = [("", _("— เลือกหน่วยงาน —")), *((k, o.name) for k, o in self.offices.items())]
        self.fields["office"].error_messages.update(
            {"required": _("กรุณาเลือกหน่วยงาน"), "invalid_choice": _("กรุณาเลือกหน่วยงานจากรายการ")}
        )

    def clean_report_due(self) -> dt.date:
        due = self.cleaned_data["report_due"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("วันที่ขอให้รายงานต้องไม่ก่อนวันนี้"))
        return due

    def clean_note(self) -> str:
        return (self.cleaned_data.get("note") or "").strip() or str(_("ขอให้รายงานผลการดำเนินงานตามข้อสั่งการ"))

    def chosen_office(self) -> Office:
        return self.offices[self.cleaned_data["office"]]


class InstructionForm(forms.Form):
    """A further instruction on a directive (สั่งการเพิ่มเติม)."""

    note = forms.CharField(label=_("ข้อสั่งการเพิ่มเติม"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean_note(self) -> str:
        return _note(self, _("กรุณากรอกข้อสั่งการเพิ่มเติม"))


class ReviewForm(forms.Form):
    """An official accepts a reported completion (ตรวจรับ) or sends it back with the reason."""

    DECISIONS = [("accept", _("ตรวจรับ — ถือว่าดำเนินการแล้ว")), ("send_back", _("ส่งกลับให้ดำเนินการเพิ่มเติม"))]

    decision = forms.ChoiceField(
        label=_("ผลการตรวจ"),
        choices=DECISIONS,
        widget=forms.RadioSelect,
        error_messages={"required": _("กรุณาเลือกผลการตรวจ"), "invalid_choice": _("กรุณาเลือกผลการตรวจจากรายการ")},
    )
    note = forms.CharField(label=_("ความเห็น / เหตุผลที่ส่งกลับ"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        note = (data.get("note") or "").strip()
        if data.get("decision") == "send_back" and not note:
            self.add_error("note", _("กรุณาระบุเหตุผลที่ส่งกลับ เพื่อให้หน่วยงานแก้ไขได้ตรงประเด็น"))
        data["note"] = note or str(_("ตรวจรับผลการดำเนินงานแล้ว"))
        return data


class CarriedForwardForm(forms.Form):
    """Which of the office's unfinished directives of earlier meetings the meeting takes up again (เรื่องสืบเนื่อง),
    and what it resolved on each. `offered` are the directives the recorder may carry; `carried` those the
    meeting already carries (directive id → what it resolved)."""

    shown = forms.CharField(widget=forms.HiddenInput, required=False, initial="1")
    carry = forms.MultipleChoiceField(
        label=_("นำเข้าวาระเรื่องสืบเนื่อง"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("ข้อสั่งการที่เลือกไม่อยู่ในรายการเรื่องสืบเนื่อง กรุณาเลือกใหม่")},
    )

    def __init__(self, *args: Any, offered: list[Any], carried: dict[int, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        carried = carried or {}
        self.offered = {str(item.directive.pk): item for item in offered}
        self.fields["carry"].choices = [(key, item.directive.text) for key, item in self.offered.items()]
        self.fields["carry"].initial = [str(pk) for pk in carried]
        for key in self.offered:
            self.fields[f"resolution_{key}"] = forms.CharField(
                label=_("มติ / ความคืบหน้าที่ที่ประชุมรับทราบ"),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=carried.get(int(key), ""),
                error_messages={"max_length": _("ยาวได้ไม่เกิน 5,000 ตัวอักษร")},
            )

    def items(self) -> list[tuple[Any, forms.BoundField, forms.BoundField]]:
        """Each offered directive with its tick box and its resolution field, for the template."""
        boxes = {str(box.data["value"]): box for box in self["carry"]}
        return [(item, boxes[key], self[f"resolution_{key}"]) for key, item in self.offered.items()]

    def was_shown(self) -> bool:
        """Whether the page that was sent showed this part (a form without it leaves the carried rows alone)."""
        return self.is_bound and bool(self.data.get(self.add_prefix("shown")))

    def rows(self) -> list[CarriedRow]:
        return [
            CarriedRow(self.offered[key].directive, self.cleaned_data.get(f"resolution_{key}") or "")
            for key in self.cleaned_data["carry"]
        ]
