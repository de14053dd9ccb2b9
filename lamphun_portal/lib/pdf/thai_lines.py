"""Thai lines that break only between words, with Pango told which words it must not break inside.

Pango breaks Thai lines where libthai's dictionary sees word boundaries; names it does not know are cut
inside (พัชรกิติยา|ภา, ทุ่งหัว|ช้าง), and so are some words it does know (ดำเนิน|การ). The portal's words
(lib/thai.line_words) are compared with where Pango would break each text:

* :func:`install` patches WeasyPrint's ``Layout.set_text`` so that every Pango layout of Thai text gets an
  ``allow_breaks=FALSE`` attribute over each word Pango would break inside (Pango 1.44+: no line break strictly
  inside the range). The text is not changed and no box is added: a word kept whole costs nothing to lay out,
  where a ``white-space: nowrap`` span per word (the first way of doing this) made a minutes render 70 % slower.
  ``split_first_line`` is wrapped too, so that a layout of the first characters of a text (WeasyPrint tries those
  first) reads the word it cuts whole.
* :func:`keep_words` (the print HTML, before WeasyPrint) puts a ZERO WIDTH SPACE between two Thai words where
  Pango sees no break, so that the line can break there.

Neither changes the text read back from the PDF: Pango draws U+200B as an empty glyph, which thai_text.py writes
as a positioning offset only (no character, so pdftotext gives none).
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from weasyprint.text.ffi import ffi, pango
from weasyprint.text.line_break import get_log_attrs

from lamphun_portal.lib import thai

from . import upstream

# For documents that do not link reports-print.css: text kept on one line by markup (``nowrap`` and the former
# word spans ``w``, in HTML kept from before) is left alone by keep_words.
WORDS_CSS = ".w { white-space: nowrap; }"
ZWSP = "\u200b"

# SHA-256 of inspect.getsource(weasyprint.text.line_break.Layout.set_text) in 70.0: the patch relies on it
# setting the layout's text to ``self.text`` and keeping the layout's attribute list (adding to it at most).
UPSTREAM_SET_TEXT_SHA256 = "fe23ca9937dbf5205bda422f9c01103f301ef2c511228842632ea86e853274f7"
# SHA-256 of inspect.getsource(weasyprint.text.line_break.split_first_line) in 70.0: it lays out the first
# characters of its text first (a prefix, cut anywhere), then prefixes of the text up to a break.
UPSTREAM_SPLIT_FIRST_LINE_SHA256 = "39ad1016863ca34de0bea4c9fcffb46da7e27813c87dd82b7011bfa19fe5504f"
# A prefix cut inside a word is read with this many more characters (up to a space) of the whole text: words
# are read whole, and a long paragraph is not read again for each of its lines.
PREFIX_CONTEXT = 64
# Not in WeasyPrint's declarations (allow-breaks: since Pango 1.44). cdef() adds them to the same ffi, and the
# Pango library WeasyPrint opened finds them by name.
_PANGO_CDEF = """
PangoAttribute * pango_attr_allow_breaks_new (gboolean allow_breaks);
typedef gboolean (*PangoAttrFilterFunc) (PangoAttribute *attribute, gpointer user_data);
PangoAttrList * pango_attr_list_filter (PangoAttrList *list, PangoAttrFilterFunc func, gpointer data);
"""

# Markup that is not laid-out text: tags, character references, and the whole of <head> (its <title> would read
# the spans as text), <style> and <script> elements.
_NOT_TEXT = re.compile(
    r"(<head\b.*?</head>|<style\b.*?</style>|<script\b.*?</script>|<title\b.*?</title>|<[^>]*>|&#?\w+;)",
    re.DOTALL | re.IGNORECASE,
)
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_SPACE = re.compile(r"\s")
_SPAN_OPEN = re.compile(r"<span\b", re.IGNORECASE)
_SPAN_CLOSE = re.compile(r"</span\s*>", re.IGNORECASE)
_NOWRAP_CLASS = re.compile(r"""\bclass\s*=\s*["'](?:[^"']*\s)?(?:nowrap|w)(?:["']|\s)""", re.IGNORECASE)
# A line may start with a Thai consonant or leading vowel, never with a mark, ฯ or ๆ.
_STARTS_LINE = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")

_enabled: ContextVar[bool] = ContextVar("lamphun_pdf_whole_thai_words", default=True)


@contextlib.contextmanager
def disabled() -> Iterator[None]:
    """Lay Thai lines out as Pango breaks them inside this block (this thread/context only)."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


@functools.lru_cache(maxsize=32768)
def _pango_breaks(text: str) -> frozenset[int]:
    """Offsets (in characters) inside ``text`` where Pango may break a line of Thai."""
    attrs = get_log_attrs(text, "th")
    return frozenset(i for i in range(1, len(text)) if attrs[i].is_line_break)


def _words(text: str) -> Iterator[tuple[str, int, int, bool]]:
    """(word, start, end, Pango would break inside it) for each piece of ``text`` (offsets in characters)."""
    breaks = sorted(_pango_breaks(text))
    position = 0
    following = 0  # index in breaks of the first break after the current piece's start
    for piece in thai.line_words(text):
        start, end = position, position + len(piece)
        position = end
        while following < len(breaks) and breaks[following] <= start:
            following += 1
        inside = following < len(breaks) and breaks[following] < end and not piece.isspace()
        yield piece, start, end, inside


@functools.lru_cache(maxsize=32768)
def _keep_words_in_text(text: str, version: int) -> str:
    """One run of HTML text (already escaped) with a ZERO WIDTH SPACE between Thai words where Pango sees no break.

    ``version``: thai.line_words_version(), so that a changed word list is not answered from the cache."""
    if not _THAI_LETTER.search(text):
        return text
    breaks = _pango_breaks(text)
    out: list[str] = []
    previous = ""
    for piece, start, _end, _inside in _words(text):
        # Between two Thai words only (never before punctuation, a digit or ๆ, never after a number).
        if _THAI_LETTER.match(previous[-1:]) and _STARTS_LINE.match(piece) and start not in breaks:
            out.append(ZWSP)
        out.append(piece)
        previous = "" if piece.isspace() else piece
    return "".join(out)


def keep_words(html: str) -> str:
    """The print HTML with a break opportunity between every two Thai words (see the module's docstring)."""
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


# --------------------------------------------------------------------------------------------------
# Pango layouts: no break inside a word
# --------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=32768)
def unbreakable_ranges(text: str, version: int) -> tuple[tuple[int, int], ...]:
    """UTF-8 byte ranges of the words of ``text`` Pango would break inside (Pango's attributes index bytes).

    ``version``: thai.line_words_version(). WeasyPrint lays out a paragraph's text, then what is left after each
    line, and first a shortened text: each is one call, words cut at a shortened end included (kept whole too)."""
    if not _THAI_LETTER.search(text):
        return ()
    ranges = []
    position = 0
    for piece, _start, _end, inside in _words(text):
        size = len(piece.encode())
        if inside:
            ranges.append((position, position + size))
        position += size
    return tuple(ranges)


class _Splitting(threading.local):
    """The whole text split_first_line is breaking in this thread (None outside it)."""

    text: str | None = None


_splitting = _Splitting()
_upstream_set_text: Any = None
_upstream_split_first_line: Any = None
# The filter callback (made once the declarations are added), and the class of allow-breaks attributes.
_is_allow_breaks: Any = None
_allow_breaks_class: Any = None


def _set_text_keeping_words(layout: Any, text: str, justify: bool = False) -> None:
    """Layout.set_text, then no line break inside the words of the text Pango would break inside."""
    _upstream_set_text(layout, text, justify)
    ranges = _ranges(layout.text) if _enabled.get() else ()
    # A layout is given several texts in turn: the ranges of the previous one go.
    kept_before = getattr(layout, "_lamphun_words_kept", False)
    if not ranges and not kept_before:
        return
    attr_list = pango.pango_layout_get_attributes(layout.layout)
    if attr_list == ffi.NULL:
        attr_list = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
    if kept_before:
        # The ranges of the previous text go (a range of allow-breaks TRUE over them does not undo them reliably).
        removed = pango.pango_attr_list_filter(attr_list, _is_allow_breaks, ffi.NULL)
        if removed != ffi.NULL:
            pango.pango_attr_list_unref(removed)
    for start, end in ranges:
        # insert(), not change(): change() merges two words side by side into one range, with no break between.
        pango.pango_attr_list_insert(attr_list, _allow_breaks(False, start, end))
    # Upstream adds to the layout's own list the same way; set_text has just invalidated the lines, so the
    # layout reads the list when it is next asked for lines or break points.
    pango.pango_layout_set_attributes(layout.layout, attr_list)
    layout._lamphun_words_kept = bool(ranges)


def _ranges(text: str) -> tuple[tuple[int, int], ...]:
    """unbreakable_ranges() of ``text``, read with what follows when it is a prefix of the text being split.

    split_first_line first lays out the first characters of a long text, cut anywhere: a word cut there would
    read as other words (ทุ่งหัวช้าง cut to ทุ่ง|หัว) and Pango could break inside it."""
    version = thai.line_words_version()
    whole = _splitting.text
    if whole is None or len(text) >= len(whole) or not whole.startswith(text):
        return unbreakable_ranges(text, version)
    cut = len(text)
    space = _SPACE.search(whole, cut, cut + PREFIX_CONTEXT)
    read = whole[: space.start() if space else cut + PREFIX_CONTEXT]
    size = len(text.encode())
    return tuple((start, min(end, size)) for start, end in unbreakable_ranges(read, version) if start < size)


def _split_first_line_knowing_text(text: str, *args: Any, **kwargs: Any) -> Any:
    """split_first_line, with the whole text known to the layouts of its prefixes (see _ranges)."""
    outer = _splitting.text
    _splitting.text = text
    try:
        return _upstream_split_first_line(text, *args, **kwargs)
    finally:
        _splitting.text = outer


def _allow_breaks(allow: bool, start: int, end: int) -> Any:
    """A new allow-breaks attribute over bytes ``start`` to ``end`` (the list it is added to owns it)."""
    attr = pango.pango_attr_allow_breaks_new(allow)
    attr.start_index, attr.end_index = start, end
    return attr


def install() -> None:
    """Patch Layout.set_text and split_first_line (once per process, from render.prepare_process).

    Raises WeasyPrintMismatch. split_first_line is replaced where WeasyPrint's modules look it up: line_break
    (SVG text imports it from there when called), layout.inline and layout.preferred (imported by name)."""
    global _upstream_set_text, _upstream_split_first_line
    from weasyprint.layout import inline, preferred
    from weasyprint.text import line_break

    layout_class = line_break.Layout
    if layout_class.set_text is _set_text_keeping_words:
        return
    upstream.check_source("weasyprint.text.line_break.Layout.set_text", UPSTREAM_SET_TEXT_SHA256, layout_class.set_text)
    upstream.check_source(
        "weasyprint.text.line_break.split_first_line", UPSTREAM_SPLIT_FIRST_LINE_SHA256, line_break.split_first_line
    )
    for module in (inline, preferred):
        upstream.check_not_replaced(
            f"{module.__name__}.split_first_line", module.split_first_line, line_break.split_first_line
        )
    _declare()
    _upstream_set_text, _upstream_split_first_line = layout_class.set_text, line_break.split_first_line
    layout_class.set_text = _set_text_keeping_words
    for module in (line_break, inline, preferred):
        module.split_first_line = _split_first_line_knowing_text


def _declare() -> None:
    """Declare the Pango functions WeasyPrint does not (once), and make the filter callback."""
    global _is_allow_breaks, _allow_breaks_class
    if _is_allow_breaks is not None:
        return
    try:
        pango.pango_attr_list_filter  # noqa: B018 - declared already (by a newer WeasyPrint)?
    except AttributeError:
        ffi.cdef(_PANGO_CDEF)
    try:
        probe = pango.pango_attr_allow_breaks_new(False)
        pango.pango_attr_list_filter  # noqa: B018
    except AttributeError as error:
        raise upstream.WeasyPrintMismatch(f"PDF export unavailable: Pango lacks allow-breaks ({error})") from error
    # Every allow-breaks attribute points at the same (static) class; the probe is kept, never freed.
    _allow_breaks_class = probe.klass

    @ffi.callback("PangoAttrFilterFunc")
    def is_allow_breaks(attribute: Any, _data: Any) -> bool:
        return attribute.klass == _allow_breaks_class

    _is_allow_breaks = is_allow_breaks
