"""History of meetings and directives (django-simple-history): change logs, restoring versions and deleted meetings.

Every save and delete of a meeting, its lifecycle steps, attendance, agenda items, directives and progress
updates leaves a historical row with who and when (HistoryRequestMiddleware supplies the user). Deleting a
meeting through `delete_meeting` stamps all rows removed with it with one batch mark, so
`restore_deleted_meeting` can bring the whole meeting back exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from simple_history.signals import pre_create_historical_record

from directives.models import Directive, DirectiveUpdate
from lamphun_portal.lib import thai
from meetings.models import AgendaItem, Attendance, Meeting, MeetingTransition

# Parents before children: the order rows are put back in.
TRACKED_MODELS: list[type[models.Model]] = [
    Meeting,
    MeetingTransition,
    AgendaItem,
    Attendance,
    Directive,
    DirectiveUpdate,
]
DELETE_REASON_PREFIX = "deleted-with-meeting:"
ACTION_LABELS = {"+": "เพิ่ม", "~": "แก้ไข", "-": "ลบ"}
HIDDEN_FIELDS = {"id", "sort_key", "version", "created_at", "updated_at", "numbering", "number_year", "fiscal_year"}

_deletion_batch: ContextVar[str | None] = ContextVar("meeting_deletion_batch", default=None)


@receiver(pre_create_historical_record)
def _stamp_deletion_batch(sender: type[models.Model], history_instance: Any, **kwargs: Any) -> None:
    """Marks every row deleted together with a meeting, so the meeting can be restored whole."""
    batch = _deletion_batch.get()
    if batch and history_instance.history_type == "-":
        history_instance.history_change_reason = f"{DELETE_REASON_PREFIX}{batch}"


@contextmanager
def _deletion(batch: str) -> Iterator[None]:
    token = _deletion_batch.set(batch)
    try:
        yield
    finally:
        _deletion_batch.reset(token)


# --- writes -----------------------------------------------------------------------------------


@transaction.atomic
def delete_meeting(*, meeting: Meeting, user: AbstractBaseUser | None) -> str:
    """Deletes a meeting with everything recorded under it; returns the batch mark that restores it."""
    batch = uuid.uuid4().hex
    meeting._history_user = user
    with _deletion(batch):
        meeting.delete()
    return batch


@dataclass
class DeletedMeeting:
    batch: str
    record: Any  # the meeting's historical row of type "-"

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def starts_at(self) -> dt.datetime:
        return self.record.starts_at

    @property
    def deleted_at(self) -> dt.datetime:
        return self.record.history_date

    @property
    def deleted_by(self) -> AbstractBaseUser | None:
        return self.record.history_user


def deleted_meetings() -> list[DeletedMeeting]:
    """Meetings deleted through `delete_meeting` and not restored since, newest deletion first."""
    records = (
        Meeting.history.filter(history_type="-", history_change_reason__startswith=DELETE_REASON_PREFIX)
        .select_related("history_user")
        .order_by("-history_date")
    )
    existing = set(Meeting.objects.filter(pk__in=[r.id for r in records]).values_list("pk", flat=True))
    return [
        DeletedMeeting(batch=r.history_change_reason.removeprefix(DELETE_REASON_PREFIX), record=r)
        for r in records
        if r.id not in existing
    ]


def _forget_vanished_links(instance: models.Model) -> None:
    """A link that may be emptied (who certified, who reported) is emptied when its target is gone.

    The account of the person who certified the minutes may have been removed while the meeting was
    deleted; the step still happened, by someone no longer known, as Django records it for a live row.
    """
    for f in instance._meta.concrete_fields:
        if not (f.is_relation and f.remote_field.on_delete is models.SET_NULL):
            continue
        value = getattr(instance, f.attname)
        if value is not None and not f.related_model._base_manager.filter(pk=value).exists():
            setattr(instance, f.attname, None)


def _put_back(record: Any, user: AbstractBaseUser | None) -> models.Model:
    """Writes a historical row back exactly (auto_now dates included) and records the restore."""
    instance = record.instance
    model = type(instance)
    _forget_vanished_links(instance)
    instance.save_base(raw=True)  # raw: keep created_at/updated_at/sort_key exactly as they were
    # Announce it as a normal save so history (and any other listener) sees the row come back.
    instance._history_user = user
    instance._change_reason = _("กู้คืนจากประวัติ")
    using = router.db_for_write(model, instance=instance)
    post_save.send(sender=model, instance=instance, created=True, update_fields=None, raw=False, using=using)
    return instance


def _put_back_m2m(instance: models.Model, record: Any) -> None:
    """Many-to-many links are gone by the time the "-" row is written: take them from the version before."""
    previous = record.prev_record
    if previous is None:
        return
    for m2m in record._history_m2m_fields:
        target = m2m.m2m_reverse_field_name()
        ids = [getattr(row, f"{target}_id") for row in getattr(previous, m2m.name).all()]
        getattr(instance, m2m.name).set(ids)


@transaction.atomic
def restore_deleted_meeting(*, batch: str, user: AbstractBaseUser | None) -> Meeting:
    """Brings back a deleted meeting with its attendance, agenda, directives and progress reports."""
    reason = f"{DELETE_REASON_PREFIX}{batch}"
    meeting_record = Meeting.history.filter(history_type="-", history_change_reason=reason).first()
    if meeting_record is None:
        raise ValidationError(_("ไม่พบการประชุมที่ถูกลบรายการนี้"))
    if Meeting.objects.filter(pk=meeting_record.id).exists():
        raise ValidationError(_("การประชุมนี้ถูกกู้คืนไปแล้ว"))
    for model in TRACKED_MODELS:
        for record in model.history.filter(history_type="-", history_change_reason=reason).order_by("history_id"):
            instance = _put_back(record, user)
            _put_back_m2m(instance, record)
    return Meeting.objects.get(pk=meeting_record.id)


@transaction.atomic
def restore_version(*, record: Any, user: AbstractBaseUser | None) -> models.Model:
    """Makes an earlier version of a meeting or directive the current one (a new version is recorded).

    The wording comes back; the status does not. A meeting's status moves only through its lifecycle
    steps, each recorded with who and when (MeetingTransition): an official who fixes a typo by going
    back to the draft's wording expects published minutes to stay published, and reopened minutes must
    not be published again without anyone certifying them. To change the status, take the step on the
    meeting's page, where it is recorded. A directive's status is likewise its progress reports'.
    """
    instance = record.instance
    model = type(instance)
    current = model._base_manager.select_for_update().filter(pk=instance.pk).first()
    if isinstance(instance, Meeting):
        if current is None:
            raise ValidationError(_("การประชุมนี้ถูกลบแล้ว กู้คืนได้จากหน้า “การประชุมที่ถูกลบ”"))
        instance.status = current.status
        # Forward, never back to the old number: an edit opened before the revert is then refused as stale.
        instance.version = current.version + 1
    elif isinstance(instance, Directive) and current is not None:
        instance.status = current.status
    instance._state.adding = False  # an existing row: keep its created_at
    instance._history_user = user
    instance._change_reason = _("คืนค่าเป็นฉบับวันที่ %(date)s") % {"date": thai.be_date(record.history_date)}
    instance.full_clean(validate_unique=False)
    instance.save()
    for m2m in record._history_m2m_fields:
        target = m2m.m2m_reverse_field_name()
        getattr(instance, m2m.name).set([getattr(row, f"{target}_id") for row in getattr(record, m2m.name).all()])
    return instance


# --- reads ------------------------------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class ChangeEntry:
    record: Any
    model: type[models.Model]
    kind: str  # the model's Thai name
    subject: str
    action: str
    changes: list[FieldChange] = field(default_factory=list)
    revertable: bool = False  # set by the page: an admin may make this version current again

    @property
    def reason(self) -> str:
        """Why the change was made, when someone said so (our internal deletion mark is not a reason)."""
        text = self.record.history_change_reason or ""
        return "" if text.startswith(DELETE_REASON_PREFIX) else text

    @property
    def when(self) -> dt.datetime:
        return self.record.history_date

    @property
    def who(self) -> str:
        user = self.record.history_user
        if user is None:
            return _("ระบบ")
        return user.get_full_name() or user.get_username()


def _subject(model: type[models.Model], record: Any, fmt: _Formatter) -> str:
    if model is Meeting:
        return record.title
    if model is Attendance:
        return record.group_name or fmt.value(Attendance._meta.get_field("person"), record.person_id)
    if model is AgendaItem:
        return f"ระเบียบวาระที่ {record.order} {record.heading}"
    if model is Directive:
        return record.text if len(record.text) <= 80 else f"{record.text[:80]}…"
    return record.note if len(record.note) <= 80 else f"{record.note[:80]}…"


class _Formatter:
    """Turns stored values into what a reader understands: names for ids, Thai labels, Buddhist-era dates."""

    def __init__(self, records: list[Any]) -> None:
        wanted: dict[type[models.Model], set[Any]] = {}
        for record in records:
            for f in record.tracked_fields:
                if f.is_relation and f.attname != f.name:
                    value = getattr(record, f.attname)
                    if value is not None:
                        wanted.setdefault(f.related_model, set()).add(value)
            for m2m in record._history_m2m_fields:
                wanted.setdefault(m2m.related_model, set()).update(_m2m_ids(record).get(m2m.name, set()))
        self.names: dict[type[models.Model], dict[Any, str]] = {
            model: {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)}
            for model, ids in wanted.items()
        }

    def value(self, f: models.Field, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if f.is_relation:
            return self.names.get(f.related_model, {}).get(value, f"#{value}")
        if f.choices:
            return str(dict(f.flatchoices).get(value, value))
        if isinstance(value, dt.datetime):
            return f"{thai.be_date(value)} {thai.thai_time(value)}"
        if isinstance(value, dt.date):
            return thai.be_date(value)
        if isinstance(value, bool):
            return "ใช่" if value else "ไม่ใช่"
        return str(value)

    def m2m(self, m2m: models.ManyToManyField, ids: set[Any]) -> str:
        names = self.names.get(m2m.related_model, {})
        return ", ".join(sorted(names.get(i, f"#{i}") for i in ids)) or "—"


def _label(f: models.Field) -> str:
    """The field's Thai name; a link without one (`meeting`) is named after what it points to."""
    label = str(f.verbose_name)
    if f.is_relation and label.isascii():
        return str(f.related_model._meta.verbose_name)
    return label


def _m2m_ids(record: Any) -> dict[str, set[Any]]:
    return getattr(record, "_m2m_ids", {})


def _entries(model: type[models.Model], records: list[Any], fmt: _Formatter) -> list[ChangeEntry]:
    """One entry per version, with the fields that differ from the version before it."""
    entries = []
    previous: dict[Any, Any] = {}
    for record in sorted(records, key=lambda r: r.history_id):
        before = previous.get(record.id)
        entry = ChangeEntry(
            record=record,
            model=model,
            kind=str(model._meta.verbose_name),
            subject=_subject(model, record, fmt),
            action=ACTION_LABELS.get(record.history_type, record.history_type),
        )
        if record.history_type != "-":
            for f in record.tracked_fields:
                if f.attname in HIDDEN_FIELDS or not f.editable:
                    continue
                new = getattr(record, f.attname)
                old = getattr(before, f.attname) if before else None
                if before is None and new in (None, ""):
                    continue
                if before is None or old != new:
                    old_text = fmt.value(f, old) if before else "—"
                    entry.changes.append(FieldChange(_label(f), old_text, fmt.value(f, new)))
            new_m2m = _m2m_ids(record)
            old_m2m = _m2m_ids(before) if before else {}
            for m2m in record._history_m2m_fields:
                if new_m2m[m2m.name] != old_m2m.get(m2m.name, set()):
                    entry.changes.append(
                        FieldChange(
                            str(m2m.verbose_name),
                            fmt.m2m(m2m, old_m2m.get(m2m.name, set())) if before else "—",
                            fmt.m2m(m2m, new_m2m[m2m.name]),
                        )
                    )
        previous[record.id] = record
        if entry.changes or record.history_type != "~":
            entries.append(entry)
    return entries


def _history_rows(model: type[models.Model], **filters: Any) -> list[Any]:
    """Historical rows with their users, and each version's many-to-many ids in one query per field."""
    records = list(model.history.filter(**filters).select_related("history_user"))
    by_id = {record.history_id: record for record in records}
    for record in records:
        record._m2m_ids = {m2m.name: set() for m2m in record._history_m2m_fields}
    for m2m in model.history.model._history_m2m_fields:
        # The historical models live where they were registered (the meetings app), not with the model.
        history_model = model.history.model
        through = apps.get_model(history_model._meta.app_label, f"{history_model.__name__}_{m2m.name}")
        target = f"{m2m.m2m_reverse_field_name()}_id"
        for history_id, value in through.objects.filter(history_id__in=by_id).values_list("history_id", target):
            by_id[history_id]._m2m_ids[m2m.name].add(value)
    return records


def _change_log(groups: list[tuple[type[models.Model], list[Any]]]) -> list[ChangeEntry]:
    fmt = _Formatter([record for _, records in groups for record in records])
    entries = [entry for model, records in groups for entry in _entries(model, records, fmt)]
    return sorted(entries, key=lambda e: (e.when, e.record.history_id), reverse=True)


def meeting_change_log(meeting_id: int) -> list[ChangeEntry]:
    """Every recorded change to a meeting and what was recorded under it, newest first."""
    directive_ids = set(Directive.history.filter(meeting_id=meeting_id).values_list("id", flat=True))
    return _change_log(
        [
            (Meeting, _history_rows(Meeting, id=meeting_id)),
            (Attendance, _history_rows(Attendance, meeting_id=meeting_id)),
            (AgendaItem, _history_rows(AgendaItem, meeting_id=meeting_id)),
            (Directive, _history_rows(Directive, meeting_id=meeting_id)),
            (DirectiveUpdate, _history_rows(DirectiveUpdate, directive_id__in=directive_ids)),
        ]
    )


def directive_change_log(directive_id: int) -> list[ChangeEntry]:
    """Every recorded change to a directive and its progress reports, newest first."""
    return _change_log(
        [
            (Directive, _history_rows(Directive, id=directive_id)),
            (DirectiveUpdate, _history_rows(DirectiveUpdate, directive_id=directive_id)),
        ]
    )
