"""Who may open which URL: every named URL of the portal, with the status each persona must get.

tests/security/test_permissions_matrix.py requests every entry as every persona, and walks the URL
configuration: a URL name that is not listed here fails the suite. When you add a URL, add a `Route`
here saying what anonymous visitors, signed-in users without a role (outsider), staff of the
meeting's own office (staff), staff of another office (district_staff), officials and admins get.

Expected values: an HTTP status code, or LOGIN for "redirected to the login page".
The objects used are the seed meeting of 17 November 2563 (organised by the provincial office, where
`staff` works) and its first directive; see `World`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from meetings import history
from meetings.demo import data
from meetings.models import Community, Directive, Meeting
from news.models import MeetingPhoto

LOGIN = "login"
PERSONAS = ("anonymous", "outsider", "staff", "district_staff", "official", "admin")

# URL namespaces whose permissions another test owns: Django's admin site refuses everyone but
# staff users (tests/security/test_permissions_matrix.py::test_admin_site_refuses_non_admins).
EXEMPT_NAMESPACES = {"admin": "Django admin site: is_staff only, tested separately"}


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (20, 120, 60)).save(buffer, format="PNG")
    return SimpleUploadedFile("p.png", buffer.getvalue(), content_type="image/png")


@dataclass
class World:
    """The objects URLs point at, built from the demo data for each test."""

    meeting: Meeting
    admin: Any

    @property
    def directive(self) -> Directive:
        return self.meeting.directives.order_by("pk").first()

    def photo(self) -> MeetingPhoto:
        """A photo attached to the (published) seed meeting."""
        return MeetingPhoto.objects.create(meeting=self.meeting, image=_png(), image_format="PNG")

    def photo_upload(self) -> dict[str, Any]:
        return {"image": _png()}

    def deleted_batch(self) -> str:
        """A meeting deleted through the history service, for the restore URL."""
        return history.delete_meeting(meeting=self.meeting, user=self.admin)


def _everyone(status: int | str) -> dict[str, int | str]:
    return dict.fromkeys(PERSONAS, status)


def _signed_in(status: int | str, anonymous: int | str = LOGIN) -> dict[str, int | str]:
    return {**_everyone(status), "anonymous": anonymous}


def _readers(status: int = 200) -> dict[str, int | str]:
    """Everyone with a role reads; a signed-in user without a role is refused."""
    return {**_signed_in(status), "outsider": 403}


def _api_readers() -> dict[str, int | str]:
    """The JSON API: like _readers, but an anonymous call gets 401 (no login page redirect for a program)."""
    return {**_readers(), "anonymous": 401}


def _admins_only(status: int) -> dict[str, int | str]:
    return {**_signed_in(403), "admin": status}


@dataclass(frozen=True)
class Route:
    name: str
    expect: dict[str, int | str]
    args: Callable[[World], list[Any]] = lambda world: []
    method: str = "get"
    data: Callable[[World], dict[str, Any]] = field(default=lambda world: {})
    note: str = ""

    @property
    def id(self) -> str:
        return f"{self.name}-{self.method.upper()}{'-' + self.note if self.note else ''}"


def _community(district: str) -> int:
    """A demo village of the district (district_staff works for แม่ทา)."""
    return Community.objects.filter(district=district).order_by("pk").values_list("pk", flat=True).first()


def _district_editors(status: int = 200) -> dict[str, int | str]:
    """Only admins and the district office's own staff (district_staff, แม่ทา) edit program records."""
    return {**_signed_in(403), "district_staff": status, "admin": status}


ROUTES: list[Route] = [
    Route("home", _readers()),
    Route("login", _everyone(200)),
    Route("logout", _everyone(302), method="post"),
    Route("password_change", _signed_in(200)),
    Route("password_change_done", _signed_in(200)),
    # Recording meetings (issue #3). The seed meeting is published: locked for staff, open to admins.
    Route("meetings:list", _readers()),
    Route("meetings:detail", _readers(), args=lambda w: [w.meeting.pk]),
    Route("meetings:create", {**_readers(), "official": 403}),
    Route("meetings:edit", {**_signed_in(403), "admin": 200}, args=lambda w: [w.meeting.pk]),
    Route(
        "meetings:transition",
        {**_signed_in(403), "admin": 302},
        args=lambda w: [w.meeting.pk],
        method="post",
        data=lambda w: {"to_status": "draft"},
    ),
    Route("meetings:person_create", {**_readers(422), "official": 403}, method="post"),
    # Directives, search, dashboard and the JSON API (issue #4). The seed directive's responsible offices
    # are the provincial office and every district office, so both staff personas may report on it.
    Route("meetings:directive_detail", _readers(), args=lambda w: [w.directive.pk]),
    Route(
        "meetings:directive_detail",
        {**_signed_in(403), "staff": 302, "district_staff": 302, "admin": 302},
        args=lambda w: [w.directive.pk],
        method="post",
        data=lambda w: {"note": "ลงพื้นที่ติดตามแล้ว", "new_status": "in_progress"},
    ),
    Route("meetings:directive_list", _readers()),
    Route("meetings:directive_export", _readers(), data=lambda w: {"fiscal_year": 2564}),
    Route("meetings:carried_forward", _readers(), data=lambda w: {"office": w.meeting.organizer_id}),
    Route("meetings:search", _readers(), data=lambda w: {"q": "โคกหนองนา"}),
    Route("api-meeting-list", _api_readers(), data=lambda w: {"q": "ชุมชน"}),
    Route("api-meeting-detail", _api_readers(), args=lambda w: [w.meeting.pk]),
    Route("api-directive-list", _api_readers(), data=lambda w: {"fiscal_year": 2564}),
    Route("api-directive-detail", _api_readers(), args=lambda w: [w.directive.pk]),
    Route("api-program-list", _api_readers()),
    Route("api-program-detail", _api_readers(), args=lambda w: [w.meeting.programs.first().pk]),
    Route("api-schema", _api_readers()),
    Route("api-docs", _readers()),
    # History (issue #7)
    Route("meetings:history", _readers(), args=lambda w: [w.meeting.pk]),
    Route("meetings:directive_history", _readers(), args=lambda w: [w.directive.pk]),
    Route(
        "meetings:meeting_revert",
        _admins_only(302),
        args=lambda w: [w.meeting.pk, w.meeting.history.earliest().history_id],
        method="post",
    ),
    Route(
        "meetings:directive_revert",
        _admins_only(302),
        args=lambda w: [w.directive.pk, w.directive.history.earliest().history_id],
        method="post",
    ),
    Route(
        "meetings:delete",
        {**_signed_in(403), "staff": 200, "admin": 200},
        args=lambda w: [w.meeting.pk],
        note="confirm",
    ),
    Route(
        "meetings:delete", {**_signed_in(403), "staff": 302, "admin": 302}, args=lambda w: [w.meeting.pk], method="post"
    ),
    Route("meetings:deleted", _admins_only(200)),
    Route("meetings:restore", _admins_only(302), args=lambda w: [w.deleted_batch()], method="post"),
    # Programs and communities (issue #8): district office staff edit their own district's records only.
    Route("programs:list", _readers()),
    Route("programs:communities", _readers()),
    Route("programs:community", _readers(), args=lambda w: [_community("แม่ทา")]),
    Route("programs:detail", _readers(), args=lambda w: ["khok-nong-na"]),
    Route("programs:template", _readers(), args=lambda w: ["khok-nong-na"]),
    Route("programs:upload", _district_editors(), args=lambda w: ["khok-nong-na"]),
    Route(
        "programs:participation_edit",
        _district_editors(),
        args=lambda w: ["khok-nong-na", _community("แม่ทา"), 2566],
        note="own-district",
    ),
    Route(
        "programs:participation_edit",
        _admins_only(200),
        args=lambda w: ["khok-nong-na", _community("ลี้"), 2566],
        note="other-district",
    ),
    # PDF exports (issue #5): admins only.
    Route("reports:index", _admins_only(200)),
    Route("reports:export_meeting", _admins_only(302), args=lambda w: [w.meeting.pk], method="post"),
    Route("reports:export_fiscal_year", _admins_only(302), args=lambda w: [w.meeting.fiscal_year], method="post"),
    Route("reports:job", _admins_only(200), args=lambda w: [_export_job(w)]),
    Route("reports:download", _admins_only(200), args=lambda w: [_minutes_pdf(w)]),
    # Public news (issue #6): no login; drafts are 404 (tests/news/test_public_pages.py)
    Route("news:list", _everyone(200)),
    Route("news:detail", _everyone(200), args=lambda w: [w.meeting.pk]),
    Route("news:photo", _everyone(200), args=lambda w: [w.photo().pk]),
    Route("news:rss", _everyone(200)),
    Route("news:atom", _everyone(200)),
    Route("news:ical", _everyone(200)),
    # Photos of a meeting: staff of the organizing office and admins change them; readers see them.
    Route(
        "news:meeting_photos",
        {**_signed_in(403), "staff": 200, "admin": 200},
        args=lambda w: [w.meeting.pk],
    ),
    Route(
        "news:meeting_photos",
        {**_signed_in(403), "staff": 302, "admin": 302},
        args=lambda w: [w.meeting.pk],
        method="post",
        data=lambda w: w.photo_upload(),
    ),
    Route("news:staff_photo", _readers(), args=lambda w: [w.photo().pk]),
    Route(
        "news:delete_photo",
        {**_signed_in(403), "staff": 302, "admin": 302},
        args=lambda w: [w.photo().pk],
        method="post",
    ),
    # Import of old news posts: those who record meetings (staff of any office, admins).
    Route("meetings:import_news", {**_signed_in(403), "staff": 200, "district_staff": 200, "admin": 200}),
    Route(
        "meetings:import_news",
        {**_signed_in(403), "staff": 302, "admin": 302, "district_staff": 400},
        method="post",
        data=lambda w: {"text": data.SEED_POST, "organizer": w.meeting.organizer_id},
        note="seed",
    ),
]


def _export_job(world: World) -> int:
    """A queued export of the world's fiscal year."""
    from reports import jobs
    from reports.documents import PrintOptions

    job = jobs.enqueue(kind="fiscal_year_book", options=PrintOptions(), fiscal_year=world.meeting.fiscal_year)
    return job.pk


def _minutes_pdf(world: World) -> int:
    """The real minutes PDF of the world's meeting (rendered now, from the meeting as it is)."""
    from reports import services
    from reports.documents import PrintOptions

    return services.minutes_pdf(meeting=world.meeting, options=PrintOptions()).pk
