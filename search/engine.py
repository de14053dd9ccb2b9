"""The databases' own full-text engines, fed with the portal's Thai words.

Neither engine can split Thai into words (Thai has no spaces between them), so the portal does it
(words.py) and hands each engine the words already split, one document per record:

- PostgreSQL: `search_document.vector`, a tsvector written as a literal (the words, their positions, title
  words weighted A), with a GIN index. Queries are tsquery literals: `&` for every word, `<->` for the
  phrase, `:A` for the title. Literals, not to_tsvector('simple', ...): PostgreSQL's own parser would
  split Thai words again at their vowel and tone marks.
- SQLite: the FTS5 table `search_document_fts` (columns title and body, the words joined by spaces,
  rowid = the document's id) with the `ascii` tokenizer, which leaves every non-ASCII character inside
  its word, so the Thai words stay as the portal split them.

Both see the same stream of words (words.stream): the title, then the body, each word followed by the
dictionary words inside it. A phrase never runs from the title into the body (a gap of one position on
PostgreSQL, another column on SQLite).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection

# A tsvector keeps at most 256 positions of a word and positions up to 16,383 (PostgreSQL's limits).
MAX_POSITIONS = 256
MAX_POSITION = 16383
TABLE = "search_document"
FTS_TABLE = "search_document_fts"
VECTOR_INDEX = "search_document_vector"
CREATE_VECTOR_INDEX = f"CREATE INDEX IF NOT EXISTS {VECTOR_INDEX} ON {TABLE} USING gin (vector)"


@dataclass(frozen=True)
class Document:
    """A record as the engine indexes it."""

    kind: int
    object_id: int
    day: dt.date
    status: str
    organizer_id: int | None
    title: list[str]
    body: list[str]

    @property
    def id(self) -> int:
        return document_id(self.kind, self.object_id)


def document_id(kind: int, object_id: int) -> int:
    """The document's id: kind and record id in one number, so a record's document is found without a lookup
    (and on SQLite the FTS5 row has the same id)."""
    return object_id * 2 + kind - 1


# --- Creating the engine's tables (migration 0002) -----------------------------------------------------
def create_schema(schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN vector tsvector NOT NULL DEFAULT ''")
        schema_editor.execute(CREATE_VECTOR_INDEX)
        schema_editor.execute(
            # The words of each document, for looking at the index (SearchToken); searching never reads it.
            "CREATE VIEW search_token AS SELECT w.lexeme AS word, d.kind, d.object_id, "
            "CASE WHEN 'A' = ANY(w.weights) THEN 2 ELSE 1 END AS weight, d.day "
            f"FROM {TABLE} d CROSS JOIN LATERAL unnest(d.vector) AS w"
        )
    elif vendor == "sqlite":
        schema_editor.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, body, tokenize='ascii')")
        schema_editor.execute(
            # The words of each document (title and body split at their spaces), for looking at the index.
            "CREATE VIEW search_token AS WITH RECURSIVE split(id, weight, word, rest) AS ("
            f"SELECT rowid, 2, '', title || ' ' FROM {FTS_TABLE} "
            f"UNION ALL SELECT rowid, 1, '', body || ' ' FROM {FTS_TABLE} "
            "UNION ALL SELECT id, weight, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) "
            "FROM split WHERE rest <> '') "
            "SELECT s.word, d.kind, d.object_id, MAX(s.weight) AS weight, d.day "
            f"FROM split s JOIN {TABLE} d ON d.id = s.id WHERE s.word <> '' GROUP BY s.word, d.id"
        )
    else:
        raise NotImplementedError(f"search needs PostgreSQL or SQLite, not {vendor}")


def drop_schema(schema_editor: Any) -> None:
    schema_editor.execute("DROP VIEW IF EXISTS search_token")
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


# --- Writing ----------------------------------------------------------------------------------------
def remove(ids: list[int]) -> None:
    """Delete these documents (by document id)."""
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(batch))
            if connection.vendor == "sqlite":
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", batch)
            cursor.execute(f"DELETE FROM {TABLE} WHERE id IN ({marks})", batch)


def clear() -> None:
    """Delete every document."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
            cursor.execute(f"DELETE FROM {TABLE}")
        else:
            cursor.execute(f"TRUNCATE {TABLE}")


def write(documents: Iterable[Document]) -> None:
    """Insert documents (none of them may exist yet): COPY on PostgreSQL, executemany on SQLite."""
    documents = list(documents)
    if not documents:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            lines = "".join(
                f"{doc.id}\t{doc.kind}\t{doc.object_id}\t{doc.day}\t{doc.status}\t"
                f"{doc.organizer_id if doc.organizer_id is not None else chr(92) + 'N'}\t"
                f"{_copy_escape(vector(doc.title, doc.body))}\n"
                for doc in documents
            )
            cursor.connection.cursor().copy_expert(
                f"COPY {TABLE} (id, kind, object_id, day, status, organizer_id, vector) FROM STDIN",
                io.StringIO(lines),
            )
            return
        cursor.executemany(
            f"INSERT INTO {TABLE} (id, kind, object_id, day, status, organizer_id) VALUES (%s, %s, %s, %s, %s, %s)",
            [(doc.id, doc.kind, doc.object_id, doc.day, doc.status, doc.organizer_id) for doc in documents],
        )
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
            [(doc.id, " ".join(doc.title), " ".join(doc.body)) for doc in documents],
        )


def _copy_escape(text: str) -> str:
    # COPY's text format: backslash is its escape character (the words hold no tab or newline).
    return text.replace("\\", "\\\\")


def _quoted(word: str) -> str:
    """A word as a tsvector / tsquery literal lexeme."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def vector(title: list[str], body: list[str]) -> str:
    """The tsvector literal of a document: each word with its positions, title words weighted A."""
    positions: dict[str, list[str]] = {}
    for number, word in enumerate(title, 1):
        positions.setdefault(word, []).append(f"{number}A")
    # One position left empty between title and body: a phrase does not run from one into the other.
    for number, word in enumerate(body, len(title) + 2):
        positions.setdefault(word, []).append(str(min(number, MAX_POSITION)))
    return " ".join(
        f"{_quoted(word)}:{','.join(dict.fromkeys(places[:MAX_POSITIONS]))}" for word, places in positions.items()
    )


# --- Reading ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Conditions:
    """SQL conditions on the `search_document` table for one query: (sql, params) each."""

    every: tuple[str, list[Any]]  # holds every word
    phrase: tuple[str, list[Any]] | None  # holds the phrase (None: a one-word phrase, the same as `every`)
    title: tuple[str, list[Any]]  # a meeting whose title holds every word


def conditions(words: list[str], phrase: list[str]) -> Conditions:
    if connection.vendor == "postgresql":

        def test(query: str) -> tuple[str, list[Any]]:
            return f"{TABLE}.vector @@ %s::tsquery", [query]

        return Conditions(
            every=test(" & ".join(_quoted(word) for word in words)),
            phrase=test(" <-> ".join(_quoted(word) for word in phrase)) if len(phrase) > 1 else None,
            title=test(" & ".join(f"{_quoted(word)}:A" for word in words)),
        )

    def fts(query: str) -> tuple[str, list[Any]]:
        return f"{TABLE}.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)", [query]

    every = " AND ".join(_fts_string(word) for word in words)
    return Conditions(
        every=fts(every),
        phrase=fts(_fts_string(" ".join(phrase))) if len(phrase) > 1 else None,
        title=fts(f"title : ({every})"),
    )


def matching_sql(words: list[str], kind: int) -> tuple[str, list[Any]]:
    """SQL giving the object_id of every document of this kind holding all the words (for `pk__in`)."""
    if connection.vendor == "postgresql":
        every = " & ".join(_quoted(word) for word in words)
        return f"SELECT d.object_id FROM {TABLE} d WHERE d.vector @@ %s::tsquery AND d.kind = %s", [every, kind]
    every = " AND ".join(_fts_string(word) for word in words)
    return (
        f"SELECT d.object_id FROM {TABLE} d "
        f"WHERE d.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) AND d.kind = %s",
        [every, kind],
    )


def _fts_string(text: str) -> str:
    """An FTS5 string: its words must appear in a row (one word: that word)."""
    return '"' + text.replace('"', '""') + '"'


def size_bytes() -> int:
    """What the index takes on disk: the documents with their words and the engine's index."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size(%s)", [TABLE])
            return cursor.fetchone()[0]
        cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name = %s OR name LIKE %s", [TABLE, f"{FTS_TABLE}%"])
        return cursor.fetchone()[0] or 0
