"""What does not change between renders, prepared once and reused; and work WeasyPrint would do twice.

Per thread (Pango's objects are not shared between threads):

* one FontConfiguration: fontconfig's configuration loaded and the Sarabun @font-face files
  registered once, Pango's fonts kept between renders (a new one per render costs a few
  milliseconds and starts Pango's caches empty);
* the static stylesheets print templates link (pdf-fonts.css, reports-print.css), parsed and their
  selectors compiled once, reused while their files are unchanged.

Per render: the Pango layout of each line, kept from line breaking to drawing. WeasyPrint frees it
once a line is broken and, to draw the line, makes a new one from the same text and shapes it again
(HarfBuzz and libthai, a twentieth of a minutes render).

None of this changes a byte of the PDF (tests/lib/test_pdf_thai.py renders with and without it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import weasyprint
from weasyprint.text.fonts import FontConfiguration

from . import upstream
from .fetcher import ResourceRefused, static_path, static_url, url_fetcher

# SHA-256 of inspect.getsource(weasyprint.css.find_stylesheets) in 70.0: the stylesheet cache relies on
# it calling the CSS of its module with url=, font_config=, page_rules= ... keywords for <link>s.
UPSTREAM_FIND_STYLESHEETS_SHA256 = "ac92dbb80c3fd936f05ccb33501b54a438e03126b2ae756adcaa1d3a6958b0ca"
# SHA-256 of inspect.getsource() of Layout.deactivate + Layout.reactivate + first_line_metrics in
# weasyprint.text.line_break, 70.0: keeping layouts relies on reactivate being setup + set_text of the
# text the line break left, and on first_line_metrics leaving each line's final text in its layout.
UPSTREAM_LAYOUT_SHA256 = "274ba6416ad58f91c27591654ddb764a162f542969b75a4f8a0dffc522709a01"
# Layouts kept per render at most (a few kilobytes each); lines beyond are shaped again, as upstream.
KEPT_LAYOUTS_MAX = 20_000


# --------------------------------------------------------------------------------------------------
# Per thread: fonts and stylesheets
# --------------------------------------------------------------------------------------------------

_enabled: ContextVar[bool] = ContextVar("lamphun_pdf_speedups", default=True)


@contextmanager
def disabled() -> Iterator[None]:
    """Render as plain WeasyPrint does inside this block: new fonts, stylesheets and layouts each time."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


class _ThreadState(threading.local):
    font_config: FontConfiguration | None = None
    # (URL, media type) -> ((URL, mtime, size) of the file when parsed, the parsed stylesheet)
    stylesheets: dict[tuple[str, str], tuple[tuple[str, int, int], weasyprint.CSS]] | None = None


_thread = _ThreadState()


def font_config() -> FontConfiguration:
    """This thread's font configuration, made on its first render."""
    if not _enabled.get():
        return FontConfiguration()
    if _thread.font_config is None:
        _thread.font_config = FontConfiguration()
        _thread.stylesheets = {}
    return _thread.font_config


def _stylesheet(*args: Any, **kwargs: Any) -> weasyprint.CSS:
    """weasyprint.CSS as WeasyPrint's find_stylesheets and @import call it, static files parsed once.

    Parsing a stylesheet also registers its @font-face rules with the font configuration (they stay
    registered in the thread's) and adds its @page rules to the document's list: those are added
    again from the parsed sheet, in the same order. A sheet with other effects on the document
    (@layer, @counter-style, @color-profile) is not kept.
    """
    url = kwargs.get("url")
    cache = _thread.stylesheets
    if (
        args
        or not isinstance(url, str)
        or cache is None
        or kwargs.get("font_config") is not _thread.font_config
        or kwargs.get("url_fetcher") is not url_fetcher
        or kwargs.get("layer") is not None
        or not url.startswith(static_url())
    ):
        return weasyprint.CSS(*args, **kwargs)
    try:
        stat = static_path(url).stat()
    except (ResourceRefused, OSError):
        return weasyprint.CSS(*args, **kwargs)  # WeasyPrint reports the failure as it always does
    version = (url, stat.st_mtime_ns, stat.st_size)
    key = (url, kwargs.get("media_type", "print"))
    cached = cache.get(key)
    if cached is None or cached[0] != version:
        counter_style: dict[str, Any] = {}
        color_profiles: dict[str, Any] = {}
        own = {"counter_style": counter_style, "color_profiles": color_profiles, "page_rules": [], "layers": []}
        sheet = weasyprint.CSS(**{**kwargs, **own})
        if counter_style or color_profiles or sheet.layers:
            return weasyprint.CSS(*args, **kwargs)
        cached = cache[key] = (version, sheet)
    sheet = cached[1]
    if kwargs.get("page_rules") is not None:
        kwargs["page_rules"].extend(sheet.page_rules)
    return sheet


# --------------------------------------------------------------------------------------------------
# Per render: Pango layouts kept from line breaking to drawing
# --------------------------------------------------------------------------------------------------

# Layouts this render may still keep; None outside render_document (drawing frees them as upstream).
_layouts_to_keep: ContextVar[list[int] | None] = ContextVar("lamphun_pdf_layouts_to_keep", default=None)
_upstream_deactivate: Callable[[Any], None] | None = None
_upstream_reactivate: Callable[[Any, Any], None] | None = None


@contextmanager
def keeping_layouts() -> Iterator[None]:
    """Inside this block (laying a document out), line layouts are kept for drawing."""
    token = _layouts_to_keep.set([KEPT_LAYOUTS_MAX] if _enabled.get() else None)
    try:
        yield
    finally:
        _layouts_to_keep.reset(token)


def _deactivate_unless_kept(layout: Any) -> None:
    """Layout.deactivate: keep the Pango layout while laying out (within the budget), else free it."""
    budget = _layouts_to_keep.get()
    if budget is not None and budget[0] > 0:
        budget[0] -= 1
        return
    assert _upstream_deactivate is not None
    _upstream_deactivate(layout)


def _reactivate_unless_kept(layout: Any, style: Any) -> None:
    """Layout.reactivate: a kept layout is already what upstream would make again, else make it.

    Upstream makes a fresh layout of the line's text with the box's style and no width, and adds
    the justification spacing. A kept layout holds the same text and attributes when the style is
    the same, no justification spacing is added and its text is on one line (a width set for the
    line break then changes nothing).
    """
    if (
        getattr(layout, "layout", None) is not None
        and layout.style is style
        and not layout.justification_spacing
        and layout.get_first_line()[1] is None
    ):
        return
    assert _upstream_reactivate is not None
    _upstream_reactivate(layout, style)


# --------------------------------------------------------------------------------------------------
# Installation (render.prepare_process, once per process)
# --------------------------------------------------------------------------------------------------


def install() -> None:
    """Install the stylesheet cache and the layout keeping; raises WeasyPrintMismatch."""
    global _upstream_deactivate, _upstream_reactivate
    from weasyprint import css
    from weasyprint.text import line_break

    if css.CSS is not _stylesheet:
        upstream.check_not_replaced("weasyprint.css.CSS", css.CSS, weasyprint.CSS)
        upstream.check_source("weasyprint.css.find_stylesheets", UPSTREAM_FIND_STYLESHEETS_SHA256, css.find_stylesheets)
        css.CSS = _stylesheet
    layout_class = line_break.Layout
    if layout_class.deactivate is not _deactivate_unless_kept:
        upstream.check_source(
            "weasyprint.text.line_break.Layout",
            UPSTREAM_LAYOUT_SHA256,
            layout_class.deactivate,
            layout_class.reactivate,
            line_break.first_line_metrics,
        )
        _upstream_deactivate, _upstream_reactivate = layout_class.deactivate, layout_class.reactivate
        layout_class.deactivate = _deactivate_unless_kept
        layout_class.reactivate = _reactivate_unless_kept
