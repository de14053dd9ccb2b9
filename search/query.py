"""Answering a search: every record holding every word of a query, best first, and their snippets.

The database's own full-text engine (engine.py) finds the records: a GIN index on PostgreSQL, FTS5 on
SQLite. Every record holding all the words is in the answer, however many there are, and the count is
exact. Records holding the query as a phrase come first, then meetings whose title holds every word, then
the most recent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

from directives.models import Directive
from lamphun_portal import policy
from lamphun_portal.lib import thai
from meetings.models import Meeting

from . import engine
from .highlight import matches, snippet
from .models import Kind, SearchDocument
from .words import normalize, query_phrase, query_words, words_of

# The posting table joined one row per query word up to this many words and grouped longer queries; the
# engines match any number of words in one statement, so it changes nothing now (tests still compare the two).
MAX_JOINED_WORDS = 4


NO_SNIPPET = mark_safe("")  # one shared empty snippet: the search page makes a Hit for each of its page only


@dataclass
class Hit:
    kind: int
    object_id: int
    score: int
    record: Meeting | Directive | None = None
    snippet: SafeString = NO_SNIPPET

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
    rows = _ranked_rows(query, words, lambda documents: documents.filter(kind__in=kinds))
    return Ranking(
        words=words, hits=[Hit(kind=kind, object_id=object_id, score=score) for kind, object_id, score in rows]
    )


def _ranked_rows(
    query: str, words: list[str], narrow: Callable[[QuerySet[SearchDocument]], QuerySet[SearchDocument]]
) -> list[tuple[int, int, int]]:
    """(kind, object_id, score) of the documents holding every word (and kept by `narrow`), best first.

    score: 2 for the query as a phrase, plus 1 for a meeting whose title holds every word; then the newest.
    """
    found = engine.conditions(words, query_phrase(words_of(query)))
    title = Case(When(_condition(found.title), then=Value(1)), default=Value(0))
    phrase = Value(2) if found.phrase is None else Case(When(_condition(found.phrase), then=Value(2)), default=Value(0))
    rows = (
        narrow(SearchDocument.objects.filter(_condition(found.every)))
        .annotate(score=phrase + title)
        .order_by("-score", "-day", "kind", "-object_id")
        .values_list("kind", "object_id", "score")
    )
    # Plain rows straight from the cursor: there may be tens of thousands, and only a page becomes Hits.
    with connection.cursor() as cursor:
        cursor.execute(*rows.query.sql_with_params())
        return cursor.fetchall()


class Results:
    """What the search page pages through: every record holding the words that the reader may open, in rank
    order (phrase and title first, then the newest), with their exact count.

    One statement finds them with their score, who may read what tested in it on each document found
    (policy.readable_search_documents); only the page's records are then read (attach_records).
    """

    def __init__(self, query: str, user: Any) -> None:
        self.words = query_words(query)
        self._query, self._user = query, user
        self._rows: list[tuple[int, int, int]] | None = None

    @property
    def rows(self) -> list[tuple[int, int, int]]:
        """(kind, object_id, score) of every record found, best first."""
        if self._rows is None:
            self._rows = self._find() if self.words else []
        return self._rows

    def _find(self) -> list[tuple[int, int, int]]:
        return _ranked_rows(
            self._query, self.words, lambda documents: policy.readable_search_documents(self._user, documents)
        )

    def count(self) -> int:
        return len(self.rows)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Hit]:
        return [Hit(kind=kind, object_id=object_id, score=score) for kind, object_id, score in self.rows[index]]


def _condition(test: tuple[str, list[Any]]) -> Q:
    sql, params = test
    return Q(RawSQL(sql, params, output_field=BooleanField()))


def matching_ids(query: str, kind: int) -> RawSQL | list[int]:
    """Ids of one kind of record holding every word of the query, as a subquery for `pk__in` (the API and
    the directive list filter with it and sort on their own): however many match, no list of ids is sent."""
    words = query_words(query)
    if not words:
        return []
    return RawSQL(*engine.matching_sql(words, kind))


def attach_records(hits: list[Hit], words: list[str], user: Any = None) -> None:
    """Load the page's meetings and directives (two queries) and give each hit its highlighted snippet.

    With a user, the records come through the policy's readable querysets as well, so a hit this person may
    not open never shows, whatever the index says.
    """
    meeting_ids = [hit.object_id for hit in hits if hit.kind == Kind.MEETING]
    directive_ids = [hit.object_id for hit in hits if hit.kind == Kind.DIRECTIVE]
    meetings = Meeting.objects.all() if user is None else policy.readable_meetings(user)
    directives = Directive.objects.all() if user is None else policy.readable_directives(user)
    meetings = meetings.select_related("organizer", "chair").in_bulk(meeting_ids) if meeting_ids else {}
    directives = directives.select_related("meeting", "issued_by").in_bulk(directive_ids) if directive_ids else {}
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
