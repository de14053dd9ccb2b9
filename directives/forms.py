"""Forms of the directive pages: the list filters and a progress update. They only validate."""

from __future__ import annotations

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from directives.models import Directive, DirectiveUpdate
from lamphun_portal.lib.formfields import RowChoiceField
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


class DirectiveUpdateForm(forms.ModelForm):
    """A progress report on a directive: what was done and the status it is now in."""

    class Meta:
        model = DirectiveUpdate
        fields = ["note", "new_status"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "note": {
                "required": _("กรุณากรอกความคืบหน้าที่ดำเนินการ"),
                "null_characters_not_allowed": NULL_CHARACTERS,
            },
            "new_status": {
                "required": _("กรุณาเลือกสถานะใหม่"),
                "invalid_choice": _("สถานะไม่ถูกต้อง กรุณาเลือกจากรายการ"),
            },
        }

    def clean_note(self) -> str:
        note = (self.cleaned_data.get("note") or "").strip()
        if not note:
            raise forms.ValidationError(_("กรุณากรอกความคืบหน้าที่ดำเนินการ"))
        return note
