from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsImportConfig(AppConfig):
    name = "news_import"
    verbose_name = _("นำเข้าข่าวการประชุม")
