"""Writes that touch several program records at once."""

from __future__ import annotations

from django.db import transaction

from programs.importers import ImportPreview
from programs.models import OtopRating, OtopSales, Participation, ProducerGroup


class ImportHasErrors(Exception):
    """Raised instead of saving part of a file."""


@transaction.atomic
def apply_import(*, preview: ImportPreview) -> int:
    """Save every row of a checked CSV file, or nothing; returns how many rows were saved."""
    if not preview.ok:
        raise ImportHasErrors(preview.error_lines)
    saved = 0
    for row in preview.rows:
        group: ProducerGroup | None = None
        for record in row.records:
            if isinstance(record, ProducerGroup):
                group = record
            elif isinstance(record, OtopSales | OtopRating) and group is not None:
                record.group = group
            if isinstance(record, Participation | ProducerGroup | OtopSales | OtopRating):
                record.full_clean()
                record.save()
        saved += 1
    return saved
