"""Finds English that a person would read on a page: visible text and accessible labels.

Allowed: acronyms (all capitals: PDF, CSV, OTOP), file formats and units, the record data itself (every
word stored in the portal's own tables, such as the demo's English bits and user names), words glued to
digits or inside addresses (admin1, p.png, /static/...), and the short list `ALLOWED` below, each with its
reason. Everything else is reported with the page it is on.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import models

# Attributes a person reads, or hears from a screen reader.
READ_ATTRIBUTES = {
    "alt",
    "title",
    "placeholder",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-placeholder",
    "aria-valuetext",
    "label",
}
# <input type=...> whose value is the button's caption.
BUTTON_INPUTS = {"submit", "button", "reset"}
# Never shown: code and styles. (<template> and hidden parts are kept: they are shown at some point.)
NOT_SHOWN = {"script", "style"}
# Code quoted on a page (a header to send, a command) is not language.
CODE = {"code", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# A whole run of Latin letters that is not glued to digits, nor part of an address, path, e-mail, file name
# or query (admin1, p.png, /api/schema/, username=...): those are data or code, not language.
WORD = re.compile(
    r"(?<![A-Za-z0-9_@/\\.:=&?#%-])[A-Za-z]+(?:['’][A-Za-z]+)?(?![A-Za-z0-9_@/\\=*]|\.[A-Za-z0-9]|:/|-[0-9])"
)

# File formats and units, written in lower case.
# (RSS, Atom and iCal are the formats of the news feeds and the meeting calendar.)
FORMATS_AND_UNITS = {
    "pdf",
    "csv",
    "xlsx",
    "png",
    "jpg",
    "jpeg",
    "webp",
    "gif",
    "ics",
    "ical",
    "rss",
    "atom",
    "px",
    "kb",
    "mb",
}

# The explicit allow-list: a word or phrase, and why a Thai reader meets it in English.
ALLOWED: dict[str, str] = {
    "OpenAPI": "the name of the API description standard, on the API documentation page",
    "Excel": "the spreadsheet program the CSV export is made for (a product name)",
    "Word": "the word processor whose files a progress report may attach (a product name)",
    "default": "the name of the background-work queue (a value of the task records on the admin's task pages)",
    "Ctrl": "the name printed on the key the admin asks to hold down to choose several items",
    "Mac": "the computer on which that key is another one (a product name)",
    "“Try it out”": "the API documentation page names Swagger UI's own button, which Swagger UI shows in English",
    '"args"': "the key of a background task's stored arguments (JSON data), on the admin's task page",
    '"kwargs"': "the key of a background task's stored keyword arguments (JSON data), on the same page",
}

# Django's empty choice (BLANK_CHOICE_DASH) is not a word but is no Thai either.
EMPTY_CHOICE_DASHES = "---------"


class _VisibleText(HTMLParser):
    """Collects visible text and read attributes, each as one string."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0
        self._in_head = False
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "head":
            self._in_head = True
        if tag == "title":
            self._in_title = True
        if tag in NOT_SHOWN or tag in CODE:
            self._hidden_depth += 1
            return
        if self._in_head:
            return
        for name in READ_ATTRIBUTES & values.keys():
            self.parts.append(values[name])
        if tag == "input" and values.get("type", "").lower() in BUTTON_INPUTS:
            self.parts.append(values.get("value", ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in NOT_SHOWN or tag in CODE:
            self._hidden_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if (tag in NOT_SHOWN or tag in CODE) and self._hidden_depth:
            self._hidden_depth -= 1
        if tag == "head":
            self._in_head = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._hidden_depth or (self._in_head and not self._in_title):
            return
        if data.strip():
            self.parts.append(data)


def visible_text(html: str) -> list[str]:
    """The strings of a page a person reads or hears: text outside scripts and styles, and read attributes."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.parts


def record_words() -> set[str]:
    """Every Latin word stored in the portal's own records and in user and group names."""
    words: set[str] = set()
    # The portal's own apps are those whose code lives in the project (not in site-packages).
    project = Path(settings.BASE_DIR).resolve()
    portal_apps = [config for config in apps.get_app_configs() if project in Path(config.path).resolve().parents]
    portal_models = [
        model for config in portal_apps for model in config.get_models() if not model.__name__.startswith("Historical")
    ]
    # What django-axes stores about a login (a browser it could not name is "<unknown>") is data too.
    logins = [model for model in apps.get_models() if model._meta.app_label == "axes"]
    for model in [*portal_models, *logins, User, Group]:
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.FileField) and not field.choices
        ]
        if not fields:
            continue
        for row in model.objects.values_list(*fields):
            for value in row:
                if value:
                    words.update(WORD.findall(str(value)))
    return words


def english_words(text: str, data_words: set[str]) -> list[str]:
    """The English words of `text` that are none of: acronym, format or unit, record data, allowed."""
    found = []
    for phrase in ALLOWED:
        text = text.replace(phrase, " ")
    for word in WORD.findall(text):
        if word in data_words:
            continue
        if word.isupper() or word.lower() in FORMATS_AND_UNITS:
            continue
        found.append(word)
    return found


def english_on_page(html: str, data_words: set[str]) -> dict[str, list[str]]:
    """The texts of one page that hold English (shortened) -> their English words."""
    found: dict[str, list[str]] = {}
    for part in visible_text(html):
        words = english_words(part, data_words)
        if EMPTY_CHOICE_DASHES in part:
            words.append(EMPTY_CHOICE_DASHES)
        if words:
            found.setdefault(" ".join(part.split())[:120], words)
    return found
