from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("การประชุม")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from lamphun_portal import roles

        post_migrate.connect(roles.sync_role_groups, sender=self)

        from django.db.models.signals import post_delete, post_save

        from programs.models import Community, Program

        from .models import Office
        from .words import reread_line_words

        # A new office, village or program name is a line word from the next page or PDF on.
        for model in (Office, Community, Program):
            post_save.connect(reread_line_words, sender=model, dispatch_uid=f"line-words-save-{model.__name__}")
            post_delete.connect(reread_line_words, sender=model, dispatch_uid=f"line-words-delete-{model.__name__}")
