"""Highlighting: the words a query matched, in <mark>, in a piece of text around the first of them.

A mark holds whole words and whole names: the dictionary cuts a name it does not hold as a word (วรยุทธ into
วร + ยุทธ), so tokens that together make a Thai given name or family name are one unit, and matched units next to
each other share one <mark> (never <mark>วร</mark><mark>ยุทธ</mark>, which shows as two words).
"""

from __future__ import annotations

import html
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from lamphun_portal.lib import thai

from .words import normalize

# A name the dictionary does not know is cut into at most this many pieces (สุ|ภา|ภร|ณ์ is four).
MAX_NAME_PIECES = 5


def matches(token: str, words: list[str]) -> bool:
    return token in words or any(word in thai.dictionary_words_in(token) for word in words)


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return thai.given_names() | thai.family_names()


def units(text: str) -> list[str]:
    """The text as whole words and names, with its whitespace: ''.join() gives the text back."""
    tokens = thai.words_with_spaces(text or "")
    names = _names()
    found: list[str] = []
    index = 0
    while index < len(tokens):
        end = index + 1
        if not tokens[index].isspace():
            for last in range(min(len(tokens), index + MAX_NAME_PIECES), index + 1, -1):
                pieces = tokens[index:last]
                if not any(piece.isspace() for piece in pieces) and "".join(pieces) in names:
                    end = last
                    break
        found.append("".join(tokens[index:end]))
        index = end
    return found


def _unit_matches(unit: str, words: list[str]) -> bool:
    if unit.isspace():
        return False
    return matches(normalize(unit), words) or any(matches(normalize(piece), words) for piece in thai.words(unit))


def highlight(text: str, words: list[str]) -> SafeString:
    """The text, HTML-escaped, with each word or name that the query matched in <mark>, one <mark> per run."""
    out: list[str] = []
    run: list[str] = []
    for unit in units(text or ""):
        if _unit_matches(unit, words):
            run.append(unit)
            continue
        if run:
            out.append(f"<mark>{html.escape(''.join(run))}</mark>")
            run = []
        out.append(html.escape(unit))
    if run:
        out.append(f"<mark>{html.escape(''.join(run))}</mark>")
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
