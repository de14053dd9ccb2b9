from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("บัญชีผู้ใช้")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .screen_digits import remember_at_login

        user_logged_in.connect(remember_at_login, dispatch_uid="accounts-screen-digits")
