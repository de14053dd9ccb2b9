"""Keeping the search index current: one document per meeting and directive, in the database's own
full-text engine (engine.py).

A document holds the record's words (words.py): a meeting's title apart, everything else it is found by
in its body. The document of a record is rewritten once per transaction, after it commits, however many
of the record's rows a save touched (see `schedule`); `manage.py reindex` rewrites them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from directives.models import Directive
from meetings.models import Attendance, Meeting

from . import engine
from .engine import Document
from .models import Kind
from .words import stream

Parts = tuple[list[str], list[str]]  # the texts of the title, the texts of the body


# --- What each record is found by -------------------------------------------------------------------
def meeting_parts(
    meeting: Meeting,
    attendances: Iterable[Attendance] | None = None,
    programs: Iterable[Any] | None = None,
    agenda_items: Iterable[Any] | None = None,
) -> Parts:
    """The meeting's searchable texts: its title, and its body. Expects chair, attendances, agenda, programs.

    The related records default to the meeting's (prefetched) ones; seed_bench passes the ones it has just
    bulk-written, so its documents are the ones a save would write.
    """
    body = [meeting.venue]
    if meeting.chair_id:
        body.append(_person_text(meeting.chair))
    for attendance in meeting.attendances.all() if attendances is None else attendances:
        body.append(_person_text(attendance.person) if attendance.person_id else attendance.group_name)
    body += [program.name for program in (meeting.programs.all() if programs is None else programs)]
    for item in meeting.agenda_items.all() if agenda_items is None else agenda_items:
        body += [item.heading, item.discussion, item.resolution]
    body += [meeting.summary, meeting.objective, meeting.target_group]
    return [meeting.title], body


def directive_parts(directive: Directive, programs: Iterable[Any] | None = None) -> Parts:
    """The directive's searchable texts (no title). Expects issued_by and programs (or `programs` given)."""
    body = [directive.text]
    if directive.issued_by_id:
        body.append(_person_text(directive.issued_by))
    programs = directive.programs.all() if programs is None else programs
    body += [program.name for program in programs]
    return [], body


def record_day(meeting: Meeting) -> dt.date:
    """The date results sort by: the meeting's date in the portal's time zone (Asia/Bangkok).

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


def document(kind: int, object_id: int, meeting: Meeting, parts: Parts) -> Document:
    """The document of a meeting, or of one of its directives: the meeting gives the date and who may read it."""
    title, body = parts
    return Document(
        kind=kind,
        object_id=object_id,
        day=record_day(meeting),
        status=meeting.status,
        organizer_id=meeting.organizer_id,
        title=stream(title),
        body=stream(body),
    )


# --- Keeping the index current ----------------------------------------------------------------------
def remove(kind: int, ids: Iterable[int]) -> None:
    """Delete the documents of these records."""
    engine.remove([engine.document_id(kind, pk) for pk in ids])


@transaction.atomic
def index_meetings(ids: Iterable[int]) -> None:
    """Rewrite the documents of these meetings (deleted meetings lose theirs)."""
    ids = list(ids)
    remove(Kind.MEETING, ids)
    engine.write(
        document(Kind.MEETING, meeting.pk, meeting, meeting_parts(meeting))
        for meeting in meetings_for_index().filter(pk__in=ids)
    )


@transaction.atomic
def index_directives(ids: Iterable[int]) -> None:
    """Rewrite the documents of these directives (deleted directives lose theirs)."""
    ids = list(ids)
    remove(Kind.DIRECTIVE, ids)
    engine.write(
        document(Kind.DIRECTIVE, directive.pk, directive.meeting, directive_parts(directive))
        for directive in directives_for_index().filter(pk__in=ids)
    )


# --- After each transaction: the records it touched, rewritten once ---------------------------------------
def _pending() -> dict[int, set[int]]:
    """The records waiting to be re-indexed when this connection's transaction commits."""
    return connection.__dict__.setdefault("_search_pending", {Kind.MEETING: set(), Kind.DIRECTIVE: set()})


def schedule(kind: int, ids: Iterable[int]) -> None:
    """Re-index these records once, after the current transaction commits (at once outside a transaction).

    Saving a meeting through its form writes the meeting and dozens of attendance, agenda and directive rows;
    each row's signal only adds the record here, and one flush rewrites each record's document once. A rolled-back
    transaction drops the flush (Django discards its on_commit callbacks); records it left here are re-indexed
    by the next flush, which reads them as they are.
    """
    pending = _pending()
    pending[kind].update(pk for pk in ids if pk is not None)
    if not any(callback is flush for _savepoints, callback, _robust in connection.run_on_commit):
        transaction.on_commit(flush)


def flush() -> None:
    """Rewrite the documents of every record scheduled since the last flush."""
    pending = _pending()
    meetings, directives = set(pending[Kind.MEETING]), set(pending[Kind.DIRECTIVE])
    pending[Kind.MEETING].clear()
    pending[Kind.DIRECTIVE].clear()
    if meetings:
        index_meetings(meetings)
        # A directive's document carries its meeting's date and status (sorting, who may read it).
        directives |= set(Directive.objects.filter(meeting__in=meetings).values_list("pk", flat=True))
    if directives:
        index_directives(directives)


# --- Signals: what a save touched ---------------------------------------------------------------------
def _meeting_saved(sender: type, instance: Meeting, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        schedule(Kind.MEETING, [instance.pk])


def _meeting_part_changed(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        schedule(Kind.MEETING, [instance.meeting_id])


def _directive_saved(sender: type, instance: Directive, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        schedule(Kind.DIRECTIVE, [instance.pk])


def _record_deleted(kind: int) -> Any:
    def receiver(sender: type, instance: Any, **kwargs: Any) -> None:
        schedule(kind, [instance.pk])  # a record that is gone loses its document

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
    schedule(Kind.MEETING, meetings.values_list("pk", flat=True))
    schedule(Kind.DIRECTIVE, directives.values_list("pk", flat=True))


def connect_signals() -> None:
    """Called from SearchConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from meetings.models import AgendaItem, Person
    from programs.models import Program

    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="search-meeting-saved")
    post_delete.connect(
        _record_deleted(Kind.MEETING), sender=Meeting, weak=False, dispatch_uid="search-meeting-deleted"
    )
    for model in (Attendance, AgendaItem):
        post_save.connect(_meeting_part_changed, sender=model, dispatch_uid=f"search-{model.__name__}-saved")
        post_delete.connect(_meeting_part_changed, sender=model, dispatch_uid=f"search-{model.__name__}-deleted")
    post_save.connect(_directive_saved, sender=Directive, dispatch_uid="search-directive-saved")
    post_delete.connect(
        _record_deleted(Kind.DIRECTIVE),
        sender=Directive,
        weak=False,
        dispatch_uid="search-directive-deleted",
    )
    m2m_changed.connect(
        _m2m_changed(Kind.MEETING),
        sender=Meeting.programs.through,
        weak=False,
        dispatch_uid="search-meeting-programs",
    )
    # Responsible offices are not searched (every directive names one), so only programs re-index.
    m2m_changed.connect(
        _m2m_changed(Kind.DIRECTIVE),
        sender=Directive.programs.through,
        weak=False,
        dispatch_uid="search-directive-programs",
    )
    for model in (Person, Program):
        post_save.connect(_reference_saved, sender=model, dispatch_uid=f"search-{model.__name__}-renamed")
