"""The meeting form: the meeting itself, its attendance, agenda and directives, all on one page.

Forms only validate. Dates are typed in the Buddhist era (17/11/2563) and times as 10.00; every message
is Thai and sits next to the field it is about. Saving is meetings/services.py's job.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, Value, When
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directives.models import Directive
from lamphun_portal.lib import thai
from lamphun_portal.lib.formfields import BEDateField, MeetingNumberField, RowChoiceField, ThaiTimeField, row_fields
from meetings.models import AgendaItem, Attendance, Meeting, MeetingSubmission, Office, Person
from meetings.services import Row
from programs.models import Program

# Choices are lists of (value, label) pairs built once per request and shared by every row of a formset,
# so that a meeting with 40 attendance rows does not run 40 queries for the same list of people.
Choices = list[tuple[Any, str]]
EMPTY_CHOICE: tuple[str, str] = ("", "— เลือก —")
DB_INT_MAX = 2_147_483_647  # the smallest integer column of the databases the portal runs on


def person_label(person: Person) -> str:
    """นายวรยุทธ เนาวรัตน์ (ผู้ว่าราชการจังหวัดลำพูน): the position tells namesakes apart and can be searched."""
    return f"{person.full_name} ({person.position})" if person.position else person.full_name


def person_choices() -> Choices:
    return [EMPTY_CHOICE, *((p.pk, person_label(p)) for p in Person.objects.all())]


def offices_nearest_first(queryset: Any, near: Office | None) -> Any:
    """Offices in the order a picker offers them to someone of office ``near``: that office, then offices of
    its kind (district offices for a district office), then the others, each group in Thai dictionary order.
    Typing ลำพูน then offers สำนักงานพัฒนาชุมชนจังหวัดลำพูน before จังหวัดลำพูน to the provincial office's staff."""
    if near is None:
        return queryset
    closeness = Case(When(pk=near.pk, then=Value(0)), When(kind=near.kind, then=Value(1)), default=Value(2))
    return queryset.annotate(closeness=closeness).order_by("closeness", "sort_key", "pk")


def office_choices(queryset: Any = None, *, near: Office | None = None) -> Choices:
    offices = Office.objects.all() if queryset is None else queryset
    return [(o.pk, o.name) for o in offices_nearest_first(offices, near)]


def program_choices() -> Choices:
    return [(p.pk, p.name) for p in Program.objects.all()]


_THAI = re.compile("[\u0e01-\u0e5b]")
# Thai for the messages Django's own fields and validators give (a browser asking for English must not get them).
THAI_FIELD_MESSAGES = {
    "invalid": "รูปแบบข้อมูลไม่ถูกต้อง",
    "invalid_choice": "กรุณาเลือกจากรายการที่มีให้",
    "invalid_pk_value": "กรุณาเลือกจากรายการที่มีให้",
    "invalid_list": "กรุณาเลือกจากรายการที่มีให้",
    "min_value": "ต้องไม่น้อยกว่า %(limit_value)s",
    "max_value": "ต้องไม่เกิน %(limit_value)s",
    "max_length": "ยาวได้ไม่เกิน %(limit_value)d ตัวอักษร (ตอนนี้ %(show_value)d ตัวอักษร)",
    "null_characters_not_allowed": "มีอักขระที่ใช้ไม่ได้",
}


def thai_messages(form: forms.BaseForm) -> None:
    """Give every field of a form Thai messages where the form did not word its own."""
    for field in form.fields.values():
        wanted = {**THAI_FIELD_MESSAGES, "required": f"กรุณากรอก{field.label or ''}"}
        if isinstance(field, forms.IntegerField):
            wanted["invalid"] = "กรอกเป็นตัวเลข"
        messages = dict(field.error_messages)
        for code, thai_text in wanted.items():
            if not _THAI.search(str(messages.get(code, ""))):
                messages[code] = thai_text
        field.error_messages = messages


def _required(label: str) -> dict[str, str]:
    return {"required": f"กรุณากรอก{label}"}


class SubmissionTokenField(forms.Field):
    """The new-meeting form's one-time token: a UUID, or None for anything else (MeetingForm says what to do)."""

    widget = forms.HiddenInput

    def to_python(self, value: Any) -> uuid.UUID | None:
        try:
            return uuid.UUID(str(value or ""))
        except ValueError:
            return None


ALREADY_SUBMITTED = "already_submitted"


def _aware(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=timezone.get_default_timezone())


class MeetingForm(forms.ModelForm):
    starts_on = BEDateField(label=_("วันที่ประชุม"))
    # Typed as people write it: 12, 12/2569, ๑๒/๒๕๖๙; the year, if typed, must be the meeting's (clean()).
    number = MeetingNumberField(label=_("ครั้งที่"), required=False)
    starts_time = ThaiTimeField(label=_("เวลาเริ่ม"))
    ends_time = ThaiTimeField(label=_("เวลาเลิก"), required=False, help_text=_("เว้นว่างได้ถ้าไม่ได้บันทึกไว้"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=DB_INT_MAX)
    # Rendered in the new-meeting form, a new one each time the form is opened: sending it twice saves once.
    submission_token = SubmissionTokenField(required=False)

    class Meta:
        model = Meeting
        formfield_callback = row_fields
        fields = [
            "title",
            "organizer",
            "number",
            "venue",
            "chair",
            "minute_taker",
            "minutes_checker",
            "target_group",
            "attendee_count",
            "programs",
            "objective",
            "summary",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "objective": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 5}),
            "attendee_count": forms.NumberInput(attrs={"min": 0}),
        }
        error_messages = {
            "title": _required("ชื่อการประชุม"),
            "venue": _required("สถานที่ประชุม"),
            "organizer": {
                "required": "กรุณาเลือกหน่วยงานที่จัดประชุม",
                "invalid_choice": "บันทึกการประชุมได้เฉพาะของหน่วยงานที่คุณสังกัด",
            },
        }

    def __init__(
        self,
        *args: Any,
        organizers: Any,
        people: Choices,
        programs: Choices,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organizer"].queryset = organizers
        self.fields["organizer"].empty_label = None
        for name in ("chair", "minute_taker", "minutes_checker"):
            self.fields[name].choices = people
            self.fields[name].widget.attrs["data-searchable"] = "person"
        self.fields["programs"].choices = programs
        self.fields["programs"].widget.attrs["data-searchable"] = "program"
        self.fields["organizer"].widget.attrs["data-searchable"] = "office"
        # Another organising office has other unfinished directives to take up again: reload that part.
        self.fields["organizer"].widget.attrs.update(
            {
                "hx-get": reverse("directives:carried_forward"),
                "hx-trigger": "change",
                "hx-target": "#carried-forward",
                "hx-swap": "outerHTML",
            }
        )
        self.fields["attendee_count"].help_text = _("รวมทุกคนที่มาประชุม ไม่น้อยกว่าจำนวนในรายชื่อผู้มาประชุม")
        self.fields["number"].help_text = _("เว้นว่างได้ถ้าไม่มีเลขครั้งที่")
        if self.instance.pk:
            starts_at = timezone.localtime(self.instance.starts_at)
            self.initial.setdefault("starts_on", starts_at.date())
            self.initial.setdefault("starts_time", starts_at.time())
            if self.instance.ends_at:
                self.initial.setdefault("ends_time", timezone.localtime(self.instance.ends_at).time())
            self.initial.setdefault("version", self.instance.version)
        else:
            self.initial.setdefault("submission_token", uuid.uuid4().hex)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        thai_messages(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day, start, end = data.get("starts_on"), data.get("starts_time"), data.get("ends_time")
        if day and start:
            starts_at = _aware(day, start)
            ends_at = _aware(day, end) if end else None
            if ends_at and ends_at <= starts_at:
                self.add_error("ends_time", f"เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม ({thai.thai_time(start)})")
            else:
                # The model checks these too; set them only when valid so its clean() has nothing to refuse.
                self.instance.starts_at, self.instance.ends_at = starts_at, ends_at
                self._check_number_year(starts_at)
                self._check_number_unique(starts_at)
        if data.get("number") is not None:
            data["number"] = int(data["number"])  # the model stores the number only
        if not self.instance.pk:
            self._check_submission_token(data.get("submission_token"))
        return data

    def _check_submission_token(self, token: uuid.UUID | None) -> None:
        if token is None:
            # A page opened before the token existed, or an altered one: it comes back with a fresh token.
            self.data = self.data.copy()
            self.data["submission_token"] = uuid.uuid4().hex
            self.add_error(None, "แบบฟอร์มนี้ไม่สมบูรณ์ ระบบยังไม่ได้บันทึก ข้อมูลที่พิมพ์ไว้ยังอยู่ครบ กรุณากด “บันทึก” อีกครั้ง")
        elif MeetingSubmission.objects.filter(token=token).exists():
            # The view answers this one by going to the meeting the first sending made.
            self.add_error(None, ValidationError("แบบฟอร์มนี้บันทึกไปแล้ว", code=ALREADY_SUBMITTED))

    def _check_number_year(self, starts_at: dt.datetime) -> None:
        """A year typed after the number (12/2569) must be the meeting's calendar or fiscal year (Buddhist era)."""
        number = self.cleaned_data.get("number")
        year = getattr(number, "year", None)
        if year is None:
            return
        calendar, fiscal = thai.be_year(starts_at), thai.fiscal_year(starts_at)
        if year in (calendar, fiscal):
            return
        self.add_error(
            "number",
            f"ปี {year} ไม่ตรงกับวันที่ประชุม {thai.be_date(starts_at)} (ปี พ.ศ. {calendar} ปีงบประมาณ {fiscal}) "
            f"กรุณากรอก {int(number)}/{calendar} หรือเฉพาะเลขครั้งที่ {int(number)}",
        )

    def _check_number_unique(self, starts_at: dt.datetime) -> None:
        number, organizer = self.cleaned_data.get("number"), self.cleaned_data.get("organizer")
        if not (number and organizer) or number > DB_INT_MAX:
            return  # an impossible number is refused by the model's own range check, in Thai
        numbering = self.instance.numbering if self.instance.pk else organizer.meeting_numbering
        probe = Meeting(starts_at=starts_at, numbering=numbering)
        clash = Meeting.objects.filter(
            organizer=organizer, numbering=numbering, number_year=probe.numbering_year(), number=number
        ).exclude(pk=self.instance.pk)
        if clash.exists():
            probe.number = number
            self.add_error("number", f"{organizer.name} มีการประชุม{probe.number_label} อยู่แล้ว")


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        formfield_callback = row_fields
        fields = ["person", "group_name", "headcount", "role", "presence", "absence_reason", "substitute_for"]
        widgets = {"headcount": forms.NumberInput(attrs={"min": 0})}

    def __init__(self, *args: Any, people: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("person", "substitute_for"):
            self.fields[name].choices = people
            self.fields[name].widget.attrs["data-searchable"] = "person"
        self.fields["group_name"].help_text = ""
        self.fields["group_name"].widget.attrs["placeholder"] = "หรือพิมพ์ชื่อกลุ่ม เช่น พัฒนาการอำเภอ"
        thai_messages(self)


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        formfield_callback = row_fields
        fields = ["heading", "presenter", "discussion", "resolution"]
        widgets = {
            "heading": forms.Textarea(attrs={"rows": 2}),
            "discussion": forms.Textarea(attrs={"rows": 4}),
            "resolution": forms.Textarea(attrs={"rows": 2, "placeholder": "เช่น ที่ประชุมรับทราบ"}),
        }
        error_messages = {"heading": _required("เรื่องของระเบียบวาระ")}

    def __init__(self, *args: Any, people: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["presenter"].choices = people
        self.fields["presenter"].widget.attrs["data-searchable"] = "person"
        thai_messages(self)


class DirectiveForm(forms.ModelForm):
    due_date = BEDateField(label=_("กำหนดแล้วเสร็จ"), required=False)
    agenda_number = forms.IntegerField(
        label=_("ตามระเบียบวาระที่"), required=False, min_value=1, widget=forms.NumberInput(attrs={"min": 1})
    )

    class Meta:
        model = Directive
        formfield_callback = row_fields
        fields = ["text", "issued_by", "responsible_offices", "programs", "due_date", "priority"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"text": {"required": "กรุณากรอกข้อสั่งการ"}}

    def __init__(self, *args: Any, people: Choices, offices: Choices, programs: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issued_by"].choices = people
        self.fields["issued_by"].widget.attrs["data-searchable"] = "person"
        self.fields["responsible_offices"].choices = offices
        self.fields["responsible_offices"].widget.attrs["data-searchable"] = "office"
        self.fields["programs"].choices = programs
        self.fields["programs"].widget.attrs["data-searchable"] = "program"
        if self.instance.pk and self.instance.agenda_item_id:
            self.initial.setdefault("agenda_number", self.instance.agenda_item.order)
        thai_messages(self)

    def clean_text(self) -> str:
        text = (self.cleaned_data.get("text") or "").strip()
        if not text:
            raise ValidationError("กรุณากรอกข้อสั่งการ")
        return text


class OrderedInlineFormSet(BaseInlineFormSet):
    """Rows kept in the order they appear on the page; the position becomes the row's order on save."""

    def live_forms(self) -> list[forms.ModelForm]:
        """Rows that will be saved: changed or existing, and not marked for removal."""
        return [
            form
            for form in self.forms
            if not (self.can_delete and self._should_delete_form(form)) and (form.instance.pk or form.has_changed())
        ]


AttendanceFormSet = inlineformset_factory(
    Meeting, Attendance, form=AttendanceForm, formset=OrderedInlineFormSet, extra=0, can_delete=True
)
AgendaFormSet = inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemForm, formset=OrderedInlineFormSet, extra=0, can_delete=True
)
DirectiveFormSet = inlineformset_factory(
    Meeting,
    Directive,
    form=DirectiveForm,
    formset=OrderedInlineFormSet,
    fk_name="meeting",
    extra=0,
    can_delete=True,
)


class PersonForm(forms.ModelForm):
    """A person added from the meeting form, without leaving it."""

    class Meta:
        model = Person
        formfield_callback = row_fields
        fields = ["title", "first_name", "last_name", "position", "office"]
        error_messages = {
            "title": {"required": "กรุณากรอกคำนำหน้า เช่น นาย นาง นางสาว"},
            "first_name": _required("ชื่อ"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = ""
        self.fields["title"].widget.attrs["list"] = "person-titles"
        self.fields["office"].empty_label = "— ไม่ระบุ —"
        thai_messages(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, last = data.get("first_name"), data.get("last_name", "")
        if first and Person.objects.filter(first_name=first.strip(), last_name=(last or "").strip()).exists():
            self.add_error("first_name", f"มี {first} {last} ในรายชื่ออยู่แล้ว เลือกจากรายชื่อได้เลย")
        return data


class MeetingFilterForm(forms.Form):
    """Filters of the meeting list; every field optional."""

    fiscal_year = forms.TypedChoiceField(label=_("ปีงบประมาณ"), required=False, coerce=int, empty_value=None)
    office = RowChoiceField(label=_("หน่วยงาน"), required=False, queryset=Office.objects.none(), empty_label="ทุกหน่วยงาน")
    status = forms.ChoiceField(label=_("สถานะ"), required=False)

    def __init__(self, *args: Any, years: list[int], offices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].choices = [("", "ทุกปี"), *((y, f"พ.ศ. {y}") for y in years)]
        self.fields["office"].queryset = offices
        self.fields["status"].choices = [("", "ทุกสถานะ"), *Meeting.Status.choices]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"


ATTENDING = {Attendance.Presence.PRESENT, Attendance.Presence.SUBSTITUTE, Attendance.Presence.INVITED}


def attending_count(attendance: OrderedInlineFormSet) -> int:
    """People the attendance rows list as at the meeting: one per named person, a group's headcount."""
    total = 0
    for form in attendance.live_forms():
        data = form.cleaned_data
        if data.get("presence") in ATTENDING:
            total += 1 if data.get("person") else data.get("headcount") or 0
    return total


def validate_together(
    form: MeetingForm,
    attendance: OrderedInlineFormSet,
    agenda: OrderedInlineFormSet,
    directives: OrderedInlineFormSet,
) -> bool:
    """Check what no single form can see (headcount against the list, directives against the agenda)."""
    valid = all(f.is_valid() for f in (form, attendance, agenda, directives))
    if not valid:
        return False
    listed = attending_count(attendance)
    headcount = form.cleaned_data.get("attendee_count")
    if headcount is not None and headcount < listed:
        form.add_error(
            "attendee_count",
            f"จำนวนผู้เข้าประชุม {headcount} คน น้อยกว่าจำนวนที่ระบุในรายชื่อผู้มาประชุม ({listed} คน)",
        )
    items = len(agenda.live_forms())
    for row in directives.live_forms():
        number = row.cleaned_data.get("agenda_number")
        if number and number > items:
            row.add_error("agenda_number", f"ไม่มีระเบียบวาระที่ {number} (มี {items} วาระ)")
    return all(f.is_valid() for f in (form, attendance, agenda, directives))


def _rows(formset: OrderedInlineFormSet) -> tuple[list[Row], list[Any]]:
    """The formset's rows as plain values for the service: each live row, and the rows removed on the page."""
    removed = [form.instance for form in formset.deleted_forms if form.instance.pk]
    rows = []
    for form in formset.live_forms():
        many = {name: list(form.cleaned_data.get(name) or []) for name in form.fields if name in _MANY_TO_MANY}
        rows.append(Row(form.save(commit=False), many, form.cleaned_data.get("agenda_number")))
    return rows, removed


_MANY_TO_MANY = {"programs", "responsible_offices"}


def submitted_meeting(
    *,
    form: MeetingForm,
    attendance: OrderedInlineFormSet,
    agenda: OrderedInlineFormSet,
    directives: OrderedInlineFormSet,
) -> dict[str, Any]:
    """What the validated forms hold, as the plain values meetings.services.save_meeting takes."""
    attendance_rows, removed_attendance = _rows(attendance)
    agenda_rows, removed_agenda = _rows(agenda)
    directive_rows, removed_directives = _rows(directives)
    return {
        "meeting": form.save(commit=False),
        "programs": list(form.cleaned_data.get("programs") or []),
        "attendance": attendance_rows,
        "agenda": agenda_rows,
        "directives": directive_rows,
        "removed": [*removed_attendance, *removed_agenda, *removed_directives],
        "expected_version": form.cleaned_data.get("version"),
        "submission_token": form.cleaned_data.get("submission_token"),
    }
