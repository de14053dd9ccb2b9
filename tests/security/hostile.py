"""Script and HTML payloads written into every text field of a meeting and what is recorded under it."""

from __future__ import annotations

from django.db import models

from directives.models import Directive, DirectiveUpdate
from meetings.models import AgendaItem, Attendance, Meeting, Person

# Each payload sets window.__xss if a browser ever runs it; MARKERS must never reach a page unescaped.
PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">\'"><svg onload=window.__xss=3>'
SHORT_PAYLOAD = "<img src=x onerror=window.__xss=4>"
MARKERS = ["<script>window.__xss", "<img src=x onerror", "<svg onload"]
ESCAPED = "&lt;script&gt;window.__xss=1&lt;/script&gt;"


def _text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and f.editable
        and not f.choices
        and not isinstance(f, models.SlugField)
    ]


def _fill(obj: models.Model) -> list[str]:
    filled = []
    for f in _text_fields(type(obj)):
        max_length = f.max_length or len(PAYLOAD)
        payload = PAYLOAD if max_length >= len(PAYLOAD) else SHORT_PAYLOAD
        if max_length < len(payload):
            continue
        setattr(obj, f.attname, payload)
        filled.append(f"{type(obj).__name__}.{f.name}")
    obj.save()
    return filled


def make_hostile(meeting: Meeting) -> list[str]:
    """Writes payloads into every text field of the meeting and its rows; returns the fields filled."""
    filled = _fill(meeting)
    for model in (Attendance, AgendaItem, Directive):
        for obj in model.objects.filter(meeting=meeting):
            filled += _fill(obj)
    directive = meeting.directives.order_by("pk").first()
    update = DirectiveUpdate.objects.create(
        directive=directive, office=meeting.organizer, note=PAYLOAD, new_status=Directive.Status.IN_PROGRESS
    )
    filled += _fill(update)
    if meeting.chair_id:
        filled += _fill(Person.objects.get(pk=meeting.chair_id))
    return sorted(set(filled))
