"""Keeping the search index current: one row per word of each meeting and directive, with its weight.

Each meeting and directive keeps one SearchToken row per word it contains, with a weight (a word in a title
counts more than one in the narrative). The rows of a record are rewritten once per transaction, after it
commits, however many of the record's rows a save touched (see `schedule`); `manage.py reindex` rewrites
them all.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from directives.models import Directive
from meetings.models import Attendance, Meeting

from .models import SearchToken
from .words import weighted_words

# How much a word counts in each part of a record; a word found only inside a compound counts half.
WEIGHT_TITLE = 8
WEIGHT_NAME = 6
WEIGHT_PLACE = 4
WEIGHT_TEXT = 3
WEIGHT_CONTEXT = 2
WEIGHT_BODY = 1


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


# --- After each transaction: the records it touched, rewritten once ---------------------------------------
def _pending() -> dict[int, set[int]]:
    """The records waiting to be re-indexed when this connection's transaction commits."""
    return connection.__dict__.setdefault(
        "_search_pending", {SearchToken.Kind.MEETING: set(), SearchToken.Kind.DIRECTIVE: set()}
    )


def schedule(kind: int, ids: Iterable[int]) -> None:
    """Re-index these records once, after the current transaction commits (at once outside a transaction).

    Saving a meeting through its form writes the meeting and dozens of attendance, agenda and directive rows;
    each row's signal only adds the record here, and one flush rewrites each record's rows once. A rolled-back
    transaction drops the flush (Django discards its on_commit callbacks); records it left here are re-indexed
    by the next flush, which reads them as they are.
    """
    pending = _pending()
    pending[kind].update(pk for pk in ids if pk is not None)
    if not any(callback is flush for _savepoints, callback, _robust in connection.run_on_commit):
        transaction.on_commit(flush)


def flush() -> None:
    """Rewrite the index rows of every record scheduled since the last flush."""
    pending = _pending()
    meetings, directives = set(pending[SearchToken.Kind.MEETING]), set(pending[SearchToken.Kind.DIRECTIVE])
    pending[SearchToken.Kind.MEETING].clear()
    pending[SearchToken.Kind.DIRECTIVE].clear()
    if meetings:
        index_meetings(meetings)
        # Directives rank newer meetings first: their rows carry their meeting's date.
        directives |= set(Directive.objects.filter(meeting__in=meetings).values_list("pk", flat=True))
    if directives:
        index_directives(directives)


# --- Signals: what a save touched ---------------------------------------------------------------------
def _meeting_saved(sender: type, instance: Meeting, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        schedule(SearchToken.Kind.MEETING, [instance.pk])


def _meeting_part_changed(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        schedule(SearchToken.Kind.MEETING, [instance.meeting_id])


def _directive_saved(sender: type, instance: Directive, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        schedule(SearchToken.Kind.DIRECTIVE, [instance.pk])


def _record_deleted(kind: int) -> Any:
    def receiver(sender: type, instance: Any, **kwargs: Any) -> None:
        schedule(kind, [instance.pk])  # a record that is gone loses its rows

    return receiver


def _m2m_changed(kind: int) -> Any:
    def receiver(sender: type, instance: Any, action: str, reverse: bool, pk_set: set | None, **kwargs: Any) -> None:
        if action not in {"post_add", "post_remove", "post_clear"}:
            return
        if not reverse:
            schedule(kind, [instance.pk])
        elif pk_set:
            schedule(kind, pk_set)

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
    schedule(SearchToken.Kind.MEETING, meetings.values_list("pk", flat=True))
    schedule(SearchToken.Kind.DIRECTIVE, directives.values_list("pk", flat=True))


def connect_signals() -> None:
    """Called from SearchConfig.ready()."""
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
