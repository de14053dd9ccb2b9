"""Login lockout (django-axes) wiring: the backend and the client address behind a proxy."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """The login form with Thai messages that say what to fix."""

    error_messages = {
        "invalid_login": _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง กรุณาตรวจสอบแล้วลองอีกครั้ง (ตัวพิมพ์ใหญ่-เล็กมีผล)"),
        "inactive": _("บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages.update(required=_("กรุณากรอกชื่อผู้ใช้"), max_length=_("ชื่อผู้ใช้ยาวเกินไป"))
        self.fields["password"].error_messages["required"] = _("กรุณากรอกรหัสผ่าน")


class LoginLockoutBackend(AxesStandaloneBackend):
    """Refuses a locked-out username before its password is checked.

    Every login a person makes (the login page, the admin login) passes the request. Code that
    authenticates without one (Django's test client `login()`, a management command) is not a
    brute-force channel, so it is left to the next backend instead of failing.
    """

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> AbstractBaseUser | None:
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The username a login attempt named, cut to what a username can be (150 characters).

    django-axes stores it in a 255-character column; a 1 MB "username" would otherwise fail the
    insert on PostgreSQL and turn a wrong login into a server error.
    """
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(value)[:150]


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the socket peer, or the hop our own proxies appended to X-Forwarded-For.

    Only the last TRUSTED_PROXY_COUNT entries were written by proxies we run; anything to their
    left came from the client and can be forged.
    """
    proxies = settings.PORTAL_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies > 0 and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
