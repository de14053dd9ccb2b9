from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    name = "minutes"
    verbose_name = _("การตรวจ รับรอง และเผยแพร่รายงานการประชุม")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from meetings.models import MeetingTransition

        from . import services

        # Minutes reopened by an admin start their checking and certification again (see services.reopened).
        post_save.connect(services.reopened, sender=MeetingTransition, dispatch_uid="minutes-reopened")
