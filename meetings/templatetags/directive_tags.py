"""Directive pages: highlighting of the words a Thai search matched (meetings/search.py), overdue marks."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from meetings import search

register = template.Library()


@register.filter
def highlight(text: str, words: list[str]) -> SafeString | str:
    """The text with the matched words in <mark>; escaped either way."""
    if not words:
        return text
    return search.highlight(text, words)


@register.filter
def is_overdue(directive: object, today: object = None) -> bool:
    """Open and past its due date (today given by the view, so a page agrees with itself)."""
    return directive.is_overdue(today)
