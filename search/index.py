"""Thai search across meetings and directives: the word index, the query and the highlighted snippets.

Thai is written without spaces between words, so text is split into words with pythainlp (through
lamphun_portal/lib/thai.py). Each meeting and directive keeps one SearchToken row per word it contains,
with a weight (a word in a title counts more than one in the narrative). Compounds also hold the
dictionary words written inside them, so `ชุมชน` finds `กรมการพัฒนาชุมชน`; the query is split the same
way, so `โคกหนองนา` and `โคก หนอง นา` are the same three words.

A query word is answered from the B-tree on (word, weight, day): the rarest query word's best postings
(at most CANDIDATE_WINDOW of them) are the candidates, and the other words are looked up for those
candidates only. The cost therefore does not grow with the number of meetings; when the rarest word has
more postings than the window, the result says so (`complete` is False) and shows the best-ranked ones.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db import connection, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from directives.models import Directive
from lamphun_portal import policy
from lamphun_portal.lib import thai
from meetings.models import Attendance, Meeting
from search.models import SearchToken

CANDIDATE_WINDOW = 1000
# Queries of up to this many words besides the rarest join a row per word; longer ones group instead
# (each join adds to PostgreSQL's planning time: 1 ms with 4, 7 ms with 6, over 100 ms with 9).
MAX_JOINED_WORDS = 4
MAX_WORD_LENGTH = 64
# How much a word counts in each part of a record; a word found only inside a compound counts half.
WEIGHT_TITLE = 8
WEIGHT_NAME = 6
WEIGHT_PLACE = 4
WEIGHT_TEXT = 3
WEIGHT_CONTEXT = 2
WEIGHT_BODY = 1
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


def weighted_words(parts: Iterable[tuple[str, int]]) -> dict[str, int]:
    """word -> weight for a record whose text parts each carry a weight."""
    weights: dict[str, int] = defaultdict(int)
    for text, weight in parts:
        for word, inner_words in _words_and_parts(text or ""):
            weights[word] += weight
            for inner in inner_words:
                weights[inner] += max(1, weight // 2)
    return dict(weights)


# --- What each record is found by -------------------------------------------------------------------
def meeting_parts(
    meeting: Meeting,
    attendances: Iterable[Attendance] | None = None,
    programs: Iterable[Any] | None = None,
    agenda_items: Iterable[Any] | None = None,
) -> list[tuple[str, int]]:
    """The meeting's searchable text, with weights. Expects chair, organizer, attendances, agenda, programs.

    The related records default to the meeting's (prefetched) ones; seed_bench passes the ones it has just
    bulk-written, so its rows are the ones a save would write.
    """
    parts = [(meeting.title, WEIGHT_TITLE), (meeting.venue, WEIGHT_PLACE)]
    if meeting.chair_id:
        parts.append((_person_text(meeting.chair), WEIGHT_NAME))
    for attendance in meeting.attendances.all() if attendances is None else attendances:
        parts.append((_person_text(attendance.person) if attendance.person_id else attendance.group_name, WEIGHT_BODY))
    parts += [(program.name, WEIGHT_CONTEXT) for program in (meeting.programs.all() if programs is None else programs)]
    for item in meeting.agenda_items.all() if agenda_items is None else agenda_items:
        parts += [(item.heading, WEIGHT_CONTEXT), (item.discussion, WEIGHT_BODY), (item.resolution, WEIGHT_BODY)]
    parts += [(meeting.summary, WEIGHT_BODY), (meeting.objective, WEIGHT_BODY), (meeting.target_group, WEIGHT_BODY)]
    return parts


def directive_parts(directive: Directive, programs: Iterable[Any] | None = None) -> list[tuple[str, int]]:
    """The directive's searchable text, with weights. Expects issued_by and programs (or `programs` given)."""
    parts = [(directive.text, WEIGHT_TEXT)]
    if directive.issued_by_id:
        parts.append((_person_text(directive.issued_by), WEIGHT_NAME))
    programs = directive.programs.all() if programs is None else programs
    parts += [(program.name, WEIGHT_CONTEXT) for program in programs]
    return parts


def record_day(meeting: Meeting) -> dt.date:
    """The date index rows rank by: the meeting's date in the portal's time zone (Asia/Bangkok).

    Local, not UTC, so a meeting saved with a local start time and one read back from the database
    (in UTC) give the same day.
    """
    return timezone.localdate(meeting.starts_at)


def _person_text(person: object) -> str:
    # First name and surname on their own as well as with the title, so `ธนากร` is a word of its own.
    return f"{person.first_name} {person.last_name} {person.title}{person.first_name}"


def meetings_for_index() -> object:
    """Meetings with everything meeting_parts reads, in a fixed number of queries."""
    return Meeting.objects.select_related("organizer", "chair").prefetch_related(
        Prefetch("attendances", Attendance.objects.select_related("person")), "programs", "agenda_items"
    )


def directives_for_index() -> object:
    """Directives with everything directive_parts reads, in a fixed number of queries."""
    return Directive.objects.select_related("issued_by", "meeting").prefetch_related("programs", "responsible_offices")


TokenRow = tuple[str, int, int, int, object]  # word, kind, object_id, weight, day


def token_rows(kind: int, object_id: int, day: object, parts: list[tuple[str, int]]) -> list[TokenRow]:
    # Plain tuples, not model instances: reindexing 500,000 directives writes tens of millions of rows.
    return [(word, kind, object_id, weight, day) for word, weight in weighted_words(parts).items()]


# --- Keeping the index current ----------------------------------------------------------------------
@transaction.atomic
def index_meetings(ids: Iterable[int]) -> None:
    """Rewrite the index rows of these meetings (deleted meetings lose theirs)."""
    ids = list(ids)
    SearchToken.objects.filter(kind=SearchToken.Kind.MEETING, object_id__in=ids).delete()
    rows = []
    for meeting in meetings_for_index().filter(pk__in=ids):
        rows += token_rows(SearchToken.Kind.MEETING, meeting.pk, record_day(meeting), meeting_parts(meeting))
    write_rows(rows)


@transaction.atomic
def index_directives(ids: Iterable[int]) -> None:
    """Rewrite the index rows of these directives (deleted directives lose theirs)."""
    ids = list(ids)
    SearchToken.objects.filter(kind=SearchToken.Kind.DIRECTIVE, object_id__in=ids).delete()
    rows = []
    for directive in directives_for_index().filter(pk__in=ids):
        day = record_day(directive.meeting)
        rows += token_rows(SearchToken.Kind.DIRECTIVE, directive.pk, day, directive_parts(directive))
    write_rows(rows)


def write_rows(rows: list[TokenRow]) -> None:
    """Insert index rows: PostgreSQL's COPY where available, else one executemany."""
    table = SearchToken._meta.db_table
    columns = "word, kind, object_id, weight, day"
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s)", rows)
            return
        # Words never hold whitespace (they come from the tokeniser); backslash is COPY's escape character.
        lines = "".join(
            f"{word.replace(chr(92), chr(92) * 2)}\t{kind}\t{object_id}\t{weight}\t{day}\n"
            for word, kind, object_id, weight, day in rows
        )
        cursor.connection.cursor().copy_expert(f"COPY {table} ({columns}) FROM STDIN", io.StringIO(lines))


def forget(kind: int, ids: Iterable[int]) -> None:
    SearchToken.objects.filter(kind=kind, object_id__in=list(ids)).delete()


# --- Querying ----------------------------------------------------------------------------------------
def query_words(query: str) -> list[str]:
    """The distinct words of a query, in the order typed."""
    return list(dict.fromkeys(words_of(query)))


@dataclass
class Hit:
    kind: int
    object_id: int
    score: int
    record: Meeting | Directive | None = None
    snippet: SafeString = field(default_factory=lambda: mark_safe(""))

    @property
    def is_meeting(self) -> bool:
        return self.kind == SearchToken.Kind.MEETING


@dataclass
class Ranking:
    words: list[str]
    hits: list[Hit]
    # False when the rarest word had more postings than CANDIDATE_WINDOW: the best-ranked ones are shown.
    complete: bool = True


def _kind_filter(kinds: tuple[int, ...]) -> tuple[str, list[int]]:
    # Both kinds (the search box): no filter, so counting a word's postings reads the word index alone.
    if set(kinds) >= set(SearchToken.Kind.values):
        return "", []
    return f" AND kind IN ({', '.join(['%s'] * len(kinds))})", list(kinds)


def _postings_count(word: str, kinds: tuple[int, ...], cap: int) -> int:
    table = SearchToken._meta.db_table
    kind_sql, kind_params = _kind_filter(kinds)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE word = %s{kind_sql} LIMIT %s) AS p",
            [word, *kind_params, cap],
        )
        return cursor.fetchone()[0]


def rank(query: str, kinds: Iterable[int] = tuple(SearchToken.Kind.values)) -> Ranking:
    """Records holding every word of the query, best first (weight, then the newest meeting date)."""
    words = query_words(query)
    kinds = tuple(kinds)
    if not words:
        return Ranking(words=[], hits=[])
    counts = {word: _postings_count(word, kinds, CANDIDATE_WINDOW + 1) for word in words}
    rarest = min(words, key=lambda word: counts[word])
    if counts[rarest] == 0:
        return Ranking(words=words, hits=[])
    others = sorted((word for word in words if word != rarest), key=lambda word: counts[word])
    sql, params = (_joined_sql if len(others) <= MAX_JOINED_WORDS else _grouped_sql)(rarest, others, kinds)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    hits = [Hit(kind=kind, object_id=object_id, score=score) for kind, object_id, score, _ in rows]
    return Ranking(words=words, hits=hits, complete=counts[rarest] <= CANDIDATE_WINDOW)


# Each word counts at most as much as a title word, so one word repeated everywhere (หนอง in
# เวียงหนองล่อง) does not outrank a record holding every word of the query in its title.
def _capped(column: str) -> str:
    return f"CASE WHEN {column} > {WEIGHT_TITLE} THEN {WEIGHT_TITLE} ELSE {column} END"


def _candidates_sql(kinds: tuple[int, ...]) -> tuple[str, list[Any]]:
    """The rarest word's best postings: an index range scan on (word, weight, day), at most the window."""
    kind_sql, kind_params = _kind_filter(kinds)
    return (
        f"SELECT kind, object_id, weight, day FROM {SearchToken._meta.db_table} WHERE word = %s{kind_sql} "
        "ORDER BY weight DESC, day DESC LIMIT %s",
        kind_params,
    )


def _joined_sql(rarest: str, others: list[str], kinds: tuple[int, ...]) -> tuple[str, list[Any]]:
    """Each candidate joined with its row for each other word, most selective first.

    One index probe on (kind, object_id, word) per candidate for the next word only, and later words
    only for the candidates still in: far fewer probes than looking up every word for every candidate.
    All rows of a record carry the same day (the index writes and updates them together).
    """
    table = SearchToken._meta.db_table
    candidates, kind_params = _candidates_sql(kinds)
    joins = "".join(
        f" JOIN {table} t{i} ON t{i}.kind = c.kind AND t{i}.object_id = c.object_id AND t{i}.word = %s"
        for i in range(len(others))
    )
    score = " + ".join([_capped("c.weight"), *(_capped(f"t{i}.weight") for i in range(len(others)))])
    sql = (
        f"SELECT c.kind, c.object_id, {score} AS score, c.day FROM ({candidates}) c{joins} "
        "ORDER BY score DESC, c.day DESC, c.kind, c.object_id DESC"
    )
    return sql, [rarest, *kind_params, CANDIDATE_WINDOW, *others]


def _grouped_sql(rarest: str, others: list[str], kinds: tuple[int, ...]) -> tuple[str, list[Any]]:
    """The same answer for a query of many words (a join per word would pass SQLite's 64-table limit)."""
    table = SearchToken._meta.db_table
    candidates, kind_params = _candidates_sql(kinds)
    words = [rarest, *others]
    sql = (
        f"SELECT t.kind, t.object_id, SUM({_capped('t.weight')}) AS score, MAX(t.day) AS day FROM {table} t "
        f"JOIN ({candidates}) c ON c.kind = t.kind AND c.object_id = t.object_id "
        f"WHERE t.word IN ({', '.join(['%s'] * len(words))}) GROUP BY t.kind, t.object_id HAVING COUNT(*) = %s "
        "ORDER BY score DESC, day DESC, t.kind, t.object_id DESC"
    )
    return sql, [rarest, *kind_params, CANDIDATE_WINDOW, *words, len(words)]


def ranked_ids(query: str, kind: int) -> list[int]:
    """Ids of one kind of record matching the query, best first (for the API and the list filters)."""
    return [hit.object_id for hit in rank(query, kinds=(kind,)).hits]


def readable_hits(hits: list[Hit], user: Any) -> list[Hit]:
    """The hits this person may open (lamphun_portal/policy.py), in the same order: two queries."""
    meeting_ids = [hit.object_id for hit in hits if hit.kind == SearchToken.Kind.MEETING]
    directive_ids = [hit.object_id for hit in hits if hit.kind == SearchToken.Kind.DIRECTIVE]
    readable = {
        SearchToken.Kind.MEETING: set(
            policy.readable_meetings(user).filter(pk__in=meeting_ids).values_list("pk", flat=True)
        )
        if meeting_ids
        else set(),
        SearchToken.Kind.DIRECTIVE: set(
            policy.readable_directives(user).filter(pk__in=directive_ids).values_list("pk", flat=True)
        )
        if directive_ids
        else set(),
    }
    return [hit for hit in hits if hit.object_id in readable[hit.kind]]


def attach_records(hits: list[Hit], words: list[str]) -> None:
    """Load the page's meetings and directives (two queries) and give each hit its highlighted snippet."""
    meeting_ids = [hit.object_id for hit in hits if hit.kind == SearchToken.Kind.MEETING]
    directive_ids = [hit.object_id for hit in hits if hit.kind == SearchToken.Kind.DIRECTIVE]
    meetings = Meeting.objects.select_related("organizer", "chair").in_bulk(meeting_ids) if meeting_ids else {}
    directives = (
        Directive.objects.select_related("meeting", "issued_by").in_bulk(directive_ids) if directive_ids else {}
    )
    for hit in hits:
        if hit.is_meeting:
            hit.record = meetings.get(hit.object_id)
            if hit.record:
                hit.snippet = snippet(_best_text(words, [hit.record.summary, hit.record.venue]), words)
        else:
            hit.record = directives.get(hit.object_id)
            if hit.record:
                hit.snippet = snippet(hit.record.text, words)


def _best_text(words: list[str], texts: list[str]) -> str:
    for text in texts:
        if any(_matches(normalize(token), words) for token in thai.words(normalize(text or ""))):
            return text
    return texts[0] or ""


# --- Highlighting ---------------------------------------------------------------------------------
def _matches(token: str, words: list[str]) -> bool:
    return token in words or any(word in thai.dictionary_words_in(token) for word in words)


def highlight(text: str, words: list[str]) -> SafeString:
    """The text, HTML-escaped, with each word that the query matched in <mark>."""
    out = []
    for token in thai.words_with_spaces(text or ""):
        escaped = html.escape(token)
        out.append(f"<mark>{escaped}</mark>" if _matches(normalize(token), words) else escaped)
    return mark_safe("".join(out))  # noqa: S308 -- every piece is escaped above


def snippet(text: str, words: list[str], before: int = 60, length: int = 240) -> SafeString:
    """A piece of the text around the first matched word, highlighted."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return highlight(text, words)
    position = 0
    offset = 0
    for token in thai.words_with_spaces(text):
        if _matches(normalize(token), words):
            position = offset
            break
        offset += len(token)
    start = max(0, position - before)
    # Start and end on a space where there is one near, so no word is cut in half.
    if start:
        space = text.rfind(" ", 0, start + 20)
        start = space + 1 if space > start - 40 else start
    end = min(len(text), start + length)
    piece = highlight(text[start:end], words)
    return mark_safe(("… " if start else "") + piece + (" …" if end < len(text) else ""))  # noqa: S308


# --- Signals: the index follows every save ---------------------------------------------------------
def _meeting_saved(sender: type, instance: Meeting, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    index_meetings([instance.pk])
    # Directives rank newer meetings first: their rows carry the meeting's date.
    SearchToken.objects.filter(kind=SearchToken.Kind.DIRECTIVE, object_id__in=instance.directives.values("pk")).update(
        day=record_day(instance)
    )


def _meeting_part_changed(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index_meetings([instance.meeting_id])


def _directive_saved(sender: type, instance: Directive, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index_directives([instance.pk])


def _record_deleted(kind: int) -> Any:
    def receiver(sender: type, instance: Any, **kwargs: Any) -> None:
        forget(kind, [instance.pk])

    return receiver


def _m2m_changed(kind: int) -> Any:
    def receiver(sender: type, instance: Any, action: str, reverse: bool, pk_set: set | None, **kwargs: Any) -> None:
        if action not in {"post_add", "post_remove", "post_clear"}:
            return
        reindex = index_meetings if kind == SearchToken.Kind.MEETING else index_directives
        if not reverse:
            reindex([instance.pk])
        elif pk_set:
            reindex(pk_set)

    return receiver


_NAME_FIELDS = {"title", "first_name", "last_name", "name"}


def _reference_saved(
    sender: type, instance: Any, created: bool = False, raw: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    """A renamed person or program: re-index the records that show the name."""
    if raw or created or (update_fields is not None and not _NAME_FIELDS & set(update_fields)):
        return
    from meetings.models import Person

    if isinstance(instance, Person):
        meetings = Meeting.objects.filter(Q(chair=instance) | Q(attendances__person=instance))
        directives = Directive.objects.filter(issued_by=instance)
    else:
        meetings, directives = instance.meeting_set.all(), instance.directives.all()
    index_meetings(set(meetings.values_list("pk", flat=True)))
    index_directives(set(directives.values_list("pk", flat=True)))


def connect_signals() -> None:
    """Called from MeetingsConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from meetings.models import AgendaItem, Person
    from programs.models import Program

    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="search-meeting-saved")
    post_delete.connect(
        _record_deleted(SearchToken.Kind.MEETING), sender=Meeting, weak=False, dispatch_uid="search-meeting-deleted"
    )
    for model in (Attendance, AgendaItem):
        post_save.connect(_meeting_part_changed, sender=model, dispatch_uid=f"search-{model.__name__}-saved")
        post_delete.connect(_meeting_part_changed, sender=model, dispatch_uid=f"search-{model.__name__}-deleted")
    post_save.connect(_directive_saved, sender=Directive, dispatch_uid="search-directive-saved")
    post_delete.connect(
        _record_deleted(SearchToken.Kind.DIRECTIVE),
        sender=Directive,
        weak=False,
        dispatch_uid="search-directive-deleted",
    )
    m2m_changed.connect(
        _m2m_changed(SearchToken.Kind.MEETING),
        sender=Meeting.programs.through,
        weak=False,
        dispatch_uid="search-meeting-programs",
    )
    # Responsible offices are not searched (every directive names one), so only programs re-index.
    m2m_changed.connect(
        _m2m_changed(SearchToken.Kind.DIRECTIVE),
        sender=Directive.programs.through,
        weak=False,
        dispatch_uid="search-directive-programs",
    )
    for model in (Person, Program):
        post_save.connect(_reference_saved, sender=model, dispatch_uid=f"search-{model.__name__}-renamed")
