"""A person's own settings: one row per user, made the first time it is needed.

Other personal settings join `Profile` as fields; nothing here decides who may see what (that is
lamphun_portal/policy.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


class ProfileManager(models.Manager["Profile"]):
    def for_user(self, user: AbstractBaseUser) -> Profile:
        """The user's profile, created with the defaults the first time (accounts made before it existed have none)."""
        profile = self.filter(user=user).first()
        if profile is not None:
            return profile
        try:
            # Two first requests of one person may race: the one-to-one key lets only one row in.
            with transaction.atomic():
                return self.create(user=user)
        except IntegrityError:
            return self.get(user=user)


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ใช้"), on_delete=models.CASCADE, related_name="profile"
    )
    email_notifications = models.BooleanField(
        _("รับการแจ้งเตือนทางอีเมล"),
        default=True,
        help_text=_("ข้อสั่งการใหม่ การขอให้รายงาน ใกล้ครบกำหนด และเกินกำหนด ของหน่วยงานของท่าน"),
    )
    thai_digits = models.BooleanField(
        _("แสดงตัวเลขเป็นเลขไทย"),
        default=False,
        help_text=_("วันที่ เวลา และจำนวนบนหน้าจอเป็นเลขไทย เช่น ๑๗ พฤศจิกายน ๒๕๖๓ (ไฟล์ PDF เลือกได้ตอนดาวน์โหลด)"),
    )
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    objects = ProfileManager()

    class Meta:
        verbose_name = _("ข้อมูลส่วนตัว")
        verbose_name_plural = _("ข้อมูลส่วนตัว")

    def __str__(self) -> str:
        return str(self.user)
