"""The project's message catalogue: compiled, complete for the admin's scripts, Thai, and safe from makemessages."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import django
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client

from lamphun_portal.apps import compiled_catalogues
from tests.conftest import Personas
from tests.i18n.english import english_words

CATALOGUES = Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES"
THAI = re.compile("[\u0e00-\u0e7f]")
DJANGO_ADMIN_JS = Path(django.__file__).parent / "contrib" / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"


def _read(path: Path) -> object:
    with path.open("rb") as file:
        return read_po(file)


def test_the_catalogues_are_compiled_from_their_latest_text() -> None:
    """`make setup` compiles them; an old or missing .mo would show English or old Thai."""
    assert not compiled_catalogues(), [str(warning) for warning in compiled_catalogues()]


def test_the_catalogues_compile_without_errors(tmp_path: Path) -> None:
    """Placeholders (%(name)s, {name}) in each Thai string match the English: Babel checks them."""
    for po in sorted(CATALOGUES.glob("*.po")):
        catalogue = _read(po)
        problems = [f"{po.name}:{message.lineno} {message.id!r}: {errors}" for message, errors in catalogue.check()]
        assert not problems, "\n".join(problems)
        with (tmp_path / po.with_suffix(".mo").name).open("wb") as file:
            write_mo(file, catalogue)


def _english(text: str) -> list[str]:
    """English words of a message, leaving out placeholders and markup."""
    return english_words(re.sub(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}|<[^>]+>", " ", text), set())


def _first(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def _is_english(msgid: str) -> bool:
    """An English source string (Django's, an app's), not one of the portal's own, which are written in Thai."""
    return not THAI.search(msgid) and bool(_english(msgid))


def test_every_translation_is_thai() -> None:
    """Every English entry has Thai, with no English word left in it. (The portal's own strings, which
    makemessages adds, are Thai already and may stay untranslated.)"""
    for po in sorted(CATALOGUES.glob("*.po")):
        for message in _read(po):
            if not message.id or not _is_english(_first(message.id)):
                continue
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in texts:
                assert text, f"{po.name}: {message.id!r} has no Thai"
                assert not _english(text), f"{po.name}: {message.id!r} -> {text!r} keeps English {_english(text)}"


def _listed_strings() -> set[str]:
    tree = ast.parse((Path(settings.BASE_DIR) / "lamphun_portal" / "third_party_strings.py").read_text("utf-8"))
    arguments = [arg for node in ast.walk(tree) if isinstance(node, ast.Call) for arg in node.args]
    return {arg.value for arg in arguments if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}


def test_makemessages_keeps_every_entry_of_the_catalogue() -> None:
    """makemessages only sees strings in the project's files: each English entry must be listed in
    third_party_strings.py, or `makemessages -l th` turns its Thai into an obsolete entry that gettext ignores."""
    listed = _listed_strings()
    ids = [_first(message.id) for message in _read(CATALOGUES / "django.po") if message.id]
    missing = [msgid for msgid in ids if _is_english(msgid) and msgid not in listed]
    assert not missing, f"list these in lamphun_portal/third_party_strings.py: {missing}"


def test_the_admin_scripts_speak_thai(personas: Personas) -> None:
    """The admin's scripts (calendar, two-list selectors, action bar) get every message in Thai from /admin/jsi18n/."""
    client = personas.client_for(personas.admin)
    script = client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))
    untranslated = []
    for message in _read(DJANGO_ADMIN_JS):
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        key = f"{message.context}\x04{msgid}" if message.context else msgid
        thai = catalog.get(key)
        texts = thai if isinstance(thai, list) else [thai]
        if thai is None or any(english_words(re.sub(r"%\(\w+\)s|%s", " ", text), set()) for text in texts):
            untranslated.append(f"{msgid!r}: {thai!r}")
    assert not untranslated, "\n".join(untranslated)


def test_a_browser_asking_for_english_still_gets_thai(personas: Personas) -> None:
    """Thai is the portal's language for everyone: no Accept-Language header or language cookie changes it."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(personas.admin)
    page = client.get("/admin/").content.decode()
    assert '<html lang="th"' in page
    assert "ออกจากระบบ" in page and "Log out" not in page
    form = client.post("/accounts/password/", {"old_password": "x", "new_password1": "1", "new_password2": "1"})
    assert "รหัสผ่านนี้เป็นตัวเลขล้วน" in form.content.decode()
