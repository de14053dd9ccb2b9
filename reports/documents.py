"""The printed documents as HTML: the minutes of a meeting (รายงานการประชุม) and the fiscal-year book.

The layout follows the form of minutes in ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ: รายงานการประชุม<title>,
ครั้งที่, เมื่อวันที่, ณ, ผู้มาประชุม, ผู้ไม่มาประชุม, ผู้เข้าร่วมประชุม, เริ่มประชุมเวลา, the agenda (ระเบียบวาระ) with
มติที่ประชุม, เลิกประชุมเวลา, ผู้จดรายงานการประชุม and ผู้ตรวจรายงานการประชุม. lamphun_portal/lib/pdf turns the
HTML into PDF; the print stylesheet is static/css/reports-print.css.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet
from django.template import loader
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from directives.models import Directive
from lamphun_portal.lib import pdf, thai
from meetings.models import AgendaItem, Meeting, Person
from meetings.queries import attendance_groups, whole_meetings
from meetings.words import refresh_line_words

# --------------------------------------------------------------------------------------------------
# Options
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintOptions:
    """What an export may choose: Thai digits (๒๕๖๔) and the archival PDF/A-3b variant."""

    thai_digits: bool = False
    pdfa: bool = False

    @classmethod
    def default(cls, *, pdfa: bool = False) -> PrintOptions:
        """The office's default digits (settings.PORTAL_THAI_DIGITS)."""
        return cls(thai_digits=bool(settings.PORTAL_THAI_DIGITS), pdfa=pdfa)

    @property
    def key(self) -> str:
        """Short text naming the options, part of the cache key."""
        return f"digits={'thai' if self.thai_digits else 'arabic'};pdfa={int(self.pdfa)}"

    @property
    def pdf_variant(self) -> str | None:
        return "pdf/a-3b" if self.pdfa else None


# --------------------------------------------------------------------------------------------------
# Text that must not break across lines
# --------------------------------------------------------------------------------------------------

_DIGIT = "[0-9๐-๙]"
_MONTHS = "|".join(re.escape(month) for names in thai.month_names() for month in names)
# Dates (17 พฤศจิกายน 2563, 17 พ.ย. 63, 1 ตุลาคม พ.ศ. 2563), พ.ศ. 2564, times (10.00 น.) and
# meeting numbers (ครั้งที่ 3/2563): a line break inside one makes it misread.
_KEEP_TOGETHER = [
    rf"{_DIGIT}{{1,2}}\s*(?:{_MONTHS})\s*(?:พ\.ศ\.\s*)?{_DIGIT}{{2,4}}",
    rf"(?:พ\.ศ\.|ค\.ศ\.)\s*{_DIGIT}{{4}}",
    rf"{_DIGIT}{{1,2}}[.:]{_DIGIT}{{2}}\s*น\.",
    rf"ครั้งที่\s*{_DIGIT}+(?:/{_DIGIT}{{4}})?",
]
_GENERIC_PATTERN = re.compile("|".join(_KEEP_TOGETHER))
_SPACE_RUN = re.compile(r"\s+")


def names_pattern(people: Iterable[Person]) -> re.Pattern[str]:
    """A pattern matching the dates and times above and these people's title + name (+ surname)."""
    alternatives = set()
    for person in people:
        first = re.escape(f"{person.title}{person.first_name}")
        last = re.escape(person.last_name) if person.last_name else ""
        alternatives.add(rf"{first}(?:\s+{last})?" if last else first)
    # Longest first, so that นางสาวศศิธร wins over a shorter name it starts with.
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile("|".join([*_KEEP_TOGETHER, *ordered]))


def keep_together(text: str, pattern: re.Pattern[str] | None = None) -> SafeString:
    """``text`` escaped, with dates, times, พ.ศ. years and people's names in unbreakable spans.

    User text is always escaped: HTML or <img> in it is printed as text, never interpreted.
    """
    pattern = pattern or _GENERIC_PATTERN
    parts, position = [], 0
    for match in pattern.finditer(text or ""):
        parts.append(escape(text[position : match.start()]))
        together = _SPACE_RUN.sub(" ", match.group(0))
        parts.append(f'<span class="nowrap">{escape(together)}</span>')
        position = match.end()
    parts.append(escape((text or "")[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece was escaped above


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a text field, each one paragraph of the printed document."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# --------------------------------------------------------------------------------------------------
# Thai digits
# --------------------------------------------------------------------------------------------------

# Tags, character references and <style> elements keep their ASCII digits (lengths, colours, &#39;).
_NOT_TEXT = re.compile(r"(<style\b.*?</style>|<[^>]*>|&#?\w+;)", re.DOTALL | re.IGNORECASE)


def thai_digits_html(html: str) -> str:
    """The HTML with every digit of its text (not of its markup) written in Thai digits."""
    pieces = _NOT_TEXT.split(html)
    # split() with one capturing group alternates text, markup, text, markup, ...
    return "".join(piece if index % 2 else thai.thai_digits(piece) for index, piece in enumerate(pieces))


# --------------------------------------------------------------------------------------------------
# The minutes of one meeting
# --------------------------------------------------------------------------------------------------


def meetings_for_print() -> QuerySet[Meeting]:
    """Meetings with everything the minutes print (meetings/queries.py: the one loader of a whole meeting)."""
    return whole_meetings()


@dataclass
class AgendaSection:
    item: AgendaItem
    discussion: list[str]
    resolution: list[str]
    directives: list[Directive] = field(default_factory=list)


@dataclass
class SignatureBlock:
    """One signature block of the minutes: the role, the name and position printed, and, once signed under the
    signer's login, who signed and when (ระเบียบงานสารบรรณ (ฉบับที่ 4) พ.ศ. 2564)."""

    role: str
    name: str
    position: str
    signed_by: str = ""
    signed_on: str = ""  # 1 ธันวาคม 2569 เวลา 10.30 น.


def signature_blocks(meeting: Meeting) -> list[SignatureBlock]:
    """The minute-taker's and the checker's blocks (always printed, to be signed by hand when not signed in the
    portal), and the chair's once the chair has signed."""
    signed = {signature.role: signature for signature in meeting.minutes_signatures.all()}
    people = [
        ("minute_taker", "ผู้จดรายงานการประชุม", meeting.minute_taker),
        ("checker", "ผู้ตรวจรายงานการประชุม", meeting.minutes_checker),
        ("chair", "ประธานในที่ประชุม", meeting.chair),
    ]
    blocks = []
    for role, label, person in people:
        signature = signed.get(role)
        if signature is None and role == "chair":
            continue
        block = SignatureBlock(
            role=label,
            name=person.full_name if person else "",
            position=(person.position or "") if person else "",
        )
        if signature is not None:
            block.name, block.position = signature.typed_name, signature.position or block.position
            block.signed_by = signature.typed_name
            block.signed_on = f"{thai.be_date(signature.signed_at)} เวลา {thai.thai_time(signature.signed_at)}"
        blocks.append(block)
    return blocks


def minutes_context(meeting: Meeting) -> dict[str, object]:
    """What _minutes.html prints for ``meeting`` (loaded with meetings_for_print())."""
    attendances = list(meeting.attendances.all())
    groups = attendance_groups(attendances)
    sections = {
        item.pk: AgendaSection(item, paragraphs(item.discussion), paragraphs(item.resolution))
        for item in meeting.agenda_items.all()
    }
    other_directives = []
    for directive in meeting.directives.all():
        section = sections.get(directive.agenda_item_id)
        (section.directives if section else other_directives).append(directive)
    people = {meeting.chair, meeting.minute_taker, meeting.minutes_checker}
    people.update(a.person for a in attendances)
    people.update(a.substitute_for for a in attendances)
    people.update(item.presenter for item in meeting.agenda_items.all())
    people.update(d.issued_by for d in meeting.directives.all())
    return {
        "meeting": meeting,
        "heading": meeting.minutes_title,
        "present": groups.present,
        "absent": groups.absent,
        "invited": groups.invited,
        "agenda": list(sections.values()),
        "other_directives": other_directives,
        "summary": paragraphs(meeting.summary),
        "names": names_pattern(person for person in people if person is not None),
        "signatures": signature_blocks(meeting),
    }


def _document_context(options: PrintOptions, title: str) -> dict[str, object]:
    return {
        "title": title,
        "thai_digits": options.thai_digits,
        "office_name": settings.PORTAL_OFFICE_NAME,
    }


def _render(template_name: str, context: dict[str, object]) -> str:
    """A print template rendered with Arabic digits from the filters, whatever the reader's screen setting:
    the print options alone decide a document's digits (_finish)."""
    with thai.screen_digits(False):
        return loader.render_to_string(template_name, context)


def _finish(html: str, options: PrintOptions) -> str:
    """Digits as the options ask, and Thai lines that break only between words (lib/pdf/thai_lines.py)."""
    html = thai_digits_html(html) if options.thai_digits else html
    refresh_line_words()
    return pdf.keep_words(html)


def render_minutes_html(meeting: Meeting, options: PrintOptions) -> str:
    """The print HTML of one meeting's minutes (``meeting`` loaded with meetings_for_print())."""
    context = {**_document_context(options, meeting.minutes_title), **minutes_context(meeting)}
    return _finish(_render("reports/pdf/minutes.html", context), options)


def minutes_metadata(meeting: Meeting) -> dict[str, str]:
    """PDF metadata: title, author (the organising office), subject, language."""
    subject = " ".join(
        part for part in (meeting.number_label, f"เมื่อวันที่ {thai.be_date(meeting.starts_at)}", meeting.venue) if part
    )
    return {
        "title": meeting.minutes_title,
        "author": meeting.organizer.name,
        "subject": subject,
        "keywords": ["รายงานการประชุม", meeting.organizer.short_name or meeting.organizer.name],
        "language": "th",
    }


# --------------------------------------------------------------------------------------------------
# The fiscal-year book
# --------------------------------------------------------------------------------------------------


def fiscal_year_meetings(year: int) -> QuerySet[Meeting]:
    """The published meetings of a fiscal year, oldest first, loaded for print."""
    return meetings_for_print().published().in_fiscal_year(year).order_by("starts_at", "pk")


def book_title(year: int) -> str:
    return f"รายงานการประชุม ประจำปีงบประมาณ พ.ศ. {year}"


@dataclass
class BookHtml:
    """The fiscal-year book in two parts laid out separately (see services.render_book).

    The body (every meeting's minutes and the directive table) is laid out once; the cover and the
    contents are laid out after it, with the page numbers the body's anchors landed on. CSS
    target-counter() would do the same in one document, but WeasyPrint then lays every page out
    two or three times, which a 200-meeting book cannot afford.
    """

    year: int
    meetings: list[Meeting]
    directives: list[Directive]
    body: str
    options: PrintOptions
    sections: list[str] = field(default_factory=list)  # each meeting's minutes, in book order

    def front(self, pages: dict[str, int] | None = None) -> str:
        """Cover and contents; ``pages`` maps anchors (meeting-<pk>, directive-table) to page numbers.

        Without ``pages`` every entry gets a placeholder as wide as a real number, to count the
        pages the front takes.
        """

        def number(anchor: str) -> str:
            value = str(pages[anchor]) if pages else "888"
            return thai.thai_digits(value) if self.options.thai_digits else value

        first, last = thai.fiscal_year_bounds(self.year)
        context = {
            **_document_context(self.options, book_title(self.year)),
            "year": self.year,
            "first_day": first,
            "last_day": last,
            "meetings": [(meeting, number(f"meeting-{meeting.pk}")) for meeting in self.meetings],
            "table_page": number("directive-table"),
            "directives": self.directives,
        }
        return _finish(_render("reports/pdf/fiscal_year_front.html", context), self.options)

    def body_css(self, first_page: int) -> str:
        """Page numbers of the body start at ``first_page``."""
        return f"@page :first {{ counter-reset: page {first_page}; }}"

    def body_part(self, first: int, last: int, *, table: bool) -> str:
        """The body with only meetings ``first`` to ``last - 1`` and, if ``table``, the directive table.

        Every meeting starts a page and the table starts a landscape page, so a part lays out into
        exactly the pages the same meetings take in the whole body (reports/book.py).
        """
        return _book_body(
            self.year, self.meetings[first:last], self.sections[first:last], self.directives, self.options, table=table
        )

    def page_numbers(self, first_page: int, wide: list[bool]) -> str:
        """Pages that carry only the page number, one per body page (``wide``: landscape ones)."""
        context = {**_document_context(self.options, book_title(self.year)), "wide": wide, "first_page": first_page}
        return _render("reports/pdf/page_numbers.html", context)


def render_fiscal_year_html(
    year: int,
    meetings: list[Meeting],
    options: PrintOptions,
    progress: Callable[[int, int], None] | None = None,
) -> BookHtml:
    """The print HTML of the fiscal-year book: cover, contents, every meeting's minutes, the directives.

    Each meeting's minutes are rendered on their own so that ``progress(done, total)`` can be reported.
    """
    sections = []
    for index, meeting in enumerate(meetings, start=1):
        sections.append(mark_safe(_render("reports/pdf/_minutes.html", minutes_context(meeting))))  # noqa: S308
        if progress:
            progress(index, len(meetings))
    directives = [directive for meeting in meetings for directive in meeting.directives.all()]
    body = _book_body(year, meetings, sections, directives, options, table=True)
    return BookHtml(year=year, meetings=meetings, directives=directives, body=body, options=options, sections=sections)


def _book_body(
    year: int,
    meetings: list[Meeting],
    sections: list[str],
    directives: list[Directive],
    options: PrintOptions,
    *,
    table: bool,
) -> str:
    context = {
        **_document_context(options, book_title(year)),
        "year": year,
        "meetings": list(zip(meetings, sections, strict=True)),
        "directives": directives,
        "table": table,
    }
    return _finish(_render("reports/pdf/fiscal_year_body.html", context), options)


def book_metadata(year: int) -> dict[str, object]:
    return {
        "title": book_title(year),
        "author": settings.PORTAL_OFFICE_NAME,
        "subject": f"รายงานการประชุมที่เผยแพร่แล้ว และข้อสั่งการ ประจำปีงบประมาณ พ.ศ. {year}",
        "keywords": ["รายงานการประชุม", f"ปีงบประมาณ {year}", settings.PORTAL_OFFICE_SHORT_NAME],
        "language": "th",
    }
