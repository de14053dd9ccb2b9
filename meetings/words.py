"""The portal's own names for Thai line breaking: places, offices and programs read from the database.

lib/thai.py keeps the line-breaking word list (pythainlp's words, royal names, Lamphun's districts and
sub-districts); this adds what only the database knows: villages and sub-districts of the communities, the
places in office names, and the names inside program titles that the dictionary cuts into pieces.
"""

from __future__ import annotations

import re

from django.core.cache import cache

from lamphun_portal.lib import thai

CACHE_KEY = "meetings:line-words"
# A save re-reads the list into the cache (reread_line_words). With a shared cache (Redis) every app server sees
# it at once; with each process's own memory cache (no CACHE_URL) another server's copy must still expire, so that
# a new village or office name reaches every process's PDFs within this many seconds, not at its next restart.
CACHE_SECONDS = 600
# Office names end with the place they serve: สำนักงานพัฒนาชุมชนอำเภอทุ่งหัวช้าง, ที่ทำการปกครองจังหวัดลำพูน.
_PLACE = re.compile(r"(?:อำเภอ|จังหวัด|ตำบล|เทศบาลตำบล|เทศบาลเมือง)([\u0e01-\u0e4e]+)$")
# A piece of a program title is kept whole when the dictionary cuts it into bits of one syllable or less
# (พัชรธรรม, สิริพัชร); longer pieces are phrases, which may break between their words.
MAX_NAME_LENGTH = 16


def _cut_into_bits(chunk: str) -> bool:
    """Whether the dictionary reads ``chunk`` as several words, some of them not words at all (พัชร|กิ|ติ|ยา|ภา)."""
    words = thai.words(chunk)
    return len(words) > 1 and not all(thai.is_dictionary_word(word) for word in words)


def database_line_words() -> set[str]:
    """Names from the offices, communities and programs recorded in the portal."""
    from programs.models import Community, Program

    from .models import Office

    found: set[str] = set()
    for name, district in Office.objects.values_list("name", "district"):
        found.add(district)
        match = _PLACE.search(name.replace(" ", ""))
        if match:
            found.add(match.group(1))
    for name, tambon, district in Community.objects.values_list("name", "tambon", "district"):
        found.update((name, name.removeprefix("บ้าน"), tambon, district))
    for (name,) in Program.objects.values_list("name"):
        found.update(chunk for chunk in name.split() if len(chunk) <= MAX_NAME_LENGTH and _cut_into_bits(chunk))
    return {word for word in found if len(word) > 1}


def reread_line_words(**kwargs: object) -> None:
    """post_save/post_delete receiver of Office, Community and Program: the list is read again when a name
    changes, not while a page is being made (pages then read the cache only, with no query of their own)."""
    cache.set(CACHE_KEY, sorted(database_line_words()), CACHE_SECONDS)


def refresh_line_words() -> None:
    """Bring lib/thai's line word list up to date with the database (the cache; read once per cold cache)."""
    words = cache.get(CACHE_KEY)
    if words is None:
        words = sorted(database_line_words())
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    thai.set_line_words(words)
