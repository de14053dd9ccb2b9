"""Admin list columns shared by several apps' admin pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.utils.functional import Promise


def year_column(field: str, description: str | Promise) -> Callable[[Any, Any], str]:
    """A column showing a Buddhist-era year as written ("2566"): the admin would otherwise print an integer
    field with the thousands separator the portal uses for counts ("2,566").
    Assign it as a ModelAdmin attribute and name it in list_display or readonly_fields."""

    @admin.display(description=description, ordering=field)
    def column(model_admin: Any, obj: Any) -> str:
        year = getattr(obj, field)
        # A record not saved yet (the add page) has no year: the admin's usual empty mark.
        return model_admin.get_empty_value_display() if year is None else str(year)

    return column
