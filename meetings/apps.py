from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("การประชุม")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import history, roles  # noqa: F401  (history connects the deletion-batch receiver)

        post_migrate.connect(roles.sync_role_groups, sender=self)

        from . import search

        search.connect_signals()
