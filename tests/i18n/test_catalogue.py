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


def test_every_translation_is_thai() -> None:
    for po in sorted(CATALOGUES.glob("*.po")):
        for message in _read(po):
            if not message.id:
                continue
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in texts:
                assert text, f"{po.name}: {message.id!r} has no Thai"
                # Placeholders and the formats named in a message (YYYY-MM-DD) are not words.
                words = english_words(re.sub(r"%\(\w+\)[sdr]|\{\w*\}|<[^>]+>", " ", text), set())
                assert not words, f"{po.name}: {message.id!r} -> {text!r} keeps English {words}"


def _listed_strings() -> set[str]:
    tree = ast.parse((Path(settings.BASE_DIR) / "lamphun_portal" / "third_party_strings.py").read_text("utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    return {
        arg.value for call in calls for arg in call.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }


def test_makemessages_keeps_every_entry_of_the_catalogue() -> None:
    """makemessages only sees strings in the project's files: each entry must be listed in third_party_strings.py,
    or `makemessages -l th` turns its Thai into an obsolete entry that gettext ignores."""
    listed = _listed_strings()
    missing = [message.id for message in _read(CATALOGUES / "django.po") if message.id and message.id not in listed]
    missing = [mid if isinstance(mid, str) else mid[0] for mid in missing]
    missing = [mid for mid in missing if mid not in listed]
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
