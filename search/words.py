"""Thai text as search words, the same way for the index and for a query.

Thai is written without spaces between words, so text is split into words with pythainlp (through
lamphun_portal/lib/thai.py). Compounds also hold the dictionary words written inside them, so `ชุมชน`
finds `กรมการพัฒนาชุมชน`; a query is split the same way, so `โคกหนองนา` and `โคก หนอง นา` are the same
three words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from lamphun_portal.lib import thai

MAX_WORD_LENGTH = 64
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def normalize(text: str) -> str:
    """Lower case, Arabic digits, NFC, no zero-width characters: the form both index and query use."""
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text or ""))
    return thai.arabic_digits(unicodedata.normalize("NFC", text)).lower()


def _is_word(word: str) -> bool:
    return len(word) >= 2 and any(char.isalnum() for char in word)


def words_of(text: str) -> list[str]:
    """The searchable words of a text, in order (punctuation and single letters dropped)."""
    return [word[:MAX_WORD_LENGTH] for word in thai.words(normalize(text)) if _is_word(word)]


@lru_cache(maxsize=100_000)
def _words_and_parts(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # Cached: a record's text repeats across saves, and seed_bench builds texts from common phrases.
    return tuple((word, thai.dictionary_words_in(word)) for word in words_of(text))


def stream(texts: Iterable[str]) -> list[str]:
    """The words the full-text engine indexes for these texts, in order: each word followed by the
    dictionary words written inside it (ชุมชน after กรมการพัฒนาชุมชน), so either is found."""
    return [token for text in texts for word, inner in _words_and_parts(text or "") for token in (word, *inner)]


def query_words(query: str) -> list[str]:
    """The distinct words of a query, in the order typed."""
    return list(dict.fromkeys(words_of(query)))


def query_phrase(words: list[str]) -> list[str]:
    """The words of a query as typed (words_of), as the index writes them in a row: each followed by its
    inner words, so that a record holding the query as typed holds this phrase."""
    return [token for word in words for token in (word, *thai.dictionary_words_in(word))]
