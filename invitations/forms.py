"""Forms of the time before a meeting. They only validate; every message is Thai and sits by its field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lamphun_portal.lib.formfields import BEDateField, RowChoiceField, RowsChoiceField
from lamphun_portal.lib.uploads import ATTACHMENTS, UploadValidator
from meetings.forms import MeetingForm, thai_messages
from meetings.models import Office, Person

from .models import STANDARD_AGENDA, Invitation

# The new-meeting form's fields a meeting called ahead has (minute-taker, summary etc. come after it is held).
SCHEDULE_FIELDS = ("title", "organizer", "number", "starts_on", "starts_time", "ends_time", "venue", "chair")


class ScheduleForm(MeetingForm):
    """The meeting form (its date and time fields, its checks, its one-time token) with what a letter needs.

    The fields of a held meeting that this page does not show stay empty."""

    offices = RowsChoiceField(
        label=_("หน่วยงานที่เชิญ"),
        queryset=Office.objects.all(),
        required=False,
        help_text=_("แต่ละหน่วยงานได้รับการแจ้งเตือนและตอบรับว่าใครจะเข้าประชุม"),
    )
    people = RowsChoiceField(
        label=_("บุคคลที่เชิญ"), queryset=Person.objects.all(), required=False, help_text=_("เชิญเป็นรายบุคคล (ถ้ามี)")
    )
    letter_number = forms.CharField(
        label=_("ที่ (เลขที่หนังสือ)"), max_length=100, required=False, help_text=_("เช่น ลพ 0019/ว 123 เว้นว่างได้")
    )
    letter_date = BEDateField(label=_("ลงวันที่ (หนังสือ)"))
    salutation = forms.CharField(label=_("เรียน"), max_length=300)
    letter_body = forms.CharField(
        label=_("ข้อความเพิ่มเติมในหนังสือ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("ต่อจากข้อความเชิญประชุมที่ระบบเขียนให้ เช่น ขอให้นำข้อมูลผลการดำเนินงานมาด้วย"),
    )
    signer = RowChoiceField(label=_("ผู้ลงนามในหนังสือ"), queryset=Person.objects.all(), required=False)
    contact = forms.CharField(
        label=_("ส่วนราชการเจ้าของเรื่องและโทรศัพท์"),
        max_length=300,
        required=False,
        help_text=_("เช่น กลุ่มงานอำนวยการ โทร. 0 5351 1000"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offices"].widget.attrs["data-searchable"] = "office"
        self.fields["people"].widget.attrs["data-searchable"] = "person"
        self.fields["signer"].widget.attrs["data-searchable"] = "person"
        self.fields["signer"].empty_label = "— เลือก —"
        self.initial.setdefault("letter_date", timezone.localdate())
        self.initial.setdefault("salutation", "ผู้เข้าร่วมประชุมตามรายชื่อ")
        thai_messages(self)
        self.fields["salutation"].error_messages["required"] = "กรุณากรอกคำขึ้นต้น (เรียน ...)"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("offices") and not data.get("people"):
            self.add_error("offices", "กรุณาเลือกหน่วยงานหรือบุคคลที่เชิญอย่างน้อยหนึ่งราย")
        return data


class ThaiFormSet(BaseFormSet):
    """Rows of a form, with Thai messages for what only an altered or half-loaded page sends."""

    default_error_messages = {
        "missing_management_form": "แบบฟอร์มไม่สมบูรณ์ ระบบยังไม่ได้บันทึก กรุณาเปิดหน้านี้ใหม่แล้วกรอกอีกครั้ง",
        "too_many_forms": "มีได้ไม่เกิน %(num)d แถว",
        "too_few_forms": "ต้องมีอย่างน้อย %(num)d แถว",
    }


class AgendaHeadingForm(forms.Form):
    heading = forms.CharField(
        label=_("เรื่อง"), max_length=500, required=False, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


AgendaHeadingFormSet = formset_factory(
    AgendaHeadingForm, formset=ThaiFormSet, extra=2, max_num=40, absolute_max=40, validate_max=True
)


def agenda_formset(data: Any = None) -> Any:
    """The draft agenda: the usual six sections, then two empty rows for more."""
    formset = AgendaHeadingFormSet(data, prefix="agenda", initial=[{"heading": h} for h in STANDARD_AGENDA])
    for form in formset.forms:
        thai_messages(form)
    return formset


def agenda_headings(formset: Any) -> list[str]:
    """The headings typed, in order, blank rows left out."""
    return [h for form in formset.forms if (h := (form.cleaned_data.get("heading") or "").strip())]


class InviteMoreForm(forms.Form):
    """Offices and people invited after the meeting was scheduled."""

    offices = RowsChoiceField(label=_("เชิญหน่วยงานเพิ่ม"), queryset=Office.objects.all(), required=False)
    people = RowsChoiceField(label=_("เชิญบุคคลเพิ่ม"), queryset=Person.objects.all(), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offices"].widget.attrs["data-searchable"] = "office"
        self.fields["people"].widget.attrs["data-searchable"] = "person"
        thai_messages(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not data.get("offices") and not data.get("people"):
            raise forms.ValidationError("กรุณาเลือกหน่วยงานหรือบุคคลที่จะเชิญเพิ่ม")
        return data


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("เอกสารประกอบการประชุม"),
        validators=[UploadValidator(ATTACHMENTS)],
        help_text=_("PDF รูปภาพ Word หรือ Excel"),
        error_messages={"required": "กรุณาเลือกไฟล์", "empty": "ไฟล์ว่าง ไม่มีข้อมูล", "invalid": "ไฟล์ไม่ถูกต้อง"},
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("การตอบรับ"),
        choices=[(Invitation.Answer.ATTEND, "เข้าร่วมประชุม"), (Invitation.Answer.DECLINE, "ไม่เข้าร่วมประชุม")],
        widget=forms.RadioSelect,
        error_messages={"required": "กรุณาเลือกว่าจะเข้าร่วมประชุมหรือไม่"},
    )
    note = forms.CharField(
        label=_("หมายเหตุ"),
        max_length=300,
        required=False,
        help_text=_("ถ้าไม่เข้าร่วม ระบุเหตุผล เช่น ติดราชการอื่น"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        thai_messages(self)
        self.fields["answer"].error_messages["required"] = "กรุณาเลือกว่าจะเข้าร่วมประชุมหรือไม่"


class AttendeeForm(forms.Form):
    name = forms.CharField(label=_("ชื่อ-สกุล"), max_length=200, required=False)
    position = forms.CharField(label=_("ตำแหน่ง"), max_length=200, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        thai_messages(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (data.get("position") or "").strip() and not (data.get("name") or "").strip():
            self.add_error("name", "กรุณากรอกชื่อของผู้ที่ดำรงตำแหน่งนี้")
        return data


ATTENDEE_ROWS = 5


def attendee_formset(data: Any = None, initial: list[dict[str, str]] | None = None) -> Any:
    """Rows for who will come: the earlier answer's, then empty ones up to five (at least one empty)."""
    initial = initial or []
    extra = max(ATTENDEE_ROWS - len(initial), 1)
    formset_class = formset_factory(
        AttendeeForm, formset=ThaiFormSet, extra=extra, max_num=30, absolute_max=30, validate_max=True
    )
    return formset_class(data, prefix="attendees", initial=initial)


def typed_attendees(formset: Any) -> list[tuple[str, str]]:
    """(name, position) of each row with a name, in order."""
    rows = []
    for form in formset.forms:
        name = " ".join((form.cleaned_data.get("name") or "").split())
        if name:
            rows.append((name, " ".join((form.cleaned_data.get("position") or "").split())))
    return rows
