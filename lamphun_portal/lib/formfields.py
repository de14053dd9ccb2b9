"""Form fields that choose database rows by id, for every ModelForm of the portal.

Django's ModelChoiceField and ModelMultipleChoiceField send whatever id they are given to the database;
an id longer than any integer column (99999999999999999999) raises OverflowError on SQLite, a server
error instead of the Thai "choose from the list" message. These refuse such ids before the query.
Use `row_fields` as a ModelForm's `Meta.formfield_callback`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

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
