"""The portal's three roles as Django groups, and who may do what with a meeting.

Groups are kept in step with ROLE_PERMISSIONS after every migrate (post_migrate), so a fresh
database, the test database and production all have the same roles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import Group, Permission

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from meetings.models import Office

STAFF = "เจ้าหน้าที่"
OFFICIAL = "ผู้บริหาร"
ADMIN = "ผู้ดูแลระบบ"

_RECORDED = ["meeting", "attendance", "agendaitem", "directive"]
_REFERENCE = ["office", "person", "program"]
# Program records: district staff keep them current (scoped to their own district by can_edit_district).
_PROGRAM_RECORDS = ["participation", "producergroup", "otoprating", "otopsales"]
_PROGRAM_REFERENCE = ["community", *_PROGRAM_RECORDS]


def _perms(actions: list[str], models: list[str]) -> list[str]:
    return [f"{action}_{model}" for model in models for action in actions]


ROLE_PERMISSIONS: dict[str, list[str]] = {
    STAFF: _perms(["add", "change", "delete", "view"], _RECORDED)
    + _perms(["view"], _REFERENCE)
    + ["add_person"]
    + _perms(["add", "view"], ["directiveupdate"])
    + _perms(["view"], ["community"])
    + _perms(["add", "change", "view"], _PROGRAM_RECORDS),
    OFFICIAL: _perms(["view"], [*_RECORDED, *_REFERENCE, "directiveupdate", *_PROGRAM_REFERENCE]),
    ADMIN: _perms(
        ["add", "change", "delete", "view"], [*_RECORDED, *_REFERENCE, "directiveupdate", *_PROGRAM_REFERENCE]
    ),
}


def sync_role_groups(sender: Any = None, **kwargs: Any) -> None:
    """Create the role groups and give each exactly its permissions."""
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(content_type__app_label="meetings", codename__in=codenames)
        group.permissions.set(perms)


def has_role(user: AbstractBaseUser | AnonymousUser, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if role == ADMIN and user.is_superuser:
        return True
    return role in _group_names(user)


def _group_names(user: AbstractBaseUser) -> set[str]:
    """The user's group names, read once per request (a page asks about roles several times)."""
    names = getattr(user, "_portal_group_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._portal_group_names = names
    return names


def is_admin(user: AbstractBaseUser | AnonymousUser) -> bool:
    return has_role(user, ADMIN)


def office_of(user: AbstractBaseUser | AnonymousUser) -> Office | None:
    """The office a signed-in user works for, through their Person record."""
    if not user.is_authenticated:
        return None
    person = getattr(user, "person", None)
    return person.office if person else None


def own_district(user: AbstractBaseUser | AnonymousUser) -> str:
    """The district of a district-office staff member; empty for everyone else."""
    if not has_role(user, STAFF):
        return ""
    office = office_of(user)
    if office is None or office.kind != "district_office":
        return ""
    return office.district


def can_edit_district(user: AbstractBaseUser | AnonymousUser, district: str) -> bool:
    """Admins edit every district's program records; staff of a district office only their own district's."""
    if is_admin(user):
        return True
    mine = own_district(user)
    return bool(mine) and mine == district


def editable_districts(user: AbstractBaseUser | AnonymousUser, districts: list[str]) -> list[str]:
    """The districts (of those given) whose program records the user may edit."""
    if is_admin(user):
        return list(districts)
    mine = own_district(user)
    return [district for district in districts if mine and district == mine]
