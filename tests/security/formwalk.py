"""Finds every form on every page of the permission matrix, so bad-input tests reach new forms by themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.db import connection
from django.test import Client
from django.urls import Resolver404, resolve

THAI = re.compile(r"[\u0E01-\u0E5B]")
ERROR_BLOCK = re.compile(
    r'<(?P<tag>\w+)[^>]*class="[^"]*\b(?:invalid-feedback|errorlist|alert-danger|text-danger|field-error)\b[^"]*"[^>]*>'
    r"(?P<body>.*?)</(?P=tag)>",
    re.S,
)
ENGLISH_DEFAULTS = ["This field is required", "Enter a valid", "Ensure this value", "Select a valid choice"]


@dataclass
class FormField:
    name: str
    kind: str  # text, textarea, select, number, date, file, hidden, checkbox, ...
    options: list[str] = field(default_factory=list)
    value: str = ""


@dataclass
class PageForm:
    page: str
    action: str
    method: str
    fields: list[FormField]
    enctype: str = ""

    @property
    def url_name(self) -> str:
        try:
            return resolve(urlsplit(self.action).path).view_name
        except Resolver404:
            return ""


class _FormParser(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[PageForm] = []
        self._form: PageForm | None = None
        self._select: FormField | None = None
        self._textarea: FormField | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = urljoin(self.page, a.get("action") or self.page)
            method = (a.get("method") or "get").lower()
            self._form = PageForm(self.page, action, method, [], a.get("enctype", ""))
            self.forms.append(self._form)
        elif self._form is None or "name" not in a and tag != "option":
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "reset", "image"}:
                return
            self._form.fields.append(FormField(a["name"], kind, value=a.get("value", "")))
        elif tag == "textarea":
            self._textarea = FormField(a["name"], "textarea")
            self._form.fields.append(self._textarea)
        elif tag == "select":
            self._select = FormField(a["name"], "select")
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.value += data


def forms_on(client: Client, urls: list[str]) -> list[PageForm]:
    """Every <form> on the given pages, each (page, action, method) once."""
    found: dict[tuple[str, str], PageForm] = {}
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _FormParser(url)
        parser.feed(response.content.decode())
        for form in parser.forms:
            found.setdefault((urlsplit(form.action).path, form.method), form)
    return list(found.values())


def thai_errors(html: str) -> list[str]:
    """The text of every error block on a page that is written in Thai."""
    texts = [re.sub(r"<[^>]+>", " ", m.group("body")) for m in ERROR_BLOCK.finditer(html)]
    return [" ".join(t.split()) for t in texts if THAI.search(t)]


def english_errors(html: str) -> list[str]:
    return [message for message in ENGLISH_DEFAULTS if message in html]


def table_fingerprint() -> dict[str, tuple[int, int]]:
    """Row count and a content hash of every table: what "nothing was saved" is checked against."""
    result = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table in {"django_migrations", "django_session", "axes_accessattempt", "axes_accesslog"}:
                continue
            # Signing a test client in stamps last_login; that is not the input under test.
            columns = [
                connection.ops.quote_name(c.name)
                for c in connection.introspection.get_table_description(cursor, table)
                if c.name != "last_login"
            ]
            cursor.execute(f"SELECT {', '.join(columns)} FROM {connection.ops.quote_name(table)}")
            # PostgreSQL returns bytea as memoryview, whose repr is its memory address: compare the bytes.
            rows = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor.fetchall()]
            result[table] = (len(rows), hash(tuple(sorted(map(repr, rows)))))
    return result
