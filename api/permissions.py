"""Who may read the JSON API: the portal's roles (kept apart from meetings/api.py, which DRF's settings import)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from lamphun_portal import policy


class IsReader(BasePermission):
    """Staff, officials and admins read; a signed-in account without a role does not."""

    message = _("บัญชีนี้ยังไม่ได้รับสิทธิ์อ่านข้อมูลการประชุม กรุณาติดต่อผู้ดูแลระบบ")

    def has_permission(self, request: Any, view: Any) -> bool:
        return policy.is_reader(request.user)
