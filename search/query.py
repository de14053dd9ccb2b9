"""Answering a search: every record holding every word of a query, best first, and their snippets.

The database's own full-text engine (engine.py) finds the records: a GIN index on PostgreSQL, FTS5 on
SQLite. Every record holding all the words is in the answer, however many there are, and the count is
exact. Records holding the query as a phrase come first, then meetings whose title holds every word, then
the most recent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.utils.safestring import SafeString, mark_safe

from directives.models import Directive
from lamphun_portal import policy
from lamphun_portal.lib import thai
from meetings.models import Meeting

from . import engine
from .highlight import matches, snippet
from .models import Kind
from .words import normalize, query_phrase, query_words, words_of

# The posting table joined one row per query word up to this many words and grouped longer queries; the
# engines match any number of words in one statement, so it changes nothing now (tests still compare the two).
MAX_JOINED_WORDS = 4


@dataclass
class Hit:
    kind: int
    object_id: int
    score: int
    record: Meeting | Directive | None = None
    snippet: SafeString = field(default_factory=lambda: mark_safe(""))

    @property
    def is_meeting(self) -> bool:
        return self.kind == Kind.MEETING


@dataclass
class Ranking:
    words: list[str]
    hits: list[Hit]
    # Every record holding the words is in `hits` (the posting table could only rank a window of them).
    complete: bool = True


def rank(query: str, kinds: Iterable[int] = tuple(Kind.values)) -> Ranking:
    """Every record holding every word of the query, best first: the phrase, a meeting's title, the newest."""
    words = query_words(query)
    if not words:
        return Ranking(words=[], hits=[])
    kinds = tuple(kinds)
    sql, params = engine.ranked_sql(words, query_phrase(words_of(query)), () if set(kinds) >= set(Kind) else kinds)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return Ranking(
        words=words, hits=[Hit(kind=kind, object_id=object_id, score=score) for kind, object_id, score, _ in rows]
    )


def ranked_ids(query: str, kind: int) -> list[int]:
    """Ids of one kind of record matching the query, best first (for the API and the list filters)."""
    return [hit.object_id for hit in rank(query, kinds=(kind,)).hits]


def readable_hits(hits: list[Hit], user: Any) -> list[Hit]:
    """The hits this person may open (lamphun_portal/policy.py), in the same order: two queries."""
    meeting_ids = [hit.object_id for hit in hits if hit.kind == Kind.MEETING]
    directive_ids = [hit.object_id for hit in hits if hit.kind == Kind.DIRECTIVE]
    readable = {
        Kind.MEETING: set(policy.readable_meetings(user).filter(pk__in=meeting_ids).values_list("pk", flat=True))
        if meeting_ids
        else set(),
        Kind.DIRECTIVE: set(policy.readable_directives(user).filter(pk__in=directive_ids).values_list("pk", flat=True))
        if directive_ids
        else set(),
    }
    return [hit for hit in hits if hit.object_id in readable[hit.kind]]


def attach_records(hits: list[Hit], words: list[str]) -> None:
    """Load the page's meetings and directives (two queries) and give each hit its highlighted snippet."""
    meeting_ids = [hit.object_id for hit in hits if hit.kind == Kind.MEETING]
    directive_ids = [hit.object_id for hit in hits if hit.kind == Kind.DIRECTIVE]
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
        if any(matches(normalize(token), words) for token in thai.words(normalize(text or ""))):
            return text
    return texts[0] or ""
