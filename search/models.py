"""The search index of meetings and directives (search/index.py keeps it current)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchToken(models.Model):
    """A word found in a meeting or directive, with how strongly it counts there.

    A B-tree on (word, weight, day) answers a query word with an index range scan on SQLite and on
    PostgreSQL alike, however many meetings there are; search/index.py keeps the rows current.
    """

    class Kind(models.IntegerChoices):
        MEETING = 1, _("การประชุม")
        DIRECTIVE = 2, _("ข้อสั่งการ")

    word = models.CharField(max_length=64)
    kind = models.PositiveSmallIntegerField(choices=Kind.choices)
    object_id = models.BigIntegerField()
    weight = models.PositiveIntegerField()
    day = models.DateField()

    class Meta:
        db_table = "meetings_searchtoken"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "word"], name="search_token_unique_per_record"),
        ]
        indexes = [models.Index(fields=["word", "-weight", "-day"], name="search_token_word_rank")]

    def __str__(self) -> str:
        return f"{self.word} ({self.get_kind_display()} {self.object_id})"
