"""Template filters for Thai dates and numbers: {{ meeting.starts_at|be_date }} → 17 พฤศจิกายน 2563.

Dates, times and amounts come out in Thai digits for a reader who chose them (Profile.thai_digits, through
lib/thai.on_screen); fiscal_year stays a plain number, as it is also used in links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django import template
from django.utils.html import format_html

from lamphun_portal.lib import thai

register = template.Library()


def _safe(func: Callable[..., object]) -> Callable[..., object]:
    """A filter must never break a page on an empty value."""

    def wrapper(value: object, *args: object) -> str:
        if value in (None, ""):
            return ""
        return func(value, *args)

    wrapper.__name__ = func.__name__
    return wrapper


@register.filter
@_safe
def be_date(value: dt.date) -> str:
    return thai.on_screen(thai.be_date(value))


@register.filter
@_safe
def be_date_short(value: dt.date) -> str:
    return thai.on_screen(thai.be_date_short(value))


@register.filter
@_safe
def be_date_weekday(value: dt.date) -> str:
    return thai.on_screen(thai.be_date_weekday(value))


@register.filter
@_safe
def be_date_numeric(value: dt.date) -> str:
    return thai.on_screen(thai.be_date_numeric(value))


@register.filter
@_safe
def thai_time(value: dt.datetime) -> str:
    return thai.on_screen(thai.thai_time(value))


@register.filter
@_safe
def fiscal_year(value: dt.date) -> int:
    return thai.fiscal_year(value)


@register.filter
@_safe
def thai_digits(value: object) -> str:
    return thai.thai_digits(value)


@register.filter
@_safe
def baht(value: int | float | Decimal) -> str:
    """1248500 → 1,248,500 บาท (kept on one line)."""
    amount = Decimal(value)
    text = f"{amount:,.2f}" if amount % 1 else f"{amount:,.0f}"
    return format_html('<span class="text-nowrap">{}&nbsp;บาท</span>', thai.on_screen(text))


@register.filter
@_safe
def baht_words(value: int | float | Decimal) -> str:
    """1248500 → หนึ่งล้านสองแสนสี่หมื่นแปดพันห้าร้อยบาทถ้วน (for documents that need the amount in words)."""
    return thai.baht_words(value)


@register.filter
@_safe
def thai_number(value: int | float | Decimal) -> str:
    """1248500 → 1,248,500; 12.50 → 12.5."""
    return thai.on_screen(thai.number(value))
