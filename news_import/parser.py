"""Reads an office news post about a meeting (the seed is one) back into the fields of a draft meeting.

Rules over the structure of Thai text rather than over phrasings: the text is read as words (lib/thai.py, the only
door to pythainlp and nlpO3), so that a person's title is found even where Thai glues it to the word before
(`โดยมีนายวิชัย`, `10.00 น.นายสมพร`), and a position is known by the words positions start with (ผู้ว่าราชการ…,
พัฒนาการ…, อธิบดี…). The chair is the person, or failing a name the position, written just before the word that
says who presides (`เป็นประธาน…`, `ประธานการประชุม`); the venue is the run of place words after ณ, ที่ or จาก;
a headcount counts only when its sentence is about who took part. No model is loaded, nothing is downloaded.
A field the post does not state stays empty: the staff member fills it in on review.

Only the narration counts for the meeting's facts (date, venue, headcount...): dates and numbers inside a
quoted speech are about the work, not the meeting. The chair's quoted speech gives the directives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

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

# Words a position starts with (ผู้ว่าราชการจังหวัดลำพูน, พัฒนาการอำเภอลี้, อธิบดีกรมการพัฒนาชุมชน...): the ranks
# of the provincial and district administration, the department, ministers and local leaders.
POSITION_STARTS = (
    "ผู้ว่าราชการ",
    "รองผู้ว่าราชการ",
    "ผู้ช่วยผู้ว่าราชการ",
    "ผวจ.",
    "รองผวจ.",
    "รอง ผวจ.",
    "นายอำเภอ",
    "ปลัด",
    "รองปลัด",
    "พัฒนาการ",
    "ผู้อำนวยการ",
    "รองผู้อำนวยการ",
    "ผู้ช่วยผู้อำนวยการ",
    "ผอ.",
    "หัวหน้า",
    "รองหัวหน้า",
    "อธิบดี",
    "รองอธิบดี",
    "ผู้ช่วยอธิบดี",
    "รัฐมนตรี",
    "นายกรัฐมนตรี",
    "รองนายกรัฐมนตรี",
    "ผู้ตรวจราชการ",
    "ผู้ช่วยผู้ตรวจราชการ",
    "นักวิชาการ",
    "นักพัฒนา",
    "นักส่งเสริม",
    "เจ้าพนักงาน",
    "เจ้าหน้าที่",
    "ประธาน",
    "รองประธาน",
    "นายก",
    "รองนายก",
    "กำนัน",
    "ผู้ใหญ่บ้าน",
    "พัฒนาสังคม",
    "เกษตรจังหวัด",
    "เกษตรอำเภอ",
    "ท้องถิ่นจังหวัด",
    "ท้องถิ่นอำเภอ",
    "สาธารณสุข",
    "นายแพทย์สาธารณสุข",
    "คลังจังหวัด",
    "ผู้แทน",
    "ผู้บัญชาการ",
    "ผู้บังคับการ",
    "ผู้กำกับการ",
    "ศึกษาธิการ",
    "เลขาธิการ",
    "เลขานุการ",
    "ที่ปรึกษา",
    "สมาชิกสภา",
    "รักษาราชการแทน",
    "ปฏิบัติราชการแทน",
    "ประจำ",
)
# Words a position goes on with after its first word (…สำนักงานพัฒนาชุมชนจังหวัดลำพูน, …รักษาราชการแทน…).
_POSITION_CONTINUES = (
    "สำนักงาน",
    "กลุ่มงาน",
    "จังหวัด",
    "อำเภอ",
    "ตำบล",
    "กรม",
    "กระทรวง",
    "ศูนย์",
    "สถาบัน",
    "ฝ่าย",
    "ส่วน",
    "องค์การ",
    "เทศบาล",
    "ระดับ",
    "ภาค",
    "เขต",
    "ในฐานะ",
    "รักษาการ",
    "ชำนาญการ",
    "ปฏิบัติการ",
    "ปฏิบัติหน้าที่",
    "(",
    "ฯ",
    "สพอ.",
    "สพจ.",
    "พช.",
)
# Offices that begin like a title but are not one (นายอำเภอ is a district chief, not Mr. อำเภอ).
NOT_TITLES = ("นายอำเภอ", "นายก", "นายทะเบียน", "นายช่าง", "นายสัตวแพทย์", "นางรอง")

# Words that open a new clause: a run of venue or position words ends at them.
_CLAUSE_WORDS = (
    "โดยมี",
    "โดย",
    "ซึ่ง",
    "เพื่อ",
    "ทั้งนี้",
    "ในการนี้",
    "เวลา",
    "จำนวน",
    "พร้อมด้วย",
    "พร้อม",
    "เมื่อ",
    "ตั้งแต่",
    "ระหว่าง",
    "ในวันที่",
    "วันที่",
    "มอบหมาย",
    "นำโดย",
    "ภายใต้",
    "กลุ่มเป้าหมาย",
    "ผู้เข้าร่วม",
    "ได้แก่",
    "ประกอบด้วย",
    "ที่ประชุม",
    "จัดการประชุม",
    "จัดประชุม",
    "มี",
    "ได้",
    "ร่วม",
    "เข้าร่วม",
    "กล่าว",
    "ต่อมา",
    "จัด",
    "เป็น",
    "ตาม",
    "ผ่าน",
    "และ",
    "ให้",
    "ประชุม",
    "เปิด",
)
# Nouns a place starts with: after ที่ or จาก (words with other uses) a venue is read only when one follows.
_PLACE_STARTS = (
    "ห้องประชุม",
    "หอประชุม",
    "ห้อง",
    "ศาลา",
    "โรงแรม",
    "สำนักงาน",
    "ที่ว่าการ",
    "ที่ทำการ",
    "อาคาร",
    "ศูนย์",
    "วัด",
    "โรงเรียน",
    "หมู่บ้าน",
    "บ้าน",
    "ลาน",
    "โดม",
    "สนาม",
    "มหาวิทยาลัย",
    "วิทยาลัย",
    "องค์การ",
    "เทศบาล",
    "ค่าย",
    "สวน",
    "แปลง",
    "กรม",
    "กระทรวง",
    "ศาลากลาง",
    "ศาลาว่าการ",
)
# Royal-descended family names are written with ณ (อิศรางกูร ณ อยุธยา): that ณ is not "at".
_NA_FAMILY_NAMES = ("อยุธยา", "ป้อมเพชร", "ระนอง", "นคร", "ถลาง", "เชียงใหม่", "ลำพูน", "สงขลา", "พัทลุง", "บางช้าง")

_THAI_LETTER = "\u0e01-\u0e4e"
_WEEKDAYS = "จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์"


def _month_pattern() -> tuple[str, dict[str, int]]:
    """Full and abbreviated Thai month names (the dots of ม.ค. may be left out), longest first."""
    full_months, abbr_months = thai.month_names()
    names: dict[str, int] = {}
    alternatives: list[tuple[str, str]] = []
    for number, name in enumerate(full_months, start=1):
        names[name] = number
        alternatives.append((name, re.escape(name)))
    for number, abbr in enumerate(abbr_months, start=1):
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
_COUNT = re.compile(r"(?:จำนวน|ประมาณ|กว่า)\s*(?:ทั้งสิ้น|ทั้งหมด|รวม)?\s*(?P<n>\d[\d,]*)\s*(?:คน|ราย)")
# A headcount is about the meeting only in a sentence that says who took part (a history paragraph's
# "รวมทั้งสิ้น ๑๐๐ คน" is not).
_PARTICIPATION = re.compile(r"เข้าร่วม|ร่วมประชุม|ผู้เข้า|ผู้ร่วม|กลุ่มเป้าหมาย|เข้าประชุม|โดยมี|ประกอบด้วย|ได้แก่|แก่|มีผู้|กรรมการ")
_FOOTER = re.compile(r"\(\s*Visited\s+\d+\s+times?,\s*\d+\s+visits?\s+today\s*\)", re.IGNORECASE)
_HEADLINE_PREFIX = re.compile(r"^(?P<prefix>[^:\n]{1,60}?)\s*[:：]\s+")
_QUOTE = re.compile(r"“(?P<curly>[^”]*)”|\"(?P<straight>[^\"]*)\"")
_SPEECH_INTRO = re.compile(r"(?:ว่า|ความว่า|ดังนี้|ดังต่อไปนี้)\s*[:]?\s*$")
_SPACES = re.compile(r"[ \t\u00a0]+")
# Buddhist-era years a post may state (2400–2700); anything else (a typo like 3563) is not a date.
_YEARS = range(1857, 2158)


# --- Text preparation ------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Fix what copy-paste and typing leave in Thai text (zero-width spaces, doubled vowels), keep layout.

    A full normalisation would also fold repeated spaces, which the reader needs: news posts end a Thai sentence
    with a double space.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _FOOTER.sub("", text)
    lines = [thai.tidy_typing(line).rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _fold(text: str) -> str:
    """All runs of whitespace to one space."""
    return " ".join(text.split())


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _QUOTE.finditer(text)]


def _outside(spans: list[tuple[int, int]], position: int) -> bool:
    return not any(start <= position < end for start, end in spans)


def _word_bounds(text: str) -> tuple[set[int], set[int]]:
    """Offsets where a word of `text` starts, and where one ends."""
    spans = thai.word_spans(text)
    return {start for start, _ in spans}, {end for _, end in spans}


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
        year = _year(match.group("year"))
        if year not in _YEARS:
            continue
        try:
            return dt.date(year, month, int(match.group("day")))
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


# --- People: titles, names and positions ------------------------------------------------------------


@dataclass
class _Person:
    start: int
    end: int
    title: str
    first: str
    last: str


@lru_cache(maxsize=1)
def _titles() -> re.Pattern[str]:
    """Any title or rank (longest first, as the alternation tries them in order)."""
    return re.compile("|".join(re.escape(title) for title in thai.person_titles()))


def _title_at(text: str) -> str:
    """The person's title `text` starts with, or '' (นายอำเภอ is an office, นายกฤษดา a man)."""
    person = _person_at(text, 0, _word_bounds(text))
    return person.title if person else ""


def _is_position(word: str) -> bool:
    return word.startswith(POSITION_STARTS)


def _person_at(text: str, start: int, bounds: tuple[set[int], set[int]]) -> _Person | None:
    """The person named at `start` (a title, a given name and a family name), or None."""
    starts, ends = bounds
    found = _titles().match(text, start)
    if not found:
        return None
    title = found.group(0)
    end = start + len(title)
    # A rank and a degree together: พันตำรวจเอก ดร.สมชาย, ว่าที่ร้อยตรี ดร.
    second = re.match(r"\s?(" + "|".join(re.escape(t) for t in ("ดร.", "ผศ.ดร.", "รศ.ดร.", "ศ.ดร.")) + ")", text[end:])
    if second:
        title += second.group(0)
        end += len(second.group(0))
    match = re.match(rf"\s*([{_THAI_LETTER}]+)", text[end:])
    if not match:
        return None
    first = match.group(1)
    # The title must end where a word ends (โดยมีนาย|วิชัย), unless what follows is a known given name: the word
    # list glues นายก|ฤษดา, and นายอำเภอ|โคกเจริญ is an office.
    if (end not in ends or text.startswith(NOT_TITLES, start)) and first not in thai.given_names():
        return None
    if _is_position(first) and first not in thai.given_names():
        return None
    first_end = end + match.end()
    last, last_end = _family_name(text, first_end, starts)
    return _Person(start, last_end, title.strip(), first, last)


def _family_name(text: str, position: int, starts: set[int]) -> tuple[str, int]:
    """The family name written after a given name (`นายวิชัย  ทองสุข`), cut where a glued position begins
    (`นายสมหมาย ทองหล่อดีผู้ใหญ่บ้าน`)."""
    match = re.match(rf"\s+([{_THAI_LETTER}]+)", text[position:])
    if not match or _is_position(match.group(1)) or match.group(1).startswith(("เป็น", "ประธาน")):
        return "", position
    word_start = position + match.start(1)
    last = match.group(1)
    for offset in range(1, len(last)):
        if word_start + offset in starts and last[offset:].startswith(POSITION_STARTS):
            last = last[:offset]
            break
    end = word_start + len(last)
    royal = re.match(r"\s+ณ\s+(" + "|".join(_NA_FAMILY_NAMES) + r")(?![" + _THAI_LETTER + "])", text[end:])
    if royal:
        last = f"{last} ณ {royal.group(1)}"
        end += royal.end()
    return last, end


def _people(text: str) -> list[_Person]:
    """Every person named in `text`, in order, titles glued to the word before included."""
    bounds = _word_bounds(text)
    found: list[_Person] = []
    position = 0
    for start in sorted(bounds[0] | {m.end() for m in re.finditer(r"\s+", text)}):
        if start < position:
            continue
        person = _person_at(text, start, bounds)
        if person:
            found.append(person)
            position = person.end
    return found


def _position_run(text: str) -> str:
    """`text` when it reads as a position (ผู้อำนวยการกลุ่มงาน… สำนักงานพัฒนาชุมชนจังหวัด…), else ''."""
    text = _fold(text).strip(" ,")
    if not text or not _is_position(text):
        return ""
    chunks = re.findall(r"\([^()]*\)|\S+", text)
    for chunk in chunks[1:]:
        continues = _is_position(chunk) or chunk.startswith(_POSITION_CONTINUES)
        if not (continues or not re.match(f"[{_THAI_LETTER}]", chunk)):
            return ""
    if any(re.search(rf"(?<=[{_THAI_LETTER}]){word}", text) for word in ("พร้อมด้วย", "มอบหมาย", "เข้าร่วม")):
        return ""
    return text


# Words that show the text after a name is a new clause, not the person's position (พร้อมด้วย..., มอบหมายให้...).
_NOT_IN_POSITION = frozenset(
    {"พร้อมด้วย", "พร้อม", "มอบหมาย", "โดย", "ณ", "เข้าร่วม", "ร่วม", "กล่าว", "นำ", "เพื่อ", "ซึ่ง", "เมื่อ", "วันที่",
     "เวลา", "ได้รับ", "จัด", "ประชุม", "และ", "กับ", "ให้"}
)  # fmt: skip


def _plain_position(text: str) -> str:
    """`text` as a position not in the word list (คณบดีคณะเกษตรศาสตร์), when it is short and holds no word that
    opens a new clause."""
    text = _fold(text).strip(" ,")
    if not text or len(text) > 120 or _people(text):
        return ""
    return "" if _NOT_IN_POSITION & set(thai.words(text)) else text


def _position_before(text: str) -> str:
    """The position that ends `text` when no name comes with it (`โดยมีรัฐมนตรีว่าการกระทรวงมหาดไทย`)."""
    starts, _ = _word_bounds(text)
    candidates = sorted(
        (start for start in starts | {0} if text.startswith(POSITION_STARTS, start)),
    )
    for start in candidates:
        if start and text[start - 1] not in " \n" and not text[:start].endswith(("มี", "โดย", "ให้", ".")):
            continue
        position = _position_run(text[start:])
        if position:
            return position
    return ""


# --- The chair: whoever the sentence says presides ---------------------------------------------------

# `เป็นประธาน…`, and `ประธานการประชุม` / `ประธานในที่ประชุม` / `ประธานเปิด…` written without เป็น (not รองประธาน,
# nor ประธานคณะกรรมการ…, which is a position).
_PRESIDES = re.compile(r"(?:เป็น|ทำหน้าที่)\s*ประธาน|(?<!รอง)(?<!เป็น)ประธาน(?=\s*(?:ใน)?(?:การ|ที่)?ประชุม|เปิด|ในพิธี)")
# Words between the chair and เป็นประธาน that are not part of the position.
_BEFORE_PRESIDES = re.compile(r"(?:\s*(?:ซึ่ง|ได้รับมอบหมายให้|ได้รับเกียรติ|ได้ให้เกียรติ|ให้เกียรติ|ได้|รับ|มา|ร่วม|ทำหน้าที่|ท่าน))+\s*$")


def _chair(text: str, spans: list[tuple[int, int]]) -> tuple[str, str, str, str]:
    """(title, first name, last name, position) of whoever the post says presides, each '' if not stated."""
    for match in _PRESIDES.finditer(text):
        if not _outside(spans, match.start()):
            continue
        paragraph_start = text.rfind("\n", 0, match.start()) + 1
        before = text[max(paragraph_start, match.start() - 400) : match.start()]
        chair = _presider(_BEFORE_PRESIDES.sub("", before))
        if any(chair):
            return chair
    return "", "", "", ""


def _presider(before: str) -> tuple[str, str, str, str]:
    """The person (and position) or the position alone that `before` ends with."""
    people = _people(before)
    if people:
        person = people[-1]
        between = before[person.end :]
        position = _position_run(between) or _plain_position(between)
        if position or not between.strip():
            return person.title, person.first, person.last, position
        before = between
    position = _position_before(before)
    return "", "", "", position


# --- Venue ----------------------------------------------------------------------------------------------

# ณ standing as a word (ณ ห้องประชุม, ณ.ห้องประชุม), ที่ and จาก only before a place noun.
_VENUE_MARK = re.compile(
    rf"(?:(?<![{_THAI_LETTER}])ณ\.?\s*(?=[{_THAI_LETTER}])"
    rf"|(?<![{_THAI_LETTER}])ที่\s*(?=(?:{'|'.join(_PLACE_STARTS)}))"
    rf"|(?<![{_THAI_LETTER}])จาก\s+(?=(?:ห้องประชุม|หอประชุม|ศาลาว่าการ)))"
)
_DISTRICT_AREA = re.compile(rf"(?:ใน|ณ)\s*พื้นที่\s*(?P<area>(?:อำเภอ|ตำบล)[{_THAI_LETTER}]+)")


def _venue(text: str, spans: list[tuple[int, int]]) -> str:
    for match in _VENUE_MARK.finditer(text):
        if not _outside(spans, match.start()) or _is_family_name_na(text, match):
            continue
        venue = _venue_words(text, match.end())
        if venue and not venue.startswith(("ปัจจุบัน", "วันที่", "ที่นี้", "โอกาส")):
            return venue
    area = _DISTRICT_AREA.search(text)
    return f"พื้นที่{area.group('area')}" if area and _outside(spans, area.start()) else ""


def _is_family_name_na(text: str, match: re.Match[str]) -> bool:
    return (
        text[match.start()] == "ณ"
        and text[match.end() :].startswith(_NA_FAMILY_NAMES)
        and bool(re.search(rf"[{_THAI_LETTER}]\s+$", text[: match.start()]))
    )


def _venue_text(text: str, start: int) -> str:
    """The text after a venue mark to the end of its paragraph; a line broken inside a word (`ห้อง⏎ประชุม`) is
    joined back."""
    end = text.find("\n", start)
    while end != -1:
        tail = re.search(rf"[{_THAI_LETTER}]+$", text[start:end])
        head = re.match(rf"[{_THAI_LETTER}]+", text[end + 1 :])
        if not (tail and head and _splits_word(tail.group(0), head.group(0))):
            break
        text = text[:end] + text[end + 1 :]
        end = text.find("\n", end)
    return text[start:] if end == -1 else text[start:end]


def _splits_word(tail: str, head: str) -> bool:
    """Whether a line break between `tail` and `head` falls inside one dictionary word."""
    joined = tail + head
    return any(start < len(tail) < end for start, end in thai.word_spans(joined))


def _venue_words(text: str, start: int) -> str:
    """The place named after a venue mark: place words up to a double space, a comma or a word that starts a new
    clause (a person, a position, โดย, เพื่อ...)."""
    rest = re.split(r"\s{2,}|[,“\"]", _venue_text(text, start), maxsplit=1)[0]
    kept: list[str] = []
    for chunk in re.findall(r"\([^()]*\)|\S+", rest):
        if chunk.startswith("("):
            if not kept:
                break
            kept.append(chunk)
            continue
        cut = _clause_inside(chunk, first=not kept)
        if cut == 0:
            break
        if cut is not None:
            kept.append(chunk[:cut])
            break
        kept.append(chunk)
    return " ".join(kept).strip(" .:;")


def _clause_inside(chunk: str, *, first: bool) -> int | None:
    """Where in `chunk` a new clause begins (0: at its start), or None when the chunk is all place words."""
    if not first and (chunk.startswith(_CLAUSE_WORDS) or _is_position(chunk)):
        if not (chunk.startswith("และ") and chunk[3:].startswith(_PLACE_STARTS)):
            return 0
    bounds = _word_bounds(chunk)
    for offset in sorted(bounds[0]):
        if offset == 0:
            if _person_at(chunk, 0, bounds):
                return 0
            continue
        if _person_at(chunk, offset, bounds) or chunk.startswith(
            ("โดย", "ซึ่ง", "เพื่อ", "จัดการประชุม", "จัดประชุม", "เป็นประธาน"), offset
        ):
            return offset
    return None


# --- Headcount ----------------------------------------------------------------------------------------


def _headcount(text: str, spans: list[tuple[int, int]]) -> int | None:
    for pattern in (_COUNT_TOTAL, _COUNT):
        for match in pattern.finditer(text):
            if _outside(spans, match.start()) and _about_participants(text, match.start()):
                return int(match.group("n").replace(",", ""))
    return None


def _about_participants(text: str, position: int) -> bool:
    """Whether the sentence holding `position` says who took part."""
    sentence_start = max(text.rfind("\n", 0, position), text.rfind("  ", 0, position), position - 250, 0)
    sentence_end = min(len(text), position + 60)
    return bool(_PARTICIPATION.search(text[sentence_start:sentence_end]))


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
        venue=_venue(body, spans) or _venue(text, _quote_spans(text)),
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
