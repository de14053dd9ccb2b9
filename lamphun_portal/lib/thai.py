"""Thai calendar and text: Buddhist-era dates, the fiscal year, Thai digits, collation, word tokenising.

The one place the portal turns dates and Thai text into what Thai civil servants expect, so that pages,
PDFs, exports and the API agree. pythainlp is used where it does the job (month names, digits, words).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from django.utils import timezone
from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit
from pythainlp.util.date import (
    thai_abbr_months,
    thai_full_months,
    thai_full_weekdays,
)

BE_OFFSET = 543
# A year typed below this is taken to be Christian-era by mistake (2563 BE is 2020 CE).
MIN_BE_YEAR = 2400


def to_local(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    """Aware datetimes in Asia/Bangkok; plain dates as they are."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def be_year(value: dt.date | dt.datetime) -> int:
    return to_local(value).year + BE_OFFSET


def be_date(value: dt.date | dt.datetime, *, digits: str = "arabic") -> str:
    """17 พฤศจิกายน 2563"""
    value = to_local(value)
    text = f"{value.day} {thai_full_months[value.month - 1]} {value.year + BE_OFFSET}"
    return thai_digits(text) if digits == "thai" else text


def be_date_short(value: dt.date | dt.datetime) -> str:
    """17 พ.ย. 63"""
    value = to_local(value)
    return f"{value.day} {thai_abbr_months[value.month - 1]} {(value.year + BE_OFFSET) % 100:02d}"


def be_date_weekday(value: dt.date | dt.datetime) -> str:
    """วันอังคารที่ 17 พฤศจิกายน 2563"""
    value = to_local(value)
    return f"{thai_full_weekdays[value.weekday()]}ที่ {be_date(value)}"


def be_date_numeric(value: dt.date | dt.datetime) -> str:
    """17/11/2563, the form staff type dates in."""
    value = to_local(value)
    return f"{value.day:02d}/{value.month:02d}/{value.year + BE_OFFSET}"


def thai_time(value: dt.time | dt.datetime) -> str:
    """10.00 น."""
    if isinstance(value, dt.datetime):
        value = to_local(value)
    return f"{value.hour:02d}.{value.minute:02d} น."


def fiscal_year(value: dt.date | dt.datetime) -> int:
    """The Thai government fiscal year (1 Oct – 30 Sep) in the Buddhist era: 1 Oct 2020 → 2564."""
    value = to_local(value)
    return value.year + BE_OFFSET + (1 if value.month >= 10 else 0)


def fiscal_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a Buddhist-era fiscal year: 2564 → (1 Oct 2020, 30 Sep 2021)."""
    ce = year - BE_OFFSET
    return dt.date(ce - 1, 10, 1), dt.date(ce, 9, 30)


def fiscal_year_range(year: int) -> tuple[dt.datetime, dt.datetime]:
    """Aware [start, end) datetimes of a fiscal year in Asia/Bangkok, for range queries."""
    first, last = fiscal_year_bounds(year)
    tz = timezone.get_default_timezone()
    start = dt.datetime.combine(first, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


def thai_digits(text: object) -> str:
    """Arabic digits to Thai digits: 2564 → ๒๕๖๔."""
    return arabic_digit_to_thai_digit(str(text))


# Whether the page being rendered shows Thai digits (a person's choice, set per request by
# accounts/screen_digits.py); the date and number template filters follow it. Print documents set it off.
_screen_thai_digits: ContextVar[bool] = ContextVar("screen_thai_digits", default=False)


@contextmanager
def screen_digits(thai: bool) -> Iterator[None]:
    """Inside this block, on_screen() writes Thai digits if ``thai``, Arabic digits otherwise."""
    token = _screen_thai_digits.set(bool(thai))
    try:
        yield
    finally:
        _screen_thai_digits.reset(token)


def on_screen(text: object) -> str:
    """Text for a page: its digits in Thai digits when the reader chose them (screen_digits)."""
    return thai_digits(text) if _screen_thai_digits.get() else str(text)


def arabic_digits(text: str) -> str:
    """Thai digits to Arabic digits: ๒๕๖๔ → 2564."""
    return thai_digit_to_arabic_digit(text)


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


class ChristianEraYearError(ValueError):
    """A year that looks Christian-era where a Buddhist-era one was expected (2020 for 2563)."""

    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year
        self.suggested = year + BE_OFFSET


def parse_be_date(text: str) -> dt.date:
    """Parse 17/11/2563 (also with Thai digits, '.' or '-') as a Buddhist-era date.

    Raises ChristianEraYearError when the year looks Christian-era, ValueError otherwise.
    """
    match = _NUMERIC_DATE.match(arabic_digits(text or ""))
    if not match:
        raise ValueError(text)
    day, month, year = (int(part) for part in match.groups())
    if year < MIN_BE_YEAR:
        raise ChristianEraYearError(year)
    return dt.date(year - BE_OFFSET, month, day)


_TIME = re.compile(r"^\s*(\d{1,2})\s*[.:]\s*(\d{2})\s*(?:น\.?)?\s*$")


def parse_thai_time(text: str) -> dt.time:
    """Parse 10.00, 10:00 or 10.00 น."""
    match = _TIME.match(arabic_digits(text or ""))
    if not match:
        raise ValueError(text)
    return dt.time(int(match.group(1)), int(match.group(2)))


# --- Collation -------------------------------------------------------------------------------------
# Thai dictionary order: consonants, then vowels, in Unicode order (which follows the dictionary for
# Thai letters, ฤ after ร and ฦ after ล included); a leading vowel (เ แ โ ใ ไ) is read after the
# consonant it is written before; tone marks and other signs only break ties. The key is ASCII hex so
# that a plain ORDER BY gives the same order on SQLite and on PostgreSQL whatever its locale.
_SIGNS = re.compile("[\u0e47-\u0e4e]")
_LEADING_VOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
SORT_KEY_LENGTH = 512


def sort_key(text: str) -> str:
    """An ASCII key that sorts Thai text in dictionary order with a plain byte comparison."""
    text = " ".join((text or "").lower().split())
    primary = _LEADING_VOWEL.sub(r"\2\1", _SIGNS.sub("", text))
    secondary = "".join(_SIGNS.findall(text))
    key = "".join(f"{ord(char):04x}" for char in primary) + "0000"
    key += "".join(f"{ord(char):04x}" for char in secondary)
    return key[:SORT_KEY_LENGTH]


def thai_sorted(items: list[str]) -> list[str]:
    return sorted(items, key=sort_key)


# --- Words -----------------------------------------------------------------------------------------
_SPACES = re.compile(r"\s+")


_NLPO3_DICTIONARY = "lamphun-thai-words"


@lru_cache(maxsize=1)
def _nlpo3_dictionary() -> str:
    """Loads pythainlp's own word list into nlpO3 once, so both tokenisers know the same words."""
    import os

    import nlpo3
    from pythainlp.corpus import corpus_path
    from pythainlp.corpus.common import _THAI_WORDS_FILENAME

    # The word list that ships inside pythainlp (thai_words() reads the same file): nothing is downloaded.
    nlpo3.load_dict(os.path.join(corpus_path(), _THAI_WORDS_FILENAME), _NLPO3_DICTIONARY)
    return _NLPO3_DICTIONARY


@lru_cache(maxsize=65536)
def _tokenize_cached(chunk: str) -> tuple[str, ...]:
    # nlpO3 is pythainlp's newmm algorithm in Rust: the same words, about 5x faster (bench/tokenizers.py).
    import nlpo3

    return tuple(word for word in nlpo3.segment(chunk, _nlpo3_dictionary()) if word.strip())


def words(text: str) -> list[str]:
    """Thai text split into words (newmm dictionary tokeniser), whitespace dropped."""
    # Whitespace is a word boundary for newmm anyway; splitting on it first lets the cache work per phrase.
    return [word for chunk in _SPACES.split(text or "") if chunk for word in _tokenize_cached(chunk)]


# --- Line breaking ---------------------------------------------------------------------------------
# Lines of Thai text may break only between words. Browsers (ICU) and the PDF renderer (Pango, libthai) each
# guess Thai word boundaries from their own dictionaries, which lack royal names, Lamphun's places and the
# portal's office and program names (พัชรกิติยา|ภา, ทุ่งหัว|ช้าง). The line-breaking word list is pythainlp's
# with those added: the fixed ones in data/line_words.txt and the portal's own (meetings/words.py sets them).
_LINE_WORDS_FILE = Path(__file__).parent / "data" / "line_words.txt"
_line_extra: frozenset[str] = frozenset()
_line_dictionary_name: str | None = None
_line_version = 0


@lru_cache(maxsize=1)
def fixed_line_words() -> frozenset[str]:
    """Royal names and titles, Lamphun's districts and sub-districts (data/line_words.txt)."""
    lines = _LINE_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def set_line_words(extra: Iterable[str]) -> bool:
    """Add the portal's own names to the line-breaking word list; returns whether the list changed."""
    global _line_extra, _line_dictionary_name, _line_version
    words_set = frozenset(word.strip() for word in extra if word and word.strip() and not _SPACES.search(word.strip()))
    if words_set == _line_extra:
        return False
    _line_extra = words_set
    _line_dictionary_name = None
    _line_version += 1
    _line_tokenize_cached.cache_clear()
    return True


def extra_line_words() -> frozenset[str]:
    """The portal's own names set_line_words() added: for a process that lays PDFs out without the database."""
    return _line_extra


def line_words_version() -> int:
    """Changes whenever set_line_words() changes the list: a key for caches of line-broken text."""
    return _line_version


def _line_dictionary() -> str:
    """The nlpO3 dictionary of pythainlp's words plus the line words, loaded once per change of the list."""
    global _line_dictionary_name
    if _line_dictionary_name is not None:
        return _line_dictionary_name
    import hashlib
    import tempfile

    import nlpo3
    from pythainlp.corpus import thai_words

    dictionary = set(thai_words())
    # การ/ความ + a word (การสำรวจ, ความร่วมมือ) is a phrase a line may break inside; as dictionary words they make
    # newmm read ดำเนิน|การสำรวจ instead of ดำเนินการ|สำรวจ and cut ดำเนินการ at the line's end.
    phrases = {word for word in dictionary if word.startswith(_NOUN_MAKERS) and _rest_is_word(word, dictionary)}
    every = sorted((dictionary - phrases) | fixed_line_words() | _line_extra)
    text = "\n".join(every) + "\n"
    digest = hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
    name = f"lamphun-line-words-{digest}"
    # nlpO3 reads dictionaries from files only; the file is named after its content, so processes share it.
    path = Path(tempfile.gettempdir()) / f"{name}.txt"
    if not path.exists():
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    nlpo3.load_dict(str(path), name)
    _line_dictionary_name = name
    return name


_NOUN_MAKERS = ("การ", "ความ")


def _rest_is_word(word: str, dictionary: set[str]) -> bool:
    maker = next(maker for maker in _NOUN_MAKERS if word.startswith(maker))
    return word[len(maker) :] in dictionary


@lru_cache(maxsize=65536)
def _line_tokenize_cached(chunk: str) -> tuple[str, ...]:
    import nlpo3

    return tuple(nlpo3.segment(chunk, _line_dictionary()))


def line_words(text: str) -> list[str]:
    """``text`` cut where a line may break: its words (with the line word list) and its whitespace runs, so that
    ''.join() gives the text back. Non-Thai runs come back as nlpO3 cuts them (a Latin word or a number whole)."""
    pieces: list[str] = []
    for chunk in _KEEP_SPACES.split(text or ""):
        if not chunk:
            continue
        if chunk.isspace() or not _THAI_LETTER.search(chunk):
            pieces.append(chunk)
            continue
        # An abbreviation starting the chunk (มผช., พ.ศ., พช.อ.) is one piece: the dictionary cuts it into letters.
        abbreviation = _ABBREVIATION.match(chunk)
        if abbreviation:
            pieces.append(abbreviation.group())
            chunk = chunk[abbreviation.end() :]
            if not chunk:
                continue
        tokens = _line_tokenize_cached(chunk)
        pieces += list(tokens) if "".join(tokens) == chunk else [chunk]
    return pieces


_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_ABBREVIATION = re.compile("(?:[\u0e01-\u0e2e]{1,4}\\.)+")


# --- Amounts ---------------------------------------------------------------------------------------
def baht_words(amount: int | float | Decimal) -> str:
    """An amount in words, as official documents write it: 1248500 → หนึ่งล้านสองแสนสี่หมื่นแปดพันห้าร้อยบาทถ้วน."""
    from pythainlp.util import bahttext

    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    if value < 0:
        return "ลบ" + bahttext(float(-value))
    return bahttext(float(value))


def number(value: int | float | Decimal, places: int = 2) -> str:
    """1248500 → 1,248,500; 12.50 → 12.5; at most `places` decimals, no trailing zeros."""
    amount = Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
    text = f"{amount:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# --- Search words ------------------------------------------------------------------------------------
# The search index (meetings/search.py) holds each word and also the dictionary words written inside a
# compound (กรมการพัฒนาชุมชน holds พัฒนา and ชุมชน), so a query word finds the compounds it is part of.
MIN_COMPOUND_LENGTH = 4


@lru_cache(maxsize=1)
def _dictionary_trie() -> object:
    from pythainlp.corpus import thai_words
    from pythainlp.util import Trie

    return Trie(thai_words())


def is_dictionary_word(word: str) -> bool:
    """Whether pythainlp's word list holds ``word``."""
    return word in _dictionary_set()


@lru_cache(maxsize=1)
def _dictionary_set() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@lru_cache(maxsize=65536)
def dictionary_words_in(word: str) -> tuple[str, ...]:
    """Dictionary words of three letters or more written inside a longer word, the word itself excluded.

    Two-letter words (นา, กร, ชน) are left out: they sit inside too many unrelated words (พัฒนา, กรม).
    """
    if len(word) < MIN_COMPOUND_LENGTH:
        return ()
    from pythainlp.tokenize import tcc

    # Parts start and end on character-cluster boundaries, so no part begins inside a syllable (ชุ|มชน).
    bounds = {0, *tcc.tcc_pos(word)}
    trie = _dictionary_trie()
    found = {
        part
        for start in sorted(bounds)
        for part in trie.prefixes(word[start:])
        if 3 <= len(part) < len(word) and start + len(part) in bounds
    }
    return tuple(sorted(found))


def words_with_spaces(text: str) -> list[str]:
    """Text split into words with the whitespace kept, so that ''.join() gives the text back."""
    pieces = []
    for chunk in _KEEP_SPACES.split(text or ""):
        if not chunk:
            continue
        if chunk.isspace():
            pieces.append(chunk)
            continue
        # nlpO3 drops nothing inside a chunk without whitespace: its words join back to the chunk.
        words_of_chunk = _tokenize_cached(chunk)
        pieces += list(words_of_chunk) if "".join(words_of_chunk) == chunk else [chunk]
    return pieces


_KEEP_SPACES = re.compile(r"(\s+)")


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the words of `text` (whitespace left out), so a match can be checked to begin and end
    on a word boundary: นาย in `โดยมีนายวิชัย` does, นาย in `นายอำเภอ` does not."""
    spans = []
    position = 0
    for piece in words_with_spaces(text):
        if not piece.isspace():
            spans.append((position, position + len(piece)))
        position += len(piece)
    return spans


# --- Typing, months and names (for reading free Thai text such as news posts) ----------------------------------


def tidy_typing(text: str) -> str:
    """Undo what copy-paste and typing leave in Thai text: zero-width spaces, a vowel typed twice, a space typed
    before a tone mark. Line breaks and spaces between words are kept."""
    from pythainlp.util import remove_repeat_vowels, remove_spaces_before_marks, remove_zw

    return remove_repeat_vowels(remove_spaces_before_marks(remove_zw(text)))


def month_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Thai month names, January first: (มกราคม…, ม.ค.…)."""
    return tuple(thai_full_months), tuple(thai_abbr_months)


@lru_cache(maxsize=1)
def male_given_names() -> frozenset[str]:
    """Thai men's given names as pythainlp ships them (no download)."""
    from pythainlp.corpus import thai_male_names

    return frozenset(thai_male_names())


@lru_cache(maxsize=1)
def female_given_names() -> frozenset[str]:
    """Thai women's given names as pythainlp ships them (no download)."""
    from pythainlp.corpus import thai_female_names

    return frozenset(thai_female_names())


def given_names() -> frozenset[str]:
    """Thai given names, men's and women's."""
    return male_given_names() | female_given_names()


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """Thai family names as pythainlp ships them (no download)."""
    from pythainlp.corpus import thai_family_names

    return frozenset(thai_family_names())


# Ranks are built from their parts (a grade of each service × เอก/โท/ตรี), so that every rank is known, not only the
# ones seen in some posts: army พลเอก…ร้อยตรี, police พลตำรวจเอก…, navy พลเรือเอก/นาวาเอก/เรือเอก, air force
# พลอากาศเอก/นาวาอากาศเอก/เรืออากาศเอก, and the non-commissioned grades of each.
_RANK_GRADES = (
    "พล", "พัน", "ร้อย", "พลตำรวจ", "พันตำรวจ", "ร้อยตำรวจ", "พลเรือ", "นาวา", "เรือ", "พลอากาศ", "นาวาอากาศ",
    "เรืออากาศ", "จ่าสิบ", "สิบ", "ดาบตำรวจ", "จ่าสิบตำรวจ", "สิบตำรวจ", "พันจ่า", "จ่า", "พันจ่าอากาศ", "จ่าอากาศ",
)  # fmt: skip
_DEGREES = ("เอก", "โท", "ตรี")
_RANK_ABBREVIATIONS = (
    "พล.อ.", "พล.ท.", "พล.ต.", "พ.อ.", "พ.ท.", "พ.ต.", "ร.อ.", "ร.ท.", "ร.ต.",
    "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.",
    "พล.ร.อ.", "พล.ร.ท.", "พล.ร.ต.", "น.อ.", "น.ท.", "น.ต.", "พล.อ.อ.", "พล.อ.ท.", "พล.อ.ต.",
    "จ.ส.อ.", "จ.ส.ท.", "จ.ส.ต.", "ส.อ.", "ส.ท.", "ส.ต.", "ด.ต.", "จ.ส.ต.", "พ.จ.อ.", "พ.อ.อ.", "จ.อ.",
)  # fmt: skip
_CIVIL_TITLES = ("นาย", "นาง", "นางสาว", "น.ส.", "ด.ช.", "ด.ญ.", "เด็กชาย", "เด็กหญิง")
_ACADEMIC_TITLES = (
    "ศาสตราจารย์", "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์", "ศ.", "รศ.", "ผศ.", "ดร.", "ศ.ดร.", "รศ.ดร.", "ผศ.ดร.",
    "นายแพทย์", "แพทย์หญิง", "นพ.", "พญ.", "ทันตแพทย์", "ทันตแพทย์หญิง", "ทพ.", "ทพญ.", "เภสัชกร", "ภก.", "ภญ.",
    "สัตวแพทย์", "สพ.",
)  # fmt: skip
_NOBLE_TITLES = ("หม่อมราชวงศ์", "หม่อมหลวง", "ม.ร.ว.", "ม.ล.")


@lru_cache(maxsize=1)
def person_titles() -> tuple[str, ...]:
    """Titles and ranks written before a Thai person's name (นาย, นางสาว, พลเอก, ว่าที่ร้อยตรีหญิง, ผศ.ดร. ...),
    longest first so that นางสาว is not read as นาง + สาว."""
    ranks = [f"{grade}{degree}" for grade in _RANK_GRADES for degree in _DEGREES] + ["ดาบตำรวจ"]
    ranks += list(_RANK_ABBREVIATIONS)
    acting = [f"ว่าที่{rank}" for rank in ranks] + [f"ว่าที่ {rank}" for rank in ranks]
    titles = {*ranks, *acting, *_CIVIL_TITLES, *_ACADEMIC_TITLES, *_NOBLE_TITLES}
    titles |= {f"{title}หญิง" for title in [*ranks, *acting]}
    return tuple(sorted(titles, key=len, reverse=True))
