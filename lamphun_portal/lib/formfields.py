"""Form fields of the portal: rows chosen by id, dates typed in the Buddhist era, times typed the Thai way.

Rows by id:

Django's ModelChoiceField and ModelMultipleChoiceField send whatever id they are given to the database;
an id longer than any integer column (99999999999999999999) raises OverflowError on SQLite, a server
error instead of the Thai "choose from the list" message. These refuse such ids before the query.
Use `row_fields` as a ModelForm's `Meta.formfield_callback`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lamphun_portal.lib import thai

MAX_ID_DIGITS = 18  # larger numbers are not row ids, and would overflow the database's integer
INVALID_CHOICE = _("ตัวเลือกไม่ถูกต้อง กรุณาเลือกจากรายการ")


def is_row_id(value: object) -> bool:
    text = str(value)
    return text.isdigit() and len(text) <= MAX_ID_DIGITS


class RowChoiceField(forms.ModelChoiceField):
    """A choice of a row by id that answers a bad or enormous id with the Thai message, not a crash."""

    def to_python(self, value: object) -> object:
        by_pk = self.to_field_name in (None, "pk", "id")
        if by_pk and value not in self.empty_values and not is_row_id(value):
            raise forms.ValidationError(INVALID_CHOICE, code="invalid_choice")
        return super().to_python(value)


class RowsChoiceField(forms.ModelMultipleChoiceField):
    """Several rows by id, refusing bad or enormous ids with the Thai message before the query."""

    def _check_values(self, value: Any) -> Any:
        by_pk = self.to_field_name in (None, "pk", "id")
        if by_pk and any(not is_row_id(item) for item in value):
            raise forms.ValidationError(INVALID_CHOICE, code="invalid_choice")
        return super()._check_values(value)


def row_fields(db_field: models.Field, **kwargs: Any) -> forms.Field | None:
    """formfield_callback: relations become RowChoiceField / RowsChoiceField, other fields as Django makes them."""
    if isinstance(db_field, models.ForeignKey):
        return db_field.formfield(form_class=RowChoiceField, **kwargs)
    if isinstance(db_field, models.ManyToManyField):
        return db_field.formfield(form_class=RowsChoiceField, **kwargs)
    return db_field.formfield(**kwargs)


class BEDateInput(forms.TextInput):
    """A text box for a Buddhist-era date (17/11/2563); shows stored dates the same way."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {"placeholder": "วว/ดด/ปปปป เช่น 17/11/2563", "inputmode": "numeric", "autocomplete": "off"}
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return thai.be_date_numeric(value)
        return super().format_value(value)


class BEDateField(forms.Field):
    """A date typed as วว/ดด/ปปปป in the Buddhist era; a Christian-era year (2020 for 2563) is refused with a hint."""

    widget = BEDateInput
    default_error_messages = {
        "required": "กรุณากรอกวันที่ (วว/ดด/ปปปป พ.ศ. เช่น 17/11/2563)",
        "invalid": "กรอกวันที่เป็น วว/ดด/ปปปป ปีพุทธศักราช เช่น 17/11/2563",
        "no_such_day": "ไม่มีวันที่นี้ในปฏิทิน กรุณาตรวจสอบวันและเดือน",
        "christian_era": "ปี %(year)s เป็นปีคริสต์ศักราช กรุณากรอกปีพุทธศักราช (พ.ศ. %(suggested)s) เช่น %(example)s",
    }

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        text = (value or "").strip()
        if not text:
            return None
        try:
            return thai.parse_be_date(text)
        except thai.ChristianEraYearError as error:
            day, month = text.replace("-", "/").replace(".", "/").split("/")[:2]
            example = f"{day.strip()}/{month.strip()}/{error.suggested}"
            raise ValidationError(
                self.error_messages["christian_era"],
                code="christian_era",
                params={"year": error.year, "suggested": error.suggested, "example": example},
            ) from error
        except ValueError as error:
            code = "no_such_day" if thai._NUMERIC_DATE.match(thai.arabic_digits(text)) else "invalid"
            raise ValidationError(self.error_messages[code], code=code) from error


class ThaiTimeField(forms.Field):
    """A time typed as 10.00 (or 10:00, 10.00 น.)."""

    widget = forms.TextInput(attrs={"placeholder": "เช่น 10.00", "inputmode": "decimal", "autocomplete": "off"})
    default_error_messages = {
        "required": "กรุณากรอกเวลา เช่น 10.00",
        "invalid": "กรอกเวลาเป็น ชั่วโมง.นาที เช่น 10.00 หรือ 13.30",
    }

    def to_python(self, value: Any) -> dt.time | None:
        if isinstance(value, dt.time):
            return value
        text = (value or "").strip()
        if not text:
            return None
        try:
            return thai.parse_thai_time(text)
        except ValueError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.time):
            return f"{value.hour:02d}.{value.minute:02d}"
        return value


class MeetingNumber(int):
    """A meeting number as typed: ``12`` or ``12/2569``; ``year`` is the Buddhist year typed after it, if any."""

    year: int | None = None

    def __new__(cls, number: int, year: int | None = None) -> MeetingNumber:
        value = super().__new__(cls, number)
        value.year = year
        return value


_MEETING_NUMBER = re.compile(r"^\s*(?:ครั้งที่)?\s*(\d{1,40})\s*(?:[/]\s*(\d{2}|\d{4}))?\s*$")


class MeetingNumberField(forms.Field):
    """ครั้งที่ as people type it: 12, 12/2569, in Thai digits too (๑๒/๒๕๖๙). The year, if typed, is kept on the
    value (MeetingNumber.year) for the form to compare with the meeting's date; a two-digit year is 25xx."""

    widget = forms.TextInput(attrs={"placeholder": "เช่น 12 หรือ 12/2569", "autocomplete": "off"})
    default_error_messages = {
        "invalid": "กรอกครั้งที่เป็นตัวเลข เช่น 12 หรือ 12/2569 (ใช้เลขไทยได้)",
        "not_positive": "ครั้งที่ต้องเป็นเลข 1 ขึ้นไป",
        "christian_era": "ปี %(year)s เป็นปีคริสต์ศักราช กรุณากรอกปีพุทธศักราช เช่น %(number)s/%(suggested)s",
    }

    def to_python(self, value: Any) -> MeetingNumber | None:
        if isinstance(value, int):
            return MeetingNumber(value)
        text = thai.arabic_digits(str(value or "")).strip()
        if not text:
            return None
        match = _MEETING_NUMBER.match(text)
        if not match:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        number = int(match.group(1))
        if number < 1:
            raise ValidationError(self.error_messages["not_positive"], code="not_positive")
        year_text = match.group(2)
        if year_text is None:
            return MeetingNumber(number)
        year = int(year_text)
        if len(year_text) == 2:
            year += 2500
        elif year < thai.MIN_BE_YEAR:
            raise ValidationError(
                self.error_messages["christian_era"],
                code="christian_era",
                params={"year": year, "number": number, "suggested": year + thai.BE_OFFSET},
            )
        return MeetingNumber(number, year)
