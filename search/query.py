"""Answering a search: the records holding every word of a query, best first, and their snippets.

A query word is answered from the B-tree on (word, weight, day): the rarest query word's best postings
(at most CANDIDATE_WINDOW of them) are the candidates, and the other words are looked up for those
candidates only. The cost therefore does not grow with the number of meetings; when the rarest word has
more postings than the window, the result says so (`complete` is False) and shows the best-ranked ones.
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

from .highlight import matches, snippet
from .index import WEIGHT_TITLE
from .models import SearchToken
from .words import normalize, query_words

CANDIDATE_WINDOW = 1000
# Queries of up to this many words besides the rarest join a row per word; longer ones group instead
# (each join adds to PostgreSQL's planning time: 1 ms with 4, 7 ms with 6, over 100 ms with 9).
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
        if any(matches(normalize(token), words) for token in thai.words(normalize(text or ""))):
            return text
    return texts[0] or ""
