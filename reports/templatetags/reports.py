"""Template filters of the reports app: unbreakable dates and names in print, and who may export."""

from __future__ import annotations

import re

from django import template
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.safestring import SafeString

from reports import documents
from reports.access import can_export

register = template.Library()


@register.filter
def keep_together(text: str, names: re.Pattern[str] | None = None) -> SafeString:
    """{{ text|keep_together:names }}: escaped, dates/times/พ.ศ./names wrapped in nowrap spans."""
    return documents.keep_together(str(text or ""), names)


@register.filter
def can_export_pdf(user: AbstractBaseUser | AnonymousUser) -> bool:
    """{% if user|can_export_pdf %}: whether the export buttons are shown."""
    return can_export(user)


@register.simple_tag
def thai_digits_default() -> bool:
    """{% thai_digits_default as ticked %}: the office's default for "ใช้เลขไทย" (settings.PORTAL_THAI_DIGITS)."""
    return bool(settings.PORTAL_THAI_DIGITS)
