"""Thai names for what Django and the third-party apps name in English without asking gettext.

Every string they pass through gettext gets its Thai from the message catalogues (the project's own,
locale/th/LC_MESSAGES/django.po, first). A few names are made up in code instead, in English, and the admin
shows them; each gets its Thai here, once, when the apps are ready:
- django-axes' app name (its AppConfig has none) and the names of its records ("Attempted Access: ...");
- permission names, which `migrate` stores as "Can add <model>";
- names Django derives from Python identifiers: a relation field without a verbose name ("meeting") takes the
  name of the model it points to, the link table of a many-to-many field ("Meeting_programs object (1)") the
  names of the two it joins, simple-history's "historical <model>" the name of its model, and any other name
  made from a class or field name ("search token") is looked up in the catalogue;
- the alternative text of the admin's yes/no icons (Python's True and False), and the warning the admin adds to
  the help text of a user's password form;
- the note simple-history puts in a shortened value ("[59 chars]").
None of this reaches a migration: migrations read the names a model declares, not these.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axes.apps
import django_tasks_db.apps
from django.apps import AppConfig, apps
from django.conf import settings
from django.core import checks
from django.db import models
from django.db.models.signals import post_migrate
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy, override

# The verbs of Django's default permissions ("Can add ..."), in the words of the portal's admin.
PERMISSION_VERBS = {
    "add": gettext_lazy("เพิ่ม"),
    "change": gettext_lazy("แก้ไข"),
    "delete": gettext_lazy("ลบ"),
    "view": gettext_lazy("ดู"),
}


class AxesConfig(axes.apps.AppConfig):
    """django-axes (login lockout) under a Thai name, with Thai names for its records."""

    verbose_name = gettext_lazy("การเข้าสู่ระบบและการล็อกบัญชี")

    def ready(self) -> None:
        super().ready()
        from axes.admin import AccessAttemptAdmin
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = _attempt_str
        AccessLog.__str__ = _access_log_str
        AccessFailureLog.__str__ = _failure_str
        # A column drawn by a method without a description is titled with the method's name ("Status").
        AccessAttemptAdmin.status.short_description = gettext_lazy("สถานะ")
        AccessAttemptAdmin.expiration.short_description = gettext_lazy("หมดอายุเมื่อ")


def _when(value: Any) -> str:
    from lamphun_portal.lib import thai

    return f"{thai.be_date(value)} {thai.thai_time(value)}" if value else ""


def _attempt_str(attempt: Any) -> str:
    return gettext("ความพยายามเข้าสู่ระบบของ %(username)s เมื่อ %(when)s") % {
        "username": attempt.username,
        "when": _when(attempt.attempt_time),
    }


def _access_log_str(log: Any) -> str:
    return gettext("การเข้าสู่ระบบของ %(username)s เมื่อ %(when)s") % {
        "username": log.username,
        "when": _when(log.attempt_time),
    }


def _failure_str(failure: Any) -> str:
    text = gettext("เข้าสู่ระบบไม่สำเร็จ: %(username)s เมื่อ %(when)s จาก %(ip)s") % {
        "username": failure.username,
        "when": _when(failure.attempt_time),
        "ip": failure.ip_address,
    }
    return text + (gettext(" (ล็อกบัญชีแล้ว)") if failure.locked_out else "")


class TasksDbConfig(django_tasks_db.apps.TasksAppConfig):
    """The queue of background work (django-tasks-db) under a Thai name, with Thai names for its records."""

    verbose_name = gettext_lazy("งานเบื้องหลัง (คิวงาน)")

    def ready(self) -> None:
        super().ready()
        from django_tasks_db.admin import DBTaskResultAdmin
        from django_tasks_db.models import DBTaskResult

        DBTaskResult._meta.get_field("id").verbose_name = gettext_lazy("รหัสงาน")
        DBTaskResult.task_name.fget.short_description = gettext_lazy("ชื่องาน")
        DBTaskResult.__str__ = lambda result: (
            gettext("งาน %(name)s (%(status)s)")
            % {
                "name": result.task_name,
                "status": result.get_status_display(),
            }
        )
        DBTaskResultAdmin.formatted_traceback.short_description = gettext_lazy("รายละเอียดข้อผิดพลาด")
        DBTaskResultAdmin.display_run_after.short_description = gettext_lazy("เริ่มได้เมื่อ")


class PortalConfig(AppConfig):
    """The project itself: gives Thai names to what the other apps name in English (see the module's doc)."""

    name = "lamphun_portal"
    verbose_name = gettext_lazy("ระบบบันทึกการประชุม")

    def ready(self) -> None:
        every_model = apps.get_models(include_auto_created=True)
        for model in every_model:
            _name_fields(model)
            if model._meta.auto_created:
                _name_link_table(model)
            elif "verbose_name" not in model._meta.original_attrs:
                _name_from_catalogue(model)
        # After the link tables: their histories are named after them.
        for model in every_model:
            if hasattr(model, "instance_type"):
                _name_history_table(model)
        _thai_boolean_icons()
        _thai_shortened_values()
        _thai_password_warning()
        post_migrate.connect(name_permissions_in_thai, dispatch_uid="lamphun_portal.thai_permission_names")
        checks.register(compiled_catalogues)


def compiled_catalogues(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """A catalogue whose .mo is missing or older than its .po would show English (or old Thai) on every page."""
    stale = [
        po
        for locale_path in settings.LOCALE_PATHS
        for po in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po"))
        if not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    return [
        checks.Warning(
            f"the message catalogue {po.name} ({po.parent.parent.name}) is not compiled, or compiled before "
            "its last change",
            hint='run `make setup`, or `pybabel compile -d locale -D "django djangojs"` (DEPLOY.md, step 4)',
            obj=str(po),
            id="lamphun_portal.W001",
        )
        for po in stale
    ]


def _name_fields(model: type[models.Model]) -> None:
    """A field named only by its Python name: a relation ("meeting") takes the name of the model it points
    to; any other ("sort key") is looked up in the catalogue."""
    for field in model._meta.local_fields + model._meta.local_many_to_many:
        if field._verbose_name is not None:
            continue
        if field.is_relation and isinstance(field.related_model, type):
            field.verbose_name = field.related_model._meta.verbose_name
        else:
            field.verbose_name = gettext_lazy(field.verbose_name)


def _name_from_catalogue(model: type[models.Model]) -> None:
    """A model without a verbose name is called by its class name ("search token"): looked up in the catalogue."""
    model._meta.verbose_name = gettext_lazy(model._meta.verbose_name)
    model._meta.verbose_name_plural = gettext_lazy(model._meta.verbose_name_plural)


def _link_name(model: type[models.Model]) -> Promise:
    """ "ความเชื่อมโยง การประชุม – โครงการ/งาน": the two models a link table (or its history) joins."""
    ends = [
        field.related_model._meta.verbose_name
        for field in model._meta.fields
        if field.is_relation and field.name != "history" and isinstance(field.related_model, type)
    ]
    return format_lazy(gettext_lazy("ความเชื่อมโยง {} – {}"), *ends[:2])


def _name_link_table(model: type[models.Model]) -> None:
    """The table behind a many-to-many field: Django calls it "Meeting-program relationship" and its rows
    "Meeting_programs object (1)", as the admin's delete confirmation shows."""
    model._meta.verbose_name = model._meta.verbose_name_plural = _link_name(model)
    ends = [field.name for field in model._meta.fields if field.is_relation]

    def link_str(link: models.Model) -> str:
        return " – ".join(str(getattr(link, end)) for end in ends)

    model.__str__ = link_str


def _name_history_table(model: type[models.Model]) -> None:
    """simple-history's tables ("historical การประชุม", and a class name for the history of a many-to-many field)
    take the name of what they track: "ประวัติการประชุม"."""
    tracked = model.instance_type._meta
    model._meta.verbose_name = format_lazy(gettext_lazy("ประวัติ{}"), tracked.verbose_name)
    model._meta.verbose_name_plural = format_lazy(gettext_lazy("ประวัติ{}"), tracked.verbose_name_plural)


def _thai_boolean_icons() -> None:
    """The admin draws yes/no values as icons whose alternative text is str(True), str(False) or str(None)."""
    from django.contrib.admin.templatetags import admin_list
    from django.templatetags.static import static

    names = {
        True: ("yes", gettext_lazy("ใช่")),
        False: ("no", gettext_lazy("ไม่ใช่")),
        None: ("unknown", gettext_lazy("ไม่ทราบ")),
    }

    def boolean_icon(value: bool | None) -> str:
        icon, alt = names[value]
        return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), alt)

    admin_list._boolean_icon = boolean_icon


def _thai_shortened_values() -> None:
    """simple-history shortens long values in its list of changes with an English "[59 chars]"."""
    from simple_history.template_utils import ObjDiffDisplay

    def shortened_str(self: ObjDiffDisplay, prefix: str, num_skipped_chars: int, suffix: str) -> str:
        return gettext("%(prefix)s[…อีก %(count)s ตัวอักษร]%(suffix)s") % {
            "prefix": prefix,
            "count": f"{num_skipped_chars:,}",
            "suffix": suffix,
        }

    ObjDiffDisplay.shortened_str = shortened_str


def _thai_password_warning() -> None:
    """The admin's form for setting a user's password adds an English warning to a translated help text."""
    from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin

    AdminPasswordChangeForm.usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        gettext_lazy("หากปิด รหัสผ่านปัจจุบันของผู้ใช้นี้จะใช้ไม่ได้อีก"),
    )


def name_permissions_in_thai(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """After `migrate` has created an app's permissions as "Can add <model>", names them in Thai
    ("เพิ่มการประชุม"). Only names still in Django's English form are changed."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import router

    if not router.allow_migrate_model(using, Permission) or not sender.models_module:
        return
    with override("th"):
        for model in sender.get_models():
            opts = model._meta
            content_type = ContentType.objects.db_manager(using).get_for_model(model, for_concrete_model=False)
            for action in opts.default_permissions:
                Permission.objects.using(using).filter(
                    content_type=content_type,
                    codename=f"{action}_{opts.model_name}",
                    name__startswith=f"Can {action} ",
                ).update(name=f"{PERMISSION_VERBS[action]}{opts.verbose_name}"[:255])
