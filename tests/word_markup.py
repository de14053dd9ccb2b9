"""Pages keep Thai words whole on a line with markup inside the text (meetings/templatetags/portal_text.py
thai_wrap: <span class="w">word</span> and <wbr>); tests that look for a text in a page read it without that."""

from __future__ import annotations

import re

_WORD = re.compile(r'<span class="w">([^<]*)</span>')


def without_word_markup(html: str) -> str:
    return _WORD.sub(r"\1", html).replace("<wbr>", "")
