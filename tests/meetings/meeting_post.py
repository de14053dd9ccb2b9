"""Builds the POST a browser sends from the meeting form, so tests can submit it without a browser."""

from __future__ import annotations

import uuid
from typing import Any

from meetings.models import Meeting, Office, Person

ROW_FIELDS = {
    "attendance": ["person", "group_name", "headcount", "role", "presence", "absence_reason", "substitute_for"],
    "agenda": ["heading", "presenter", "discussion", "resolution"],
    "directives": [
        "text",
        "issued_by",
        "agenda_number",
        "due_date",
        "responsible_offices",
        "programs",
        "priority",
    ],
}
MULTIPLE = {"responsible_offices", "programs"}
ROW_DEFAULTS = {
    "attendance": {"role": "member", "presence": "present"},
    "agenda": {},
    "directives": {"priority": "normal"},
}


def person(first_name: str) -> Person:
    return Person.objects.get(first_name=first_name)


def meeting_post(
    *,
    office: Office,
    attendance: list[dict[str, Any]] | None = None,
    agenda: list[dict[str, Any]] | None = None,
    directives: list[dict[str, Any]] | None = None,
    existing: dict[str, list[int]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """The form's fields (typed as a person types them) and its three formsets, new rows after existing ones.

    `existing` gives the ids of rows already stored, in order: the first rows of each formset then carry `id`.
    """
    data: dict[str, Any] = {
        "title": "ประชุมติดตามงานประจำเดือน",
        "organizer": office.pk,
        "number": "",
        "starts_on": "17/11/2563",
        "starts_time": "10.00",
        "ends_time": "",
        "venue": "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน",
        "chair": "",
        "minute_taker": "",
        "minutes_checker": "",
        "target_group": "",
        "attendee_count": "",
        "objective": "",
        "summary": "",
        "version": "",
        # The new-meeting form carries a one-time token (each opening of the form a new one).
        "submission_token": uuid.uuid4().hex,
        **fields,
    }
    rows = {"attendance": attendance or [], "agenda": agenda or [], "directives": directives or []}
    for prefix, items in rows.items():
        ids = (existing or {}).get(prefix, [])
        data[f"{prefix}-TOTAL_FORMS"] = str(len(items))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(ids))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for index, item in enumerate(items):
            values = {**dict.fromkeys(ROW_FIELDS[prefix], ""), **ROW_DEFAULTS[prefix], **item}
            if index < len(ids):
                values["id"] = ids[index]
            for name, value in values.items():
                if value is True:
                    value = "on"
                if value is False or (value == "" and name in MULTIPLE):
                    continue  # a browser sends nothing for an unticked box or an empty multiple choice
                data[f"{prefix}-{index}-{name}"] = value
    return data


def existing_rows(meeting: Meeting) -> dict[str, list[int]]:
    return {
        "attendance": list(meeting.attendances.values_list("pk", flat=True)),
        "agenda": list(meeting.agenda_items.values_list("pk", flat=True)),
        "directives": list(meeting.directives.values_list("pk", flat=True)),
    }
