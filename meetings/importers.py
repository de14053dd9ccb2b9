"""Reads an office news post about a meeting (the seed is one) back into the fields of a draft meeting.

Rules over the text, with pythainlp for what it does well: normalising Thai spelling, tokenising words
where Thai writes no spaces, and its lists of Thai given and family names. No model is loaded, nothing
is downloaded. A field the post does not state stays empty: the staff member fills it in on review.

Only the narration counts for the meeting's facts (date, venue, headcount...): dates and numbers inside a
quoted speech are about the work, not the meeting. The chair's quoted speech gives the directives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pythainlp.util import remove_repeat_vowels, remove_spaces_before_marks, remove_zw
from pythainlp.util.date import thai_abbr_months, thai_full_months

from lamphun_portal.lib import thai

# --- The result ------------------------------------------------------------------------------------


@dataclass
class NewsMeeting:
    """What a news post states about its meeting; empty where it states nothing."""

    title: str = ""
    date: dt.date | None = None
    time: dt.time | None = None
    venue: str = ""
    chair_title: str = ""
    chair_first_name: str = ""
    chair_last_name: str = ""
    chair_position: str = ""
    attendee_count: int | None = None
    target_group: str = ""
    attendee_groups: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    directives: list[str] = field(default_factory=list)
    narrative: str = ""
    office_prefix: str = ""

    @property
    def chair_name(self) -> str:
        """นายวรยุทธ เนาวรัตน์ — title against the first name, as Thai writes it."""
        if not self.chair_first_name:
            return ""
        return f"{self.chair_title}{self.chair_first_name} {self.chair_last_name}".strip()

    def as_json(self) -> dict[str, object]:
        """The fields `import_news --json` prints: ISO date, HH:MM time, program codes, directive texts."""
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "time": self.time.strftime("%H:%M") if self.time else None,
            "venue": self.venue,
            "chair_name": self.chair_name,
            "chair_position": self.chair_position,
            "attendee_count": self.attendee_count,
            "target_group": self.target_group,
            "attendee_groups": self.attendee_groups,
            "programs": self.programs,
            "directives": self.directives,
        }


# --- Vocabulary ------------------------------------------------------------------------------------

# Program code -> ways posts name it (compared with spaces removed). Programs added later by an admin
# are found by their own name too (see `extract(programs=...)`).
PROGRAM_ALIASES: dict[str, tuple[str, ...]] = {
    "khok-nong-na": ("โคกหนองนา",),
    "nam-phatcharatham": ("น้ำพัชรธรรม", "ชุมชนพัชรธรรม"),
    "otop": ("otop", "โอทอป", "หนึ่งตำบลหนึ่งผลิตภัณฑ์"),
    "sufficiency-economy": ("เศรษฐกิจพอเพียง",),
    "democracy": ("ประชาธิปไตย",),
}

# Longest first, so that นางสาว is not read as นาง + สาว.
PERSON_TITLES = (
    "ว่าที่ร้อยตรีหญิง",
    "ว่าที่ร้อยตรี",
    "ว่าที่ ร.ต.หญิง",
    "ว่าที่ ร.ต.",
    "ว่าที่ร.ต.",
    "พันตำรวจเอก",
    "พ.ต.อ.",
    "พันเอก",
    "พ.อ.",
    "นายแพทย์",
    "แพทย์หญิง",
    "ดร.",
    "นางสาว",
    "น.ส.",
    "นาง",
    "นาย",
)
# Offices that begin like a title but are not one: นายอำเภอ is a district chief, not Mr. อำเภอ.
NOT_TITLES = ("นายอำเภอ", "นายก", "นายทะเบียน", "นายช่าง", "นายสัตวแพทย์")

# Words a position starts with (ผู้ว่าราชการจังหวัดลำพูน, พัฒนาการอำเภอลี้...).
POSITION_STARTS = (
    "ผู้ว่าราชการ",
    "รองผู้ว่าราชการ",
    "ผู้ช่วย",
    "พัฒนาการ",
    "นายอำเภอ",
    "ปลัด",
    "ผู้อำนวยการ",
    "รองผู้อำนวยการ",
    "หัวหน้า",
    "นักวิชาการ",
    "นักพัฒนา",
    "เจ้าพนักงาน",
    "เจ้าหน้าที่",
    "ผู้ตรวจราชการ",
    "อธิบดี",
    "รองอธิบดี",
    "ประธาน",
    "รองประธาน",
    "นายก",
    "กำนัน",
    "ผู้ใหญ่บ้าน",
    "พัฒนาสังคม",
    "เกษตร",
    "ท้องถิ่น",
    "สาธารณสุข",
    "คลัง",
    "ผู้แทน",
)

# Words after which a venue named after ณ has ended. Strong ones cut even inside a run of letters
# (Thai writes no spaces: ...อำเภอลี้โดยมี...); weak ones only where a new space-separated chunk begins.
_VENUE_STRONG_STOPS = {
    "โดย",
    "โดยมี",
    "ซึ่ง",
    "เพื่อ",
    "ทั้งนี้",
    "ในการนี้",
    "เวลา",
    "จำนวน",
    "พร้อมด้วย",
    "เมื่อ",
    "ตั้งแต่",
    "ระหว่าง",
    "ในวันที่",
}
_VENUE_STOP_PREFIXES = ("วัน", "กลุ่มเป้าหมาย", "ผู้เข้าร่วม", "ได้แก่", "ประกอบด้วย", "ที่ประชุม")
_VENUE_WEAK_STOPS = {"และ", "มี", "ได้", "ร่วม", "เข้าร่วม", "กล่าว", "วันที่", "ต่อมา", "จัด", "เป็น", "ตาม", "ผ่าน"}

_THAI_LETTER = "\u0e01-\u0e4e"
_WEEKDAYS = "จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์"


def _month_pattern() -> tuple[str, dict[str, int]]:
    """Full and abbreviated Thai month names (the dots of ม.ค. may be left out), longest first."""
    names: dict[str, int] = {}
    alternatives: list[tuple[str, str]] = []
    for number, name in enumerate(thai_full_months, start=1):
        names[name] = number
        alternatives.append((name, re.escape(name)))
    for number, abbr in enumerate(thai_abbr_months, start=1):
        key = abbr.replace(".", "")
        names[key] = number
        letters = [part for part in abbr.split(".") if part]
        alternatives.append((abbr, r"\.?\s?".join(re.escape(part) for part in letters) + r"\.?"))
    alternatives.sort(key=lambda item: len(item[0]), reverse=True)
    return "|".join(pattern for _, pattern in alternatives), names


_MONTHS, _MONTH_NUMBERS = _month_pattern()
_DATE = re.compile(
    rf"(?:วัน(?:{_WEEKDAYS})\s*(?:ที่)?\s*)?(?:(?:ใน)?วันที่\s*)?"
    rf"(?<!\d)(?P<day>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s*(?P<month>{_MONTHS})\s*"
    rf"(?:พ\.\s?ศ\.\s*|ค\.\s?ศ\.\s*)?(?P<year>\d{{4}}|\d{{2}})(?!\d)"
)
_TIME_AFTER_WORD = re.compile(r"เวลา\s*(?:ประมาณ\s*)?(?P<hour>\d{1,2})\s*[.:]\s*(?P<minute>\d{2})")
_TIME_WITH_NA = re.compile(
    r"(?<![\d.])(?P<hour>\d{1,2})\s*[.:]\s*(?P<minute>\d{2})\s*(?:[-–]\s*\d{1,2}[.:]\d{2}\s*)?น\."
)
_COUNT_TOTAL = re.compile(r"รวม\s*(?:ทั้งสิ้น|ทั้งหมด)?\s*(?P<n>\d[\d,]*)\s*(?:คน|ราย)")
_COUNT = re.compile(r"จำนวน\s*(?:ทั้งสิ้น|ทั้งหมด|รวม)?\s*(?P<n>\d[\d,]*)\s*(?:คน|ราย)")
_FOOTER = re.compile(r"\(\s*Visited\s+\d+\s+times?,\s*\d+\s+visits?\s+today\s*\)", re.IGNORECASE)
_HEADLINE_PREFIX = re.compile(r"^(?P<prefix>[^:\n]{1,60}?)\s*[:：]\s+")
_QUOTE = re.compile(r"“(?P<curly>[^”]*)”|\"(?P<straight>[^\"]*)\"")
_SPEECH_INTRO = re.compile(r"(?:ว่า|ความว่า|ดังนี้|ดังต่อไปนี้)\s*[:]?\s*$")
_SPACES = re.compile(r"[ \t\u00a0]+")


# --- Text preparation ------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Fix what copy-paste and typing leave in Thai text (zero-width spaces, doubled vowels), keep layout.

    pythainlp's full normalize() also folds repeated spaces, which the reader needs: news posts end a
    Thai sentence with a double space.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _FOOTER.sub("", text)
    lines = [remove_repeat_vowels(remove_spaces_before_marks(remove_zw(line))).rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _fold(text: str) -> str:
    """All runs of whitespace to one space."""
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Thai given names and family names, as pythainlp ships them (no download)."""
    from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

    return frozenset(thai_male_names()) | frozenset(thai_female_names()), frozenset(thai_family_names())


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _QUOTE.finditer(text)]


def _outside(spans: list[tuple[int, int]], position: int) -> bool:
    return not any(start <= position < end for start, end in spans)


# --- Fields ----------------------------------------------------------------------------------------


def _split_headline(text: str) -> tuple[str, str]:
    """The post's first line when it is a headline (a short line set apart), and the rest."""
    first, _, rest = text.partition("\n")
    if rest.strip() and len(first) <= 300 and "เป็นประธาน" not in first:
        return first.strip(), rest.strip()
    return "", text


def _title(headline: str, body: str) -> tuple[str, str]:
    """The meeting's name from the headline (without `พช.ลำพูน :` and the verb จัด), and the office prefix."""
    prefix = ""
    title = headline
    if headline:
        match = _HEADLINE_PREFIX.match(headline)
        if match:
            prefix = match.group("prefix").strip()
            title = headline[match.end() :]
    else:
        match = re.search(r"เป็นประธาน(?:ใน)?(?:พิธี)?(?:เปิด)?(?:การ)?(ประชุม.*?)(?=\s+(?:โดย|ณ|เวลา|ซึ่ง)|\s{2}|\n|$)", body)
        title = match.group(1) if match else ""
    title = re.sub(r"^(?:ร่วม)?จัด(?:การ)?(?=(?:การ)?ประชุม)", "", _fold(title))
    title = re.sub(r"^การประชุม", "ประชุม", title)
    return title.strip(), prefix


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        return 2500 + year - thai.BE_OFFSET
    return year - thai.BE_OFFSET if year >= thai.MIN_BE_YEAR else year


def _date(text: str, spans: list[tuple[int, int]]) -> dt.date | None:
    for match in _DATE.finditer(text):
        if not _outside(spans, match.start()):
            continue
        month = _MONTH_NUMBERS[re.sub(r"[.\s]", "", match.group("month"))]
        try:
            return dt.date(_year(match.group("year")), month, int(match.group("day")))
        except ValueError:
            continue
    return None


def _time(text: str, spans: list[tuple[int, int]]) -> dt.time | None:
    for pattern in (_TIME_AFTER_WORD, _TIME_WITH_NA):
        for match in pattern.finditer(text):
            hour, minute = int(match.group("hour")), int(match.group("minute"))
            if _outside(spans, match.start()) and hour < 24 and minute < 60:
                return dt.time(hour, minute)
    return None


def _venue(text: str, spans: list[tuple[int, int]]) -> str:
    for match in re.finditer(r"(?:^|(?<=\s))ณ\s+(?P<rest>[^\n]+)", text, re.MULTILINE):
        if not _outside(spans, match.start()):
            continue
        venue = _venue_words(match.group("rest"))
        if venue and not venue.startswith(("ปัจจุบัน", "วันที่")):
            return venue
    return ""


def _venue_words(rest: str) -> str:
    """The place named after ณ: chunks up to a double space, punctuation or a word that starts a new clause."""
    rest = re.split(r"\s{2,}|[,(“\"]", rest, maxsplit=1)[0]
    kept: list[str] = []
    for chunk in rest.split():
        tokens = thai.words(chunk)
        if not tokens or tokens[0] in _VENUE_STRONG_STOPS | _VENUE_WEAK_STOPS or chunk.startswith(_VENUE_STOP_PREFIXES):
            break
        # A person or an official named next begins the next clause (ณ ห้องประชุม... นางสาว... ได้รายงาน).
        if kept and (_title_at(chunk) or _is_position(chunk)):
            break
        cut = next((i for i, token in enumerate(tokens) if i and token in _VENUE_STRONG_STOPS), None)
        if cut is not None:
            kept.append("".join(tokens[:cut]))
            break
        kept.append(chunk)
    return " ".join(kept).strip()


def _title_at(text: str) -> str:
    """The person's title `text` starts with, or '' (นายอำเภอ is an office, นายกฤษดา a man)."""
    for title in PERSON_TITLES:
        if not text.startswith(title):
            continue
        rest = text[len(title) :].lstrip()
        if title == "นาย" and text.startswith(NOT_TITLES):
            given = re.match(rf"[{_THAI_LETTER}]+", rest)
            if not (given and given.group(0) in _name_lists()[0]):
                return ""
        return title if rest[:1] and re.match(rf"[{_THAI_LETTER}]", rest[:1]) else ""
    return ""


def _is_position(word: str) -> bool:
    return word.startswith(POSITION_STARTS)


def _chair(text: str, spans: list[tuple[int, int]]) -> tuple[str, str, str, str]:
    """(title, first name, last name, position) of whoever the post says เป็นประธาน, each '' if not stated."""
    for match in re.finditer(r"เป็นประธาน", text):
        if not _outside(spans, match.start()):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[max(line_start, match.start() - 300) : match.start()]
        return _person_before(before)
    return "", "", "", ""


def _person_before(before: str) -> tuple[str, str, str, str]:
    """Read `นายวรยุทธ  เนาวรัตน์  ผู้ว่าราชการจังหวัดลำพูน` at the end of the text before เป็นประธาน."""
    # ...ผู้ว่าราชการจังหวัดลำพูน ได้ให้เกียรติ / ซึ่ง / ทำหน้าที่ เป็นประธาน: those words are not the position.
    before = re.sub(r"\s*(?:ซึ่ง)?(?:ได้)?(?:รับ)?(?:ให้)?(?:เกียรติ)?(?:ทำหน้าที่|ร่วม)?\s*$", "", before)
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=[\s>]))\S", before)]
    for start in reversed(starts):
        title = _title_at(before[start:])
        if title:
            return _split_person(title, before[start + len(title) :])
    # No name: the position alone (โดยมี พัฒนาการจังหวัดลำพูน เป็นประธาน).
    chunks = _fold(before).split(" ")
    for index, chunk in enumerate(chunks):
        if _is_position(chunk):
            return "", "", "", " ".join(chunks[index:])
    return "", "", "", ""


def _split_person(title: str, rest: str) -> tuple[str, str, str, str]:
    chunks = _fold(rest).split(" ")
    first = chunks[0]
    _, family_names = _name_lists()
    last = ""
    if len(chunks) > 1 and (chunks[1] in family_names or not _is_position(chunks[1])):
        last = chunks[1]
        position = " ".join(chunks[2:])
    else:
        position = " ".join(chunks[1:])
    return title, first, last, position.strip()


def _headcount(text: str, spans: list[tuple[int, int]]) -> int | None:
    for pattern in (_COUNT_TOTAL, _COUNT):
        for match in pattern.finditer(text):
            if _outside(spans, match.start()):
                return int(match.group("n").replace(",", ""))
    return None


def _target_group(text: str, spans: list[tuple[int, int]]) -> str:
    pattern = r"กลุ่มเป้าหมาย\s*(?:ได้แก่|คือ|ประกอบด้วย)\s*(?P<group>.+?)\s*(?=จำนวน|รวม|\s{2}|\n|$)"
    for match in re.finditer(pattern, text):
        if _outside(spans, match.start()):
            return _fold(match.group("group"))
    return ""


# Words that carry on the group before them when a list is written with single spaces.
_GROUP_CONTINUES = ("อำเภอ", "ตำบล", "จังหวัด", "หมู่ที่", "ทุก", "ประจำ", "สังกัด", "ใน", "ของ", "ระดับ", "ฯ")


def _attendee_groups(text: str, spans: list[tuple[int, int]], target_group: str) -> list[str]:
    """The groups the post says took part: `โดยมี ... เข้าร่วม(การ)ประชุม`, `ผู้เข้าร่วมประชุม ประกอบด้วย ...`."""
    patterns = (
        r"โดยมี\s*(?P<list>[^\n]+?)\s*(?:ได้)?(?:เข้า)?ร่วม(?:การ)?(?:ประชุม|รับฟัง)",
        r"ผู้เข้าร่วม(?:การ)?ประชุม\s*(?:ประกอบด้วย|ได้แก่)\s*(?P<list>[^\n]+?)\s*(?=จำนวน|รวม|\s{2}|$)",
    )
    groups: list[str] = []
    for pattern in patterns:
        for match in re.finditer(pattern, text, re.MULTILINE):
            if _outside(spans, match.start()) and "เป็นประธาน" not in match.group("list"):
                groups.extend(_split_groups(match.group("list")))
    if target_group:
        groups.extend(_split_groups(target_group))
    return list(dict.fromkeys(group for group in groups if group))


def _split_groups(listing: str) -> list[str]:
    pieces = re.split(r"\s{2,}|,|\s*(?:และ|ตลอดจน|รวมทั้ง|พร้อมด้วย)(?=[" + _THAI_LETTER + r"A-Za-z])", listing)
    groups: list[str] = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if _title_at(piece):
            groups.append(_fold(piece))
            continue
        for chunk in piece.split():
            joins = chunk.startswith(_GROUP_CONTINUES) or not re.match(rf"[{_THAI_LETTER}]", chunk)
            if groups and joins and not _title_at(groups[-1]):
                groups[-1] = f"{groups[-1]} {chunk}"
            else:
                groups.append(chunk)
    return groups


def _programs(text: str, programs: Iterable[tuple[str, str]]) -> list[str]:
    """Codes of the programs the post mentions, in the order of PROGRAM_ALIASES and then `programs`."""
    squeezed = re.sub(r"\s+", "", text).lower()
    found: list[str] = []
    aliases = {code: list(names) for code, names in PROGRAM_ALIASES.items()}
    for code, name in programs:
        aliases.setdefault(code, []).append(re.sub(r"\s+", "", name).lower())
    for code, names in aliases.items():
        if any(name and name in squeezed for name in names):
            found.append(code)
    return found


# --- Directives: the points of the chair's quoted speech -------------------------------------------

_POINT_MARKERS = (
    r"อีกทั้ง",
    r"นอกจากนี้",
    r"(?:และ)?(?:งาน|เรื่อง|ประเด็น)สำคัญอีก\S*\s*(?:คือ)?",
    r"ประการ(?:แรก|ที่\s*(?:\d+|หนึ่ง|สอง|สาม|สี่|ห้า|หก)|สุดท้าย|ต่อมา)",
    r"สุดท้ายนี้",
    r"ท้ายนี้",
    r"อีกเรื่องหนึ่ง",
)
_POINT_SPLIT = re.compile(r"\s+(?=(?:" + "|".join(_POINT_MARKERS) + r"))")
_LEADING_CONNECTIVE = re.compile(r"^(?:และ|(?:" + "|".join(_POINT_MARKERS) + r")|ข้อ\s*\d+|ทั้งนี้)\s*[,:]?\s*")
_BULLET = re.compile(r"^\s*(?:[–—\-•·*▪●]|\(?\d{1,2}[.)]|\(\d{1,2}\))\s*")
_LIST_INTRO = re.compile(r"(?:อาทิ|ได้แก่|ดังนี้|ดังต่อไปนี้|คือ|:)\s*$")
_MIN_POINT_LENGTH = 12


def _speeches(text: str) -> list[tuple[str, str]]:
    """(text before the quote since the previous one, quoted words) for each quote introduced as speech."""
    speeches = []
    previous_end = 0
    for match in _QUOTE.finditer(text):
        before = text[previous_end : match.start()]
        words = match.group("curly") if match.group("curly") is not None else match.group("straight")
        if _SPEECH_INTRO.search(before.rstrip()) or "\n" in words.strip():
            speeches.append((before, words))
        previous_end = match.end()
    return speeches


def _spoken_by_chair(before: str, chair: tuple[str, str, str, str]) -> bool:
    title, first, last, position = chair
    people = [m.start() for m in re.finditer(r"(?:^|(?<=[\s>]))\S", before) if _title_at(before[m.start() :])]
    if people:
        last_named = _fold(before[people[-1] :])
        return bool(first) and last_named.startswith(f"{title}{first}")
    position_word = thai.words(position)[0] if position else ""
    return bool(position_word and position_word in before) or "ประธาน" in before


def _directives(text: str, chair: tuple[str, str, str, str]) -> list[str]:
    speeches = _speeches(text)
    if not speeches:
        return []
    has_chair = any(chair)
    chosen = next((words for before, words in speeches if _spoken_by_chair(before, chair)), None)
    if chosen is None:
        if has_chair:
            return []
        chosen = speeches[0][1]
    return _points(chosen)


def _points(speech: str) -> list[str]:
    """One directive per point: paragraphs and bullets, sentences (double space) and `อีกทั้ง`-style turns."""
    points: list[str] = []
    for paragraph in speech.split("\n"):
        paragraph = _BULLET.sub("", paragraph).strip()
        for sentence in re.split(r"\s{2,}", paragraph):
            for part in _POINT_SPLIT.split(sentence):
                point = _fold(part)
                while True:
                    stripped = _LEADING_CONNECTIVE.sub("", point)
                    if stripped == point:
                        break
                    point = stripped
                point = point.strip(" ,;.")
                if len(point) >= _MIN_POINT_LENGTH and not _LIST_INTRO.search(point):
                    points.append(point)
    return points


# --- Entry point -----------------------------------------------------------------------------------


def extract(text: str, *, programs: Iterable[tuple[str, str]] = ()) -> NewsMeeting:
    """Read a news post. `programs` are (code, name) pairs of the portal's programs, to find by name."""
    text = _normalise(text)
    headline, body = _split_headline(text)
    # Numbers are read with Arabic digits (posts also write ๑๗ พฤศจิกายน ๒๕๖๓); words keep the post's digits.
    # The two texts line up character for character, so quote spans found in one hold for the other.
    reading = thai.arabic_digits(body)
    spans = _quote_spans(reading)
    chair = _chair(body, spans)
    title, prefix = _title(headline, body)
    target_group = _target_group(body, spans)
    result = NewsMeeting(
        title=title,
        office_prefix=prefix,
        date=_date(thai.arabic_digits(headline), []) or _date(reading, spans),
        time=_time(reading, spans),
        venue=_venue(body, spans),
        chair_title=chair[0],
        chair_first_name=chair[1],
        chair_last_name=chair[2],
        chair_position=chair[3],
        attendee_count=_headcount(reading, spans),
        target_group=target_group,
        attendee_groups=_attendee_groups(body, spans, target_group),
        programs=_programs(text, programs),
        directives=_directives(body, chair),
        narrative=body.strip(),
    )
    return result
