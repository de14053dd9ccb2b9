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
    rows = _ranked(query, words, narrow).values_list("kind", "object_id", "score")
    return _fetch(rows)


def _ranked(
    query: str, words: list[str], narrow: Callable[[QuerySet[SearchDocument]], QuerySet[SearchDocument]]
) -> QuerySet[SearchDocument]:
    """The documents holding every word (and kept by `narrow`) with their score, best first."""
    found = engine.conditions(words, query_phrase(words_of(query)))
    # Only a meeting has a title: the test is not run on directives, whose words it would read for nothing.
    title = Case(When(Q(kind=Kind.MEETING) & _condition(found.title), then=Value(1)), default=Value(0))
    phrase = Value(2) if found.phrase is None else Case(When(_condition(found.phrase), then=Value(2)), default=Value(0))
    return (
        narrow(SearchDocument.objects.filter(_condition(found.every)))
        .annotate(score=phrase + title)
        .order_by("-score", "-day", "kind", "-object_id")
    )


def _fetch(rows: QuerySet[Any]) -> list[tuple[Any, ...]]:
    # Plain rows straight from the cursor: there may be tens of thousands, and only a page becomes Hits.
    with connection.cursor() as cursor:
        cursor.execute(*rows.query.sql_with_params())
        return cursor.fetchall()


class Results:
    """What the search page pages through: every record holding the words that the reader may open, in rank
    order (phrase and title first, then the newest), with their exact count.

    One statement gives a slice of them with their score and the count of all of them (a window count over
    the same match, so the database finds them once): only that slice's rows leave the database, and the
    database keeps only the best `stop` of them while sorting. Who may read what is tested in the statement
    on each document found (policy.readable_search_documents); only the page's records are then read
    (attach_records).
    """

    def __init__(self, query: str, user: Any) -> None:
        self.words = query_words(query)
        self._query, self._user = query, user
        self._count: int | None = None
        # The last slice read: (its start, how many were asked for (None: all), its rows).
        self._window: tuple[int, int | None, list[tuple[int, int, int]]] | None = None

    def _documents(self) -> QuerySet[SearchDocument]:
        return _ranked(
            self._query, self.words, lambda documents: policy.readable_search_documents(self._user, documents)
        )

    def prefetch(self, start: int, size: int) -> None:
        """Read the slice a page will show, with the count: the page then costs one statement."""
        if self.words:
            self._rows_between(start, start + size)

    def count(self) -> int:
        if self._count is None:
            self._count = self._documents().order_by().count() if self.words else 0
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Hit]:
        start, stop = index.start or 0, index.stop
        rows = self._rows_between(start, stop) if self.words else []
        return [Hit(kind=kind, object_id=object_id, score=score) for kind, object_id, score in rows]

    def _rows_between(self, start: int, stop: int | None) -> list[tuple[int, int, int]]:
        if self._window is not None:
            window_start, asked, rows = self._window
            at_end = asked is None or len(rows) < asked  # the last slice read ran to the last record
            if window_start <= start and (at_end or (stop is not None and stop <= window_start + len(rows))):
                return rows[start - window_start : None if stop is None else stop - window_start]
        asked = None if stop is None else max(stop - start, 0)
        found = _fetch_slice(self._documents(), start, asked)
        if found:
            self._count = found[0][3]
        rows = [(kind, object_id, score) for kind, object_id, score, _ in found]
        self._window = (start, asked, rows)
        return rows


def _fetch_slice(documents: QuerySet[SearchDocument], start: int, size: int | None) -> list[tuple[int, int, int, int]]:
    """(kind, object_id, score, count of all) of `size` ranked documents from `start` (None: to the end).

    The count is a window over the ranked rows, kept narrow in a subquery: the window then holds four numbers
    a document rather than the document's words (which made PostgreSQL spill them to disk).
    """
    inner, params = documents.order_by().values_list("kind", "object_id", "score", "day").query.sql_with_params()
    postgresql = connection.vendor == "postgresql"
    # OFFSET 0: PostgreSQL computes the score inside the subquery instead of merging it into the window.
    fence = " OFFSET 0" if postgresql else ""
    every = "ALL" if postgresql else "-1"
    sql = (
        f"SELECT found.kind, found.object_id, found.score, COUNT(*) OVER () FROM ({inner}{fence}) found "
        "ORDER BY found.score DESC, found.day DESC, found.kind, found.object_id DESC "
        f"LIMIT {every if size is None else int(size)} OFFSET {int(start)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


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
