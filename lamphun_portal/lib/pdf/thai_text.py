"""The Thai text patches of WeasyPrint: text that reads back exactly, Thai lines not justified.

Installed by :func:`install` when the first PDF of a process is rendered (render.py), never at import.

Why the text drawing is patched
-------------------------------
HarfBuzz shapes Thai with glyphs that do not map one-to-one to characters: SARA AM (ำ) becomes a
NIKHAHIT glyph plus the SARA AA glyph, tone marks and vowels get positioned variants. WeasyPrint 70
writes one ToUnicode entry per glyph for the whole font, taken from the glyph's first use, so the
SARA AA glyph reads back as า everywhere or as ำ everywhere (ลำพูน -> ลาพูน, ความ -> ควำม), and zero-width
marks nudged to the right are read after the next consonant (มุ่ง -> มุง่). Our replacement of
``weasyprint.draw.text.draw_first_line`` changes only text extraction, never what is painted:

1. ToUnicode: a glyph that is the font's nominal glyph for a character (its ``cmap`` entry) maps to
   that character (the SARA AA glyph -> า); other glyphs keep WeasyPrint's cluster-based mapping.
2. ActualText: every grapheme cluster (a base character with its combining marks and SARA AM) that
   is drawn with more than one glyph, or whose glyphs' ToUnicode text differs from the cluster's
   text, is wrapped in a marked-content span ``/Span <</ActualText <FEFF...>>> BDC ... EMC``
   holding the cluster's real text, as Chromium does. PDF readers (poppler's ``pdftotext``,
   Acrobat) use ActualText instead of the glyphs' ToUnicode.

The function is a copy of WeasyPrint 70.0's with the changes marked ``[lamphun]``. The glyph
positioning code is untouched: splitting a ``TJ`` array into several ``TJ`` operators at cluster
boundaries applies the same positioning adjustments in the same order, so the page renders
identically (tests/lib/test_pdf_thai.py rasterises both and compares the pixels). weasyprint is
pinned to 70.0 in requirements.txt; :func:`install` refuses to patch any other WeasyPrint
(version or source of the function differ) and raises WeasyPrintMismatch, so an upgrade fails loudly
in the tests instead of silently producing PDFs whose text cannot be searched.

Justification
-------------
WeasyPrint justifies a line by widening its spaces only. Thai puts no spaces between words, only
between phrases, so a justified Thai line gets a few very wide gaps (and pdftotext then reads the
line out of order). Thai "distributed" justification (spacing between characters) is not available
in WeasyPrint 70, so lines containing Thai letters are left start-aligned when ``text-align:
justify`` asks otherwise; lines in other scripts are justified as before. Line breaking is Pango's,
which uses libthai's dictionary for Thai word boundaries.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import io
import re
import struct
import unicodedata
import weakref
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

from fontTools.ttLib import TTFont
from PIL import Image
from weasyprint.draw import text as weasyprint_text
from weasyprint.formatting_structure import boxes
from weasyprint.images import RasterImage, SVGImage
from weasyprint.layout import LayoutContext
from weasyprint.layout import inline as weasyprint_inline
from weasyprint.logger import LOGGER
from weasyprint.matrix import Matrix
from weasyprint.pdf.fonts import Font
from weasyprint.pdf.stream import Stream
from weasyprint.text.ffi import FROM_UNITS, TO_UNITS, ffi, pango
from weasyprint.text.fonts import get_hb_object_data
from weasyprint.text.line_break import get_last_word_end

from . import upstream

# SHA-256 of inspect.getsource(weasyprint.draw.text.draw_first_line) in WeasyPrint 70.0. If it
# changes, re-copy the upstream function below, re-apply the [lamphun] changes and update this.
UPSTREAM_DRAW_FIRST_LINE_SHA256 = "1bb8eae6d88e71b17096a034656f3be17da8f1f513c78536c1c38d971927638b"
# SHA-256 of inspect.getsource() of weasyprint.layout.inline.text_align + justify_line in 70.0: the
# justification wrapper relies on text_align calling justify_line(context, line, extra_width).
UPSTREAM_JUSTIFY_SHA256 = "08e39d7fefad59f5d5ad8a88498954deca8b5608f679317715c002aa29d610ff"


_UPSTREAM_DRAW_FIRST_LINE = weasyprint_text.draw_first_line
_fix_enabled: contextvars.ContextVar[bool] = contextvars.ContextVar("thai_text_fix_enabled", default=True)
# The font's character map, read once per font file and process: {glyph id: characters it is the cmap
# glyph of}. Keyed by the file's digest (WeasyPrint makes new Font objects for every document), and
# by Font object so that a document's runs do not hash the file again.
_nominal_by_file: dict[tuple[int, bytes], dict[int, str]] = {}
_nominal_by_font: weakref.WeakKeyDictionary[Font, dict[int, str]] = weakref.WeakKeyDictionary()

# Characters that belong to the grapheme cluster of the character before them although they are
# not combining marks (Grapheme_Cluster_Break=SpacingMark): Thai and Lao SARA AM.
_SPACING_MARKS = frozenset("\u0e33\u0eb3")

_GLYPH_EMPTY = pango.PANGO_GLYPH_EMPTY
_GLYPH_UNKNOWN_FLAG = pango.PANGO_GLYPH_UNKNOWN_FLAG
# PangoGlyphInfo as WeasyPrint declares it: glyph (guint), geometry (width, x_offset, y_offset: gint),
# attr (a guint bit field); install() checks the layout.
_GLYPH_INFO = struct.Struct("=Iiii4x")


def _glyph_infos(glyphs_info: Any, num_glyphs: int) -> list[tuple[int, int, int, int]]:
    """(glyph, width, x offset, y offset) of each glyph of a run, read from the C array in one go."""
    return list(_GLYPH_INFO.iter_unpack(ffi.buffer(glyphs_info, num_glyphs * _GLYPH_INFO.size)))


@functools.lru_cache(maxsize=4096)
def _joins_previous(char: str) -> bool:
    """Whether a cluster starting with ``char`` belongs to the grapheme cluster before it."""
    if not char:
        return False
    return char in _SPACING_MARKS or char in "\u200c\u200d" or unicodedata.category(char) in ("Mn", "Mc", "Me")


def _nominal_characters(font: Font) -> dict[int, str]:
    """For each glyph the font's cmap maps a character to, those characters (lowest first)."""
    mapping = _nominal_by_font.get(font)
    if mapping is not None:
        return mapping
    key = (font.index, hashlib.blake2b(font.file_content, digest_size=16).digest())
    mapping = _nominal_by_file.get(key)
    if mapping is None:
        mapping = _nominal_by_file[key] = _read_cmap(font)
    _nominal_by_font[font] = mapping
    return mapping


def _read_cmap(font: Font) -> dict[int, str]:
    mapping: dict[int, str] = {}
    if font.bitmap:
        return mapping
    try:
        ttfont = TTFont(io.BytesIO(font.file_content), fontNumber=font.index, lazy=True)
        cmap = ttfont.getBestCmap()
        glyph_ids = {name: ttfont.getGlyphID(name) for name in set(cmap.values())}
        for codepoint, name in sorted(cmap.items()):
            mapping[glyph_ids[name]] = mapping.get(glyph_ids[name], "") + chr(codepoint)
    except Exception:  # a font fontTools cannot read keeps WeasyPrint's mapping
        LOGGER.debug("No cmap read from font %s", font.family, exc_info=True)
        return {}
    return mapping


@functools.lru_cache(maxsize=8192)
def _actual_text_span(text: str) -> bytes:
    """Marked-content property list replacing the span's glyphs by ``text`` on extraction.

    The bytes pydyf.Dictionary({"ActualText": ...}) writes, made once per text: the same clusters
    (ที่, ผู้, ...) come back thousands of times.
    """
    return b"<</ActualText <FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">>>"


def _close_tj(stream: Stream, string: str) -> str:
    """Show the pending TJ array text (as upstream does before a rise) and start a new one."""
    if string[-1] == "<":
        string = string[:-1]
    else:
        string += ">"
    if string:
        stream.show_text(string)
    return "<"


def _plan_clusters(
    glyph_item: Any, glyphs: list[tuple[int, int, int, int]], utf8_text: bytes, font: Font
) -> tuple[dict[int, str], dict[int, int]]:
    """Fill ``font.to_unicode`` for the run's glyphs and choose the ActualText spans.

    ``glyphs``: the run's (glyph, width, x offset, y offset). Returns ({first glyph index: text} for
    spans to open, {last glyph index: first glyph index}) for spans to close.

    Glyphs are grouped into grapheme clusters ("units"), in glyph order: a HarfBuzz cluster, with
    the clusters after it that start with a combining mark or SARA AM. Right-to-left runs keep
    HarfBuzz's clusters: the portal has no such text, and marks there are ordered differently.
    A unit gets a span when it is drawn with several glyphs (marks drawn with offsets are read in
    x order otherwise) or when its glyphs' ToUnicode text is not its text. One pass over the glyphs:
    this runs for every line of every PDF.
    """
    glyph_string = glyph_item.glyphs
    num_glyphs = glyph_string.num_glyphs
    opening: dict[int, str] = {}
    closing: dict[int, int] = {}
    if not num_glyphs:
        return opening, closing
    item = glyph_item.item
    offset, length = item.offset, item.length
    rtl = bool(item.analysis.level % 2)
    clusters = ffi.unpack(glyph_string.log_clusters, num_glyphs)
    run = utf8_text[offset : offset + length]
    to_unicode = font.to_unicode
    nominal = _nominal_characters(font)

    # HarfBuzz clusters: glyph i covers the bytes from its cluster value to the next larger value.
    starts = sorted(set(clusters))
    texts = {
        start: run[start:end].decode(errors="replace") for start, end in zip(starts, [*starts[1:], length], strict=True)
    }

    unit_first = unit_last = 0
    unit_text = mapped = ""
    drawn = 0
    previous_cluster = None
    for i in range(num_glyphs):
        cluster = clusters[i]
        if cluster != previous_cluster:
            previous_cluster = cluster
            cluster_text = texts[cluster]
            if i and not rtl and _joins_previous(cluster_text[:1]):
                unit_text += cluster_text
            else:
                if drawn and (drawn > 1 or mapped != unit_text):
                    opening[unit_first] = unit_text
                    closing[unit_last] = unit_first
                unit_first, unit_text, mapped, drawn = i, cluster_text, "", 0
        unit_last = i
        glyph_id = glyphs[i][0]
        if glyph_id == _GLYPH_EMPTY:
            continue
        if glyph_id & _GLYPH_UNKNOWN_FLAG:
            # Same id upstream gives the .notdef glyph (get_unused_glyph_id is memoised).
            glyph_id = font.get_unused_glyph_id(glyph_id - _GLYPH_UNKNOWN_FLAG)
        character = to_unicode.get(glyph_id)
        if character is None:
            characters = nominal.get(glyph_id, "")
            if characters:
                # The glyph's own character: the SARA AA glyph is า even when drawn for ำ.
                cluster_text = texts[cluster]
                in_text = [char for char in characters if char in cluster_text]
                character = in_text[0] if in_text else characters[0]
            else:
                # Upstream's rule: the bytes from this glyph's cluster to the next glyph's.
                if rtl:
                    end = length if i == 0 else clusters[i - 1]
                else:
                    end = length if i == num_glyphs - 1 else clusters[i + 1]
                character = run[cluster:end].decode(errors="replace")
            to_unicode[glyph_id] = character
        mapped += character
        drawn += 1
    if drawn and (drawn > 1 or mapped != unit_text):
        opening[unit_first] = unit_text
        closing[unit_last] = unit_first
    return opening, closing


def _draw_first_line_with_actual_text(
    stream: Stream,
    textbox: boxes.TextBox,
    text_overflow: str,
    block_ellipsis: str | tuple[str, str],
    matrix: Matrix,
) -> list[list[Any]]:
    """WeasyPrint 70.0's draw_first_line, with ActualText spans and cmap-based ToUnicode entries.

    Upstream code (reformatted only); the changes are marked [lamphun]. Draws the first line of
    ``textbox`` to the PDF stream and returns the emojis to draw after the text.
    """
    # [lamphun] With the fix disabled (tests comparing renderings), run upstream's code.
    if not _fix_enabled.get():
        return _UPSTREAM_DRAW_FIRST_LINE(stream, textbox, text_overflow, block_ellipsis, matrix)

    # Don’t draw lines with only invisible characters.
    if not textbox.text.strip():
        return []

    if textbox.style["font_size"] < 1e-6:  # default float precision used by pydyf
        return []

    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)

    if text_overflow == "ellipsis" or block_ellipsis != "none":
        assert textbox.pango_layout.max_width is not None
        max_width = textbox.pango_layout.max_width
        pango.pango_layout_set_width(textbox.pango_layout.layout, int(max_width * TO_UNITS))
        if text_overflow == "ellipsis":
            pango.pango_layout_set_ellipsize(textbox.pango_layout.layout, pango.PANGO_ELLIPSIZE_END)
        else:
            if block_ellipsis == "auto":
                ellipsis = "…"
            else:
                assert block_ellipsis[0] == "string"
                ellipsis = block_ellipsis[1]

            # Remove last word if hyphenated.
            new_text = textbox.pango_layout.text
            if new_text.endswith(textbox.style["hyphenate_character"]):
                last_word_end = get_last_word_end(
                    new_text[: -len(textbox.style["hyphenate_character"])], textbox.style["lang"]
                )
                if last_word_end:
                    new_text = new_text[:last_word_end]

            textbox.pango_layout.set_text(new_text + ellipsis)

    first_line, index = textbox.pango_layout.get_first_line()

    if block_ellipsis != "none":
        while index:
            last_word_end = get_last_word_end(textbox.pango_layout.text[: -len(ellipsis)], textbox.style["lang"])
            if last_word_end is None:
                break
            new_text = textbox.pango_layout.text[:last_word_end]
            textbox.pango_layout.set_text(new_text + ellipsis)
            first_line, index = textbox.pango_layout.get_first_line()

    stream.set_text_matrix(*matrix.values)
    previous_pango_font = None
    string = ""
    x_advance = 0
    emojis = []
    run = first_line.runs[0]
    # [lamphun] The layout's text, for the clusters' texts (upstream decodes it lazily).
    utf8_text = textbox.pango_layout.text.encode()
    while run != ffi.NULL:
        # Get Pango objects.
        glyph_item = run.data
        run = run.next
        glyph_string = glyph_item.glyphs
        glyphs_info = glyph_string.glyphs
        num_glyphs = glyph_string.num_glyphs

        pango_font = glyph_item.item.analysis.font
        if pango_font != previous_pango_font:
            # Add font file content and get font size.
            previous_pango_font = pango_font
            font, font_size = stream.add_font(pango_font)

            # Workaround for https://gitlab.gnome.org/GNOME/pango/-/issues/530.
            # This is also needed by raster emoji fonts, see #2800.
            if pango.pango_version() < 14802 or font.png:
                font_size = textbox.style["font_size"]

            # Go through the run glyphs.
            if string:
                stream.show_text(string)
            string = ""
            stream.set_font_size(font.hash, 1 if font.bitmap else font_size)
        string += "<"
        # [lamphun] The run's glyphs read in one go, not field by field through cffi.
        glyphs = _glyph_infos(glyphs_info, num_glyphs)
        # [lamphun] Set the run's ToUnicode entries and find the clusters needing ActualText.
        opening, closing = _plan_clusters(glyph_item, glyphs, utf8_text, font)
        for i, (glyph_id, width, x_offset, y_offset) in enumerate(glyphs):
            # [lamphun] Open the cluster's ActualText span before its first glyph.
            if i in opening:
                string = _close_tj(stream, string)
                stream.begin_marked_content("Span", _actual_text_span(opening[i]))

            # Display zero-width empty glyph.
            if glyph_id == _GLYPH_EMPTY:
                string += f">{-width / font_size}<"
                # [lamphun] Close the span even when its last glyph is empty.
                if i in closing:
                    string = _close_tj(stream, string)
                    stream.end_marked_content()
                continue

            # Display .notdef and log warning for missing glyphs.
            if glyph_id & _GLYPH_UNKNOWN_FLAG:
                codepoint = glyph_id - _GLYPH_UNKNOWN_FLAG
                LOGGER.warning(
                    '.notdef glyph rendered for Unicode string unsupported by fonts: "%s" (U+%04X)',
                    chr(codepoint),
                    codepoint,
                )
                glyph_id = font.get_unused_glyph_id(codepoint)
                font.widths[glyph_id] = round(width * 1000 * FROM_UNITS / font_size)
                if 0 not in font.widths:
                    # "width" is actually Pango’s get_approximate_char_width. Force
                    # .notdef’s to use this width, even if it’s not the right, as we
                    # want to keep Pango’s layout for next glyphs.
                    font.widths[0] = font.widths[glyph_id]

            # [lamphun] The mapping between glyphs and Unicode codepoints ("font.to_unicode") is
            # set by _plan_clusters() above.

            # Set horizontal and vertical offsets.
            offset = x_offset / font_size
            rise = y_offset / 1000
            if rise:
                if string[-1] == "<":
                    string = string[:-1]
                else:
                    string += ">"
                if string:
                    stream.show_text(string)
                stream.set_text_rise(-rise)
                string = ""
                if offset:
                    string = f"{-offset}"
                string += f"<{glyph_id:02x}>" if font.bitmap else f"<{glyph_id:04x}>"
                stream.show_text(string)
                stream.set_text_rise(0)
                string = "<"
            else:
                if offset:
                    string += f">{-offset}<"
                string += f"{glyph_id:02x}" if font.bitmap else f"{glyph_id:04x}"

            # Get glyph logical widths.
            if glyph_id in font.widths:
                logical_width = font.widths[glyph_id]
            else:
                pango.pango_font_get_glyph_extents(pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
                logical_width = font.widths[glyph_id] = round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)

            # Set kerning, word spacing, letter spacing.
            kerning = logical_width + offset - width * 1000 * FROM_UNITS / font_size
            if kerning:
                string += f">{int(kerning)}<"

            # Create list of emojis.
            if font.svg:
                svg_data = get_hb_object_data(font.hb_face, "svg", glyph_id)
                if svg_data:
                    # Do as explained in specification
                    # https://learn.microsoft.com/typography/opentype/spec/svg
                    tree = ElementTree.fromstring(svg_data)
                    if tree.get("id") != f"glyph{glyph_id}":
                        defs = ElementTree.Element("defs")
                        for child in list(tree):
                            defs.append(child)
                            tree.remove(child)
                        tree.append(defs)
                        ElementTree.SubElement(tree, "use", attrib={"href": f"#glyph{glyph_id}"})
                    if "viewBox" not in tree.attrib:
                        tree.attrib["viewBox"] = f"0 0 {font.upem} {font.upem}"
                    image = SVGImage(tree, None, None, None)
                    a = d = 1
                    emojis.append([image, font, a, d, x_advance, 0])
            elif font.png:
                png_data = get_hb_object_data(font.hb_font, "png", glyph_id)
                if png_data:
                    pillow_image = Image.open(io.BytesIO(png_data))
                    image_id = f"{font.hash}{glyph_id}"
                    image = RasterImage(pillow_image, image_id, png_data)
                    d = logical_width / 1000
                    a = pillow_image.width / pillow_image.height * d
                    pango.pango_font_get_glyph_extents(pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
                    f = -stream.logical_rect.y
                    f = f * FROM_UNITS / font_size - font_size
                    emojis.append([image, font, a, d, x_advance, f])
            elif font.colr:
                svg_data = get_hb_object_data(font.hb_font, "colr", glyph_id)
                if svg_data:
                    tree = ElementTree.fromstring(svg_data)
                    image = SVGImage(tree, None, None, None)
                    a = d = 1
                    e = x_advance - kerning
                    emojis.append([image, font, a, d, e, -textbox.baseline])

            x_advance += (logical_width + offset - kerning) / 1000

            # [lamphun] Close the cluster's span after its last glyph (and its positioning).
            if i in closing:
                string = _close_tj(stream, string)
                stream.end_marked_content()

        # Close the last glyphs list, remove if empty.
        if string[-1] == "<":
            string = string[:-1]
        else:
            string += ">"

    # Draw text.
    stream.show_text(string)

    return emojis


_UPSTREAM_JUSTIFY_LINE = weasyprint_inline.justify_line
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")


def _line_text(box: boxes.Box) -> str:
    """The text of a line box's text boxes, in document order."""
    if isinstance(box, boxes.TextBox):
        return box.text
    if isinstance(box, boxes.ParentBox):
        return "".join(_line_text(child) for child in box.children)
    return ""


def _justify_line_unless_thai(context: LayoutContext, line: boxes.LineBox, extra_width: float) -> None:
    """WeasyPrint's justify_line, except that lines with Thai letters stay start-aligned.

    text_align() returns offset 0 for "justify" whether or not the line was stretched, so skipping
    the stretching leaves the line exactly where text-align: start puts it.
    """
    if _THAI_LETTER.search(_line_text(line)):
        return
    _UPSTREAM_JUSTIFY_LINE(context, line, extra_width)


def install() -> None:
    """Install the text drawing and justification patches; idempotent, raises WeasyPrintMismatch.

    Both HTML text (weasyprint.draw.text.draw_text) and SVG text (weasyprint.svg.text, which
    imports the function at call time) look draw_first_line up in weasyprint.draw.text, and
    text_align() looks justify_line up in weasyprint.layout.inline, so replacing those module
    attributes covers every text WeasyPrint lays out and draws.
    """
    if installed():
        return
    upstream.check_version()
    glyph_info_layout = (
        ffi.sizeof("PangoGlyphInfo"),
        ffi.offsetof("PangoGlyphInfo", "geometry"),
        ffi.offsetof("PangoGlyphInfo", "attr"),
        ffi.sizeof("PangoGlyphGeometry"),
    )
    if glyph_info_layout != (_GLYPH_INFO.size, 4, 16, 12):
        raise upstream.WeasyPrintMismatch(f"PDF export unavailable: PangoGlyphInfo is laid out as {glyph_info_layout}")
    upstream.check_not_replaced(
        "weasyprint.draw.text.draw_first_line",
        weasyprint_text.draw_first_line,
        _UPSTREAM_DRAW_FIRST_LINE,
        _draw_first_line_with_actual_text,
    )
    upstream.check_not_replaced(
        "weasyprint.layout.inline.justify_line",
        weasyprint_inline.justify_line,
        _UPSTREAM_JUSTIFY_LINE,
        _justify_line_unless_thai,
    )
    upstream.check_source(
        "weasyprint.draw.text.draw_first_line", UPSTREAM_DRAW_FIRST_LINE_SHA256, _UPSTREAM_DRAW_FIRST_LINE
    )
    upstream.check_source(
        "weasyprint.layout.inline.text_align/justify_line",
        UPSTREAM_JUSTIFY_SHA256,
        weasyprint_inline.text_align,
        _UPSTREAM_JUSTIFY_LINE,
    )
    weasyprint_text.draw_first_line = _draw_first_line_with_actual_text
    weasyprint_inline.justify_line = _justify_line_unless_thai


def installed() -> bool:
    """Whether both patches are in place."""
    return (
        weasyprint_text.draw_first_line is _draw_first_line_with_actual_text
        and weasyprint_inline.justify_line is _justify_line_unless_thai
    )


@contextlib.contextmanager
def disabled() -> Iterator[None]:
    """Draw text exactly as upstream WeasyPrint does inside this block (this thread/context only)."""
    token = _fix_enabled.set(False)
    try:
        yield
    finally:
        _fix_enabled.reset(token)
