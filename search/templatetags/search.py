"""{{ text|highlight:words }}: the words a Thai search matched, in <mark> (search/highlight.py)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from search import highlight as highlighting

register = template.Library()


@register.filter
def highlight(text: str, words: list[str]) -> SafeString | str:
    """The text with the matched words in <mark>; escaped either way."""
    if not words:
        return text
    return highlighting.highlight(text, words)
