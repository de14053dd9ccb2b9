"""Thai lines that break only between words: the print HTML marked up before WeasyPrint lays it out.

Pango breaks Thai lines where libthai's dictionary sees word boundaries; names it does not know are cut
inside (พัชรกิติยา|ภา, ทุ่งหัว|ช้าง), and so are some words it does know (ดำเนิน|การ). :func:`keep_words` asks
Pango where it would break each text run, compares with the portal's words (lib/thai.line_words), and

* wraps every word Pango would break inside in ``<span class="w">`` (``white-space: nowrap``, in
  ``static/css/reports-print.css`` and :data:`WORDS_CSS`), and
* puts a ZERO WIDTH SPACE between two Thai words where Pango sees no break or next to a wrapped word (WeasyPrint
  does not break between two inline boxes of Thai letters), so that the line can break there.

Neither changes the text read back from the PDF: spans are not text, and Pango draws U+200B as an empty
glyph, which thai_text.py writes as a positioning offset only (no character, so pdftotext gives none).
"""

from __future__ import annotations

import functools
import re

from weasyprint.text.line_break import get_log_attrs

from lamphun_portal.lib import thai

# For documents that do not link reports-print.css.
WORDS_CSS = ".w { white-space: nowrap; }"
ZWSP = "\u200b"

# Markup that is not laid-out text: tags, character references, and the whole of <head> (its <title> would read
# the spans as text), <style> and <script> elements.
_NOT_TEXT = re.compile(
    r"(<head\b.*?</head>|<style\b.*?</style>|<script\b.*?</script>|<title\b.*?</title>|<[^>]*>|&#?\w+;)",
    re.DOTALL | re.IGNORECASE,
)
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_SPAN_OPEN = re.compile(r"<span\b", re.IGNORECASE)
_SPAN_CLOSE = re.compile(r"</span\s*>", re.IGNORECASE)
_NOWRAP_CLASS = re.compile(r"""\bclass\s*=\s*["'](?:[^"']*\s)?(?:nowrap|w)(?:["']|\s)""", re.IGNORECASE)
# A line may start with a Thai consonant or leading vowel, never with a mark, ฯ or ๆ.
_STARTS_LINE = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")


@functools.lru_cache(maxsize=32768)
def _pango_breaks(text: str) -> frozenset[int]:
    """Offsets (in characters) inside ``text`` where Pango may break a line of Thai."""
    attrs = get_log_attrs(text, "th")
    return frozenset(i for i in range(1, len(text)) if attrs[i].is_line_break)


@functools.lru_cache(maxsize=32768)
def _keep_words_in_text(text: str, version: int) -> str:
    """One run of HTML text (already escaped): words wrapped or separated where Pango would get them wrong.

    ``version``: thai.line_words_version(), so that a changed word list is not answered from the cache."""
    if not _THAI_LETTER.search(text):
        return text
    pieces = thai.line_words(text)
    breaks = _pango_breaks(text)
    out: list[str] = []
    position = 0
    previous, previous_wrapped = "", False
    for piece in pieces:
        start, end = position, position + len(piece)
        position = end
        if piece.isspace():
            out.append(piece)
            previous, previous_wrapped = "", False
            continue
        wrapped = any(start < offset < end for offset in breaks)
        # Between two Thai words only (never before punctuation, a digit or ๆ, never after a number), where Pango
        # sees no break or next to a wrapped word (WeasyPrint does not break between two inline boxes of Thai).
        if (
            _THAI_LETTER.match(previous[-1:])
            and _STARTS_LINE.match(piece)
            and (start not in breaks or wrapped or previous_wrapped)
        ):
            out.append(ZWSP)
        out.append(f'<span class="w">{piece}</span>' if wrapped else piece)
        previous, previous_wrapped = piece, wrapped
    return "".join(out)


def keep_words(html: str) -> str:
    """The print HTML with Thai lines breaking only between words (see the module's docstring)."""
    pieces = _NOT_TEXT.split(html)
    version = thai.line_words_version()
    out = []
    # Open <span>s, True for those that keep their text on one line already (class "nowrap" or "w"): text inside
    # them is left as it is.
    spans: list[bool] = []
    # split() with one capturing group alternates text, markup, text, markup, ...
    for index, piece in enumerate(pieces):
        if index % 2:
            if _SPAN_OPEN.match(piece):
                spans.append(bool(_NOWRAP_CLASS.search(piece)))
            elif _SPAN_CLOSE.match(piece) and spans:
                spans.pop()
            out.append(piece)
        else:
            out.append(piece if any(spans) else _keep_words_in_text(piece, version))
    return "".join(out)
