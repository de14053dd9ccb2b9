"""Highlighting: the words a query matched, in <mark>, in a piece of text around the first of them."""

from __future__ import annotations

import html

from django.utils.safestring import SafeString, mark_safe

from lamphun_portal.lib import thai

from .words import normalize


def matches(token: str, words: list[str]) -> bool:
    return token in words or any(word in thai.dictionary_words_in(token) for word in words)


def highlight(text: str, words: list[str]) -> SafeString:
    """The text, HTML-escaped, with each word that the query matched in <mark>."""
    out = []
    for token in thai.words_with_spaces(text or ""):
        escaped = html.escape(token)
        out.append(f"<mark>{escaped}</mark>" if matches(normalize(token), words) else escaped)
    return mark_safe("".join(out))  # noqa: S308 -- every piece is escaped above


def snippet(text: str, words: list[str], before: int = 60, length: int = 240) -> SafeString:
    """A piece of the text around the first matched word, highlighted."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return highlight(text, words)
    position = 0
    offset = 0
    for token in thai.words_with_spaces(text):
        if matches(normalize(token), words):
            position = offset
            break
        offset += len(token)
    start = max(0, position - before)
    # Start and end on a space where there is one near, so no word is cut in half.
    if start:
        space = text.rfind(" ", 0, start + 20)
        start = space + 1 if space > start - 40 else start
    end = min(len(text), start + length)
    piece = highlight(text[start:end], words)
    return mark_safe(("… " if start else "") + piece + (" …" if end < len(text) else ""))  # noqa: S308
