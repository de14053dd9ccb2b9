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
from django.db.models import BooleanField, Exists, OuterRef, Q
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


class Results:
    """What the search page pages through: every record holding the words that the reader may open, in rank
    order (phrase and title first, then the newest), with their exact count.

    A slice is read tier by tier (score 3, 2, 1, 0), each tier newest first with LIMIT/OFFSET, so the first
    page reads about 20 documents of the best tier rather than sorting every match; a later page counts the
    tiers before it. Who may read what comes from the policy (readable_meetings / readable_directives),
    tested in the same statement.
    """

    def __init__(self, query: str, user: Any) -> None:
        self.words = query_words(query)
        self._count: int | None = None
        if not self.words:
            self._tiers: list[tuple[int, Any]] = []
            return
        found = engine.conditions(self.words, query_phrase(words_of(query)))
        base = SearchDocument.objects.filter(_condition(found.every)).filter(_readable(user))
        title = _condition(found.title)
        if found.phrase is None:  # every record found holds the (one-word) phrase
            tiers = [(3, title), (2, ~title)]
        else:
            phrase = _condition(found.phrase)
            tiers = [(3, phrase & title), (2, phrase & ~title), (1, ~phrase & title), (0, ~phrase & ~title)]
        self._tiers = [(score, base.filter(test).order_by("-day", "kind", "-object_id")) for score, test in tiers]
        self._base = base

    def count(self) -> int:
        if self._count is None:
            self._count = self._base.count() if self._tiers else 0
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Hit]:
        skip = index.start or 0
        wanted = None if index.stop is None else max(0, index.stop - skip)
        hits: list[Hit] = []
        for score, documents in self._tiers:
            if wanted is not None and len(hits) >= wanted:
                break
            if skip:
                # A later page: whole tiers before it are counted and skipped.
                size = documents.count()
                if size <= skip:
                    skip -= size
                    continue
            rows = documents.values_list("kind", "object_id")
            rows = rows[skip : skip + wanted - len(hits)] if wanted is not None else rows[skip:]
            hits += [Hit(kind=kind, object_id=object_id, score=score) for kind, object_id in rows]
            skip = 0
        return hits


def _condition(test: tuple[str, list[Any]]) -> Q:
    sql, params = test
    return Q(RawSQL(sql, params, output_field=BooleanField()))


def _readable(user: Any) -> Q:
    """The documents of the records this person may open, as the policy says (tested per document found)."""
    meetings, directives = policy.readable_meetings(user), policy.readable_directives(user)
    readable = Q()
    for kind, records in [(Kind.MEETING, meetings), (Kind.DIRECTIVE, directives)]:
        if not records.query.where:
            readable |= Q(kind=kind)  # the policy leaves every record of this kind readable: nothing to test
        else:
            readable |= Q(Exists(records.filter(pk=OuterRef("object_id"))), kind=kind)
    return readable


def matching_ids(query: str, kind: int) -> RawSQL | list[int]:
    """Ids of one kind of record holding every word of the query, as a subquery for `pk__in` (the API and
    the directive list filter with it and sort on their own): however many match, no list of ids is sent."""
    words = query_words(query)
    if not words:
        return []
    return RawSQL(*engine.matching_sql(words, kind))


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
