"""Who may export PDFs.

Exports are for admins (ผู้ดูแลระบบ) only, as the portal's brief says: they produce the office's
official copies. Officials and staff read meetings on screen (and may print the page); they get 403
on every reports URL, and the export buttons are not shown to them.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from meetings import roles


def can_export(user: AbstractBaseUser | AnonymousUser) -> bool:
    return roles.is_admin(user)


def require_export_permission(request: HttpRequest) -> None:
    """Raise PermissionDenied (403) unless the signed-in user may export."""
    if not can_export(request.user):
        raise PermissionDenied
