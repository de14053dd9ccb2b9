from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    name = "history"
    verbose_name = _("ประวัติการแก้ไข")

    def ready(self) -> None:
        from . import services  # noqa: F401  (connects the receiver that stamps a deletion's batch)
