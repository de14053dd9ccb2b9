"""Template filters of the reports app: unbreakable dates and names in print, the digits default."""

from __future__ import annotations

import re

from django import template
from django.conf import settings
from django.utils.safestring import SafeString

from reports import documents

register = template.Library()


@register.filter
def keep_together(text: str, names: re.Pattern[str] | None = None) -> SafeString:
    """{{ text|keep_together:names }}: escaped, dates/times/พ.ศ./names wrapped in nowrap spans."""
    return documents.keep_together(str(text or ""), names)


@register.simple_tag
def thai_digits_default() -> bool:
    """{% thai_digits_default as ticked %}: the office's default for "ใช้เลขไทย" (settings.PORTAL_THAI_DIGITS)."""
    return bool(settings.PORTAL_THAI_DIGITS)
