from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("การค้นหา")

    def ready(self) -> None:
        from . import index

        index.connect_signals()
        post_migrate.connect(_build_missing_index, sender=self, dispatch_uid="search-build-missing-index")


def _build_missing_index(using: str, verbosity: int = 1, **kwargs: Any) -> None:
    """A database whose records have no search documents yet (one migrated from the posting table) gets them:
    the index is derived data, built here as `manage.py reindex` builds it."""
    from django.core.management import call_command
    from django.db import connections

    from meetings.models import Meeting

    from .models import SearchDocument

    if SearchDocument._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated back to before the documents
    if Meeting.objects.using(using).exists() and not SearchDocument.objects.using(using).exists():
        call_command("reindex", verbosity=verbosity)
