from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvitationsConfig(AppConfig):
    name = "invitations"
    verbose_name = _("การนัดประชุมและหนังสือเชิญ")

    def ready(self) -> None:
        from meetings.signals import meeting_moved

        from . import services

        # The minutes' attendance list starts from the invited offices' answers once the meeting is held.
        meeting_moved.connect(services.start_attendance_on_holding, dispatch_uid="invitations.start_attendance")
