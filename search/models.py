"""The search index of meetings and directives: one document per record (search/index.py keeps it current).

The words themselves are indexed by the database's own full-text engine: on PostgreSQL the `vector`
column (a tsvector with a GIN index), on SQLite the FTS5 table `search_document_fts` whose rowid is the
document's id. Neither is part of the model: migration 0002 creates them for the database in use.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.IntegerChoices):
    MEETING = 1, _("การประชุม")
    DIRECTIVE = 2, _("ข้อสั่งการ")


class SearchDocument(models.Model):
    """A meeting or directive as the search engine sees it: which record, and the date results sort by."""

    Kind = Kind

    # The kind and the record's id in one number (engine.document_id): one document per record.
    id = models.BigIntegerField(primary_key=True)
    kind = models.PositiveSmallIntegerField(choices=Kind.choices)
    object_id = models.BigIntegerField()
    day = models.DateField()
    # The status and organising office of the record's meeting: what lamphun_portal/policy.py decides who may
    # read it by (readable_search_documents), so the search page tests it on the documents it finds.
    status = models.CharField(max_length=10, blank=True)
    organizer_id = models.BigIntegerField(null=True)

    class Meta:
        db_table = "search_document"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.object_id}"


class SearchTokenQuerySet(models.QuerySet):
    def delete(self) -> tuple[int, dict[str, int]]:
        """Deleting a record's words deletes its document (the words are read from it)."""
        from . import index

        pairs = set(self.values_list("kind", "object_id"))
        for kind in Kind.values:
            index.remove(kind, [object_id for pair_kind, object_id in pairs if pair_kind == kind])
        return len(pairs), {SearchDocument._meta.label: len(pairs)}


class SearchToken(models.Model):
    """A word of a record's document, read from the full-text index (a view): for looking at the index.

    `weight` is 2 for a word of a meeting's title, 1 elsewhere. Searching does not read this view.
    """

    Kind = Kind

    pk = models.CompositePrimaryKey("kind", "object_id", "word")
    word = models.CharField(max_length=64)
    kind = models.PositiveSmallIntegerField(choices=Kind.choices)
    object_id = models.BigIntegerField()
    weight = models.PositiveIntegerField()
    day = models.DateField()

    objects = SearchTokenQuerySet.as_manager()

    class Meta:
        managed = False
        db_table = "search_token"

    def __str__(self) -> str:
        return f"{self.word} ({self.get_kind_display()} {self.object_id})"
