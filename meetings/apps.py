from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("การประชุม")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from lamphun_portal import roles

        post_migrate.connect(roles.sync_role_groups, sender=self)
