"""Text filters for pages: keep the Thai units that must not break across lines together."""

from __future__ import annotations

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from lamphun_portal.lib import thai

register = template.Library()

# พ.ศ. 2564, ปีงบประมาณ 2565, 10.00 น.: a line break inside any of these reads as two separate things.
_TOGETHER = re.compile(r"(พ\.ศ\.|ค\.ศ\.|ปีงบประมาณ|ครั้งที่) (?=[\d๐-๙])|(?<=[\d๐-๙]) (น\.|คน|บาท)")


@register.filter
def keep_together(value: object) -> str:
    """Join `พ.ศ. 2564`, `ครั้งที่ 3`, `10.00 น.` and `57 คน` with a no-break space (the text stays escaped)."""
    return _TOGETHER.sub(lambda m: (m.group(1) or "") + "\u00a0" + (m.group(2) or ""), str(value or ""))


# --- Thai words kept whole on a line ------------------------------------------------------------------------------
# Browsers break Thai lines with their own dictionary (ICU), which lacks royal names, Lamphun's places and the
# portal's office and program names (ทุ่งหัว|ช้าง). thai_wrap cuts the text with the portal's line word list
# (lib/thai.line_words), keeps each word on one line (<span class="w">, white-space: nowrap in portal.css) and
# lets the line break between words (<wbr>). Only the names are missing from the browser's dictionary, but it
# also cuts compounds it holds (ระบอบประชา|ธิปไตย), so every word is kept whole. The PDFs do the same in
# lamphun_portal/lib/pdf/thai_lines.py.
_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
# A line may start with a Thai consonant or leading vowel, never with a mark, ฯ or ๆ.
_STARTS_LINE = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")


def _wrap_text(text: str) -> str:
    out: list[str] = []
    previous = ""
    for piece in thai.line_words(text):
        if piece.isspace():
            out.append(piece)
            previous = ""
            continue
        # Every Thai word: the browser's dictionary cuts compounds it holds too (ระบอบประชา|ธิปไตย).
        wrapped = len(piece) > 1 and bool(_THAI_LETTER.search(piece))
        if _THAI_LETTER.match(previous[-1:]) and _STARTS_LINE.match(piece):
            out.append("<wbr>")
        out.append(f'<span class="w">{piece}</span>' if wrapped else piece)
        previous = piece
    return "".join(out)


def wrap_words_html(html: str) -> str:
    """HTML whose Thai text breaks across lines only between words (markup and character references untouched)."""
    from meetings.words import refresh_line_words

    refresh_line_words()
    pieces = _MARKUP.split(html)
    # split() with one capturing group alternates text, markup, text, markup, ...
    return "".join(piece if index % 2 else _wrap_text(piece) for index, piece in enumerate(pieces))


@register.filter(needs_autoescape=True)
def thai_wrap(value: object, autoescape: bool = True) -> SafeString:
    """{{ text|thai_wrap }}: escaped (unless already safe HTML), Thai words kept whole on a line."""
    html = conditional_escape(value if value is not None else "") if autoescape else str(value or "")
    return mark_safe(wrap_words_html(str(html)))  # noqa: S308 - the text was escaped above; only our tags are added
