"""Directive pages: overdue marks."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def is_overdue(directive: object, today: object = None) -> bool:
    """Open and past its due date (today given by the view, so a page agrees with itself)."""
    return directive.is_overdue(today)
