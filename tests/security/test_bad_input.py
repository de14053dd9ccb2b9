"""Bad input to every form and endpoint: never a server error, always a Thai error, nothing half-saved.

The forms are found by reading every page of tests/permissions_matrix.py as each persona, so a
new form is fuzzed without anyone listing it. Hypothesis sends random Thai and other Unicode text,
1 MB text, invalid and Buddhist/Christian-era-confused dates, negative and enormous numbers,
missing fields, and hostile files. Every example runs in a savepoint that is rolled back, so each
one starts from the same demo data.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.models import Meeting
from tests.conftest import Personas
from tests.permissions_matrix import World, urls_answering
from tests.security.formwalk import PageForm, english_errors, forms_on, table_fingerprint, thai_errors

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "20"))
SKIP_ACTIONS = {"logout"}  # signing out is not input
# Steps that answer valid input with a page to confirm (no error, nothing saved yet).
PREVIEW_STEPS = {"programs:upload"}

thai_letters = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
unicode_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
thai_text = st.text(thai_letters | st.sampled_from(" \n\t.,-/"), max_size=200)
era_confused_dates = st.sampled_from(
    [
        "17/11/2563",
        "17/11/2020",
        "2563-11-17",
        "2020-11-17",
        "31/02/2564",
        "29/02/2563",
        "00/00/0000",
        "17 พฤศจิกายน 2563",
        "๑๗/๑๑/๒๕๖๓",
        "17 พ.ย. 63",
        "1/1/1",
        "9999-12-31",
        "99999-01-01",
        "2563-13-45",
        "-2563-01-01",
        "25630-01-01",
        "10.00 น.",
        "25:61",
    ]
)
bad_numbers = st.sampled_from(
    ["-1", "-0", "-999999999999", "99999999999999999999999", "1e309", "NaN", "inf", "๑๒", "1,000", "3.5", "1/2", " 7 "]
) | st.integers().map(str)
huge_text = st.sampled_from(["ก" * 350_000, "a" * 1_048_576, "<p>" * 300_000])  # about 1 MB each
scalar = st.one_of(thai_text, unicode_text, era_confused_dates, bad_numbers, st.just(""), huge_text)

hostile_files = st.sampled_from(
    [
        ("empty.csv", b"", "text/csv"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 512, "text/csv"),
        ("utf16.csv", "ชื่อ,จำนวน\n".encode("utf-16"), "text/csv"),
        ("big.csv", b"a," * (3 * 1024 * 1024), "text/csv"),
        ("script.exe", b"MZ\x90\x00" + b"\x00" * 100, "application/octet-stream"),
        ("ok.csv", "ชุมชน,จำนวน\nบ้านทดสอบ,-5\n".encode(), "text/csv"),
        ("latin1.csv", "caf\xe9,1\n".encode("latin-1"), "text/csv"),
    ]
)


def _field_strategy(field: Any) -> st.SearchStrategy[Any]:
    missing = st.just(None)
    if field.kind == "file":
        return st.one_of(missing, hostile_files)
    if field.kind == "select":
        return st.one_of(missing, st.sampled_from(field.options or [""]), scalar)
    if field.kind == "checkbox":
        return st.one_of(missing, st.just("on"), scalar)
    if field.kind == "hidden":
        return st.one_of(st.just(field.value), missing, scalar)
    return st.one_of(missing, scalar)


def _payload(form: PageForm, values: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in form.fields:
        value = values.get(field.name)
        if value is None or field.name == "csrfmiddlewaretoken":
            continue
        if field.kind == "file":
            name, content, content_type = value
            data[field.name] = SimpleUploadedFile(name, content, content_type=content_type)
        else:
            data.setdefault(field.name, value)
    return data


def _check_post(client: Client, form: PageForm, values: dict[str, Any], before: dict[str, Any]) -> None:
    with transaction.atomic():
        response = client.post(form.action, _payload(form, values))
        status = response.status_code
        if status not in {301, 302, 303}:
            assert table_fingerprint() == before, f"{form.action}: refused input left rows changed"
            assert status in {200, 400, 403, 404, 405, 409, 413, 422}, f"{form.action}: {status}"
            html = response.content.decode(errors="replace")
            assert not english_errors(html), f"{form.action}: English error {english_errors(html)}"
            if status in {200, 400, 422} and form.url_name not in PREVIEW_STEPS:
                assert thai_errors(html), f"{form.action} ({status}) refused input without a Thai error"
        transaction.set_rollback(True)


def _discover(personas: Personas, world: World) -> list[tuple[str, PageForm]]:
    found: dict[tuple[str, str], tuple[str, PageForm]] = {}
    for persona in ("admin", "staff", "district_staff"):
        urls = urls_answering(persona, world, every_record=False)
        for form in forms_on(personas.client_for(getattr(personas, persona)), urls):
            if form.url_name not in SKIP_ACTIONS:
                found.setdefault((form.action, form.method), (persona, form))
    return list(found.values())


def test_the_walk_finds_the_forms_people_use(personas: Personas, demo: Meeting) -> None:
    names = {form.url_name for _, form in _discover(personas, World.build(admin=personas.admin, seed=demo))}
    assert {"history:delete", "history:meeting_revert"} <= names


@pytest.fixture
def walked(personas: Personas, demo: Meeting) -> tuple[list[tuple[str, PageForm]], dict[str, Any], list[str]]:
    """The forms found, the tables as they were, and the pages an admin opens: once per test, not per example."""
    world = World.build(admin=personas.admin, seed=demo)
    return _discover(personas, world), table_fingerprint(), urls_answering("admin", world, every_record=False)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_post_form_survives_bad_input(personas: Personas, walked: Any, data: st.DataObject) -> None:
    forms, before, _ = walked
    for persona, form in sorted(forms, key=lambda pf: pf[1].action):
        if form.method != "post":
            continue
        client = personas.client_for(getattr(personas, persona))
        values = data.draw(st.fixed_dictionaries({f.name: _field_strategy(f) for f in form.fields}), label=form.action)
        _check_post(client, form, values, before)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_page_and_search_survives_bad_query_parameters(
    personas: Personas, demo: Meeting, walked: Any, data: st.DataObject
) -> None:
    keys = {"q", "page", "year", "fiscal_year", "from", "to", "date", "status", "office", "program", "sort", "format"}
    for _, form in walked[0]:
        if form.method == "get":
            keys |= {f.name for f in form.fields}
    client = personas.client_for(personas.admin)
    for url in walked[2]:
        query = data.draw(st.dictionaries(st.sampled_from(sorted(keys)), scalar, max_size=4), label=url)
        response = client.get(url, query)
        assert response.status_code in {200, 302, 400, 404}, f"{url}?{query}: {response.status_code}"
        if response.status_code == 400 and "json" in response.get("Content-Type", ""):
            # The error body, read as JSON (raw UTF-8 or escaped alike), explains itself in Thai.
            message = json.dumps(response.json(), ensure_ascii=False)
            assert any("\u0e01" <= ch <= "\u0e5b" for ch in message), f"{url}?{query}: {message}"


@pytest.mark.parametrize("size", [1_048_576])
def test_one_megabyte_of_text_in_the_login_form_is_refused_politely(db: None, size: int) -> None:
    response = Client().post(reverse("login"), {"username": "ก" * (size // 3), "password": "x" * size})
    assert response.status_code in {200, 429}
    assert thai_errors(response.content.decode()) or "ระงับการเข้าสู่ระบบ" in response.content.decode()


def test_an_enormous_row_id_in_the_meeting_form_is_a_thai_error_not_a_crash(personas: Personas, demo: Meeting) -> None:
    """Found by the random exploration above: a program, chair or office id longer than any integer column
    raised OverflowError on SQLite (a 500). Kept as a regression case."""
    enormous = "99999999999999999999999"
    client = personas.client_for(personas.admin)
    url = reverse("meetings:edit", args=[demo.pk])
    form = next(form for form in forms_on(client, [url]) if form.action == url)
    before = table_fingerprint()
    for field in ("programs", "chair", "organizer", "directives-0-responsible_offices", "attendance-0-person"):
        values = {f.name: f.value for f in form.fields if f.kind != "file"}
        values[field] = enormous
        response = client.post(url, {k: v for k, v in values.items() if v is not None})
        assert response.status_code == 200, field
        assert "ตัวเลือกไม่ถูกต้อง" in response.content.decode() or thai_errors(response.content.decode()), field
    assert table_fingerprint() == before
