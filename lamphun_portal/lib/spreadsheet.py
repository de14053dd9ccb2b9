"""The one door to the CSV files the portal writes: cells a spreadsheet would run as formulas come out as text.

Excel, LibreOffice and Google Sheets treat a cell that starts with = + - @ (or their full-width forms,
which Excel folds to the ASCII ones, or a tab, carriage return or line feed, or spaces before any of
them) as a formula, so a directive typed as `=HYPERLINK("http://…","คลิก")` would run on an official's
computer when the export is opened. Such a cell gets a leading single quote, as OWASP advises: the
spreadsheet then shows it as the text it is (CSV injection, https://owasp.org/www-community/attacks/CSV_Injection).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Protocol

FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")
# A number as people write one (-12, -1,234.50, +5): a spreadsheet reads it as a number, never as a formula,
# so quoting it would only spoil a numeric column. ASCII digits only: `-๑๒` is no number to a spreadsheet.
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?")


def neutralise(value: Any) -> Any:
    """The value as a cell that cannot start a formula; numbers and ordinary text unchanged."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal):
        return value  # a number from a numeric column (bool is an int, and is harmless too)
    text = str(value)
    stripped = text.lstrip(" ")
    if stripped[:1] in FORMULA_STARTS and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class _Writable(Protocol):
    def write(self, value: str, /) -> Any: ...


class SafeWriter:
    """csv.writer with every cell neutralised; `writerow` returns what the stream's write returned."""

    def __init__(self, stream: _Writable) -> None:
        self._writer = csv.writer(stream)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(value) for value in row])


def writer(stream: _Writable) -> SafeWriter:
    """A CSV writer for a file, a buffer or a streaming response's echo object."""
    return SafeWriter(stream)
