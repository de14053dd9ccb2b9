"""Where a PDF's lines break, read back with poppler's ``pdftotext -bbox-layout``: is any Thai word cut in two?"""

from __future__ import annotations

import html as html_lib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from lamphun_portal.lib import thai

_XHTML = "{http://www.w3.org/1999/xhtml}"
_TAG = re.compile(r"<head\b.*?</head>|<style\b.*?</style>|<[^>]*>", re.DOTALL | re.IGNORECASE)
_THAI = re.compile("[\u0e01-\u0e4e]")
_THAI_END = re.compile("[\u0e01-\u0e4e]$")
_THAI_START = re.compile("^[\u0e01-\u0e4e]")


@dataclass(frozen=True)
class Break:
    """A line that ends inside a word: ``before`` ends the line, ``after`` starts the next one."""

    word: str
    before: str
    after: str

    def __str__(self) -> str:
        cut = len(self.before)
        return f"{self.word[:cut]}|{self.word[cut:]}"


def block_lines(content: bytes, tmp_path: Path) -> list[list[str]]:
    """Each text block of the PDF (a paragraph, a table cell) as its lines, top to bottom."""
    path = tmp_path / "lines.pdf"
    path.write_bytes(content)
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(xml)
    blocks = []
    for block in root.iter(f"{_XHTML}block"):
        lines = [
            " ".join(word.text or "" for word in line.iter(f"{_XHTML}word")) for line in block.iter(f"{_XHTML}line")
        ]
        blocks.append([line for line in lines if line.strip()])
    return blocks


def source_words(html: str) -> set[str]:
    """The Thai words of the HTML's text as the portal's line word list cuts them (three letters or more)."""
    text = html_lib.unescape(_TAG.sub(" ", html)).replace("\u200b", "")
    return {word for word in thai.line_words(text) if len(word) >= 3 and _THAI.search(word) and not word.isspace()}


def broken_words(content: bytes, html: str, tmp_path: Path) -> list[Break]:
    """Every place where a line of the PDF ends in the middle of one of the HTML's words."""
    words = source_words(html)
    found = []
    for lines in block_lines(content, tmp_path):
        for upper, lower in zip(lines, lines[1:], strict=False):
            last, first = upper.split()[-1], lower.split()[0]
            if not (_THAI_END.search(last) and _THAI_START.search(first)):
                continue
            joined = last + first
            for word in words:
                start = joined.find(word)
                while start != -1:
                    if start < len(last) < start + len(word):
                        found.append(Break(word, joined[start : len(last)], joined[len(last) : start + len(word)]))
                    start = joined.find(word, start + 1)
    return found
