"""Who may open which URL: every named URL of the portal, for every persona and every kind of record.

tests/security/test_permissions_matrix.py walks the URL configuration: a URL name that is not listed
here fails the suite. When you add a URL, add a `Route` saying what each persona gets.

The records (see `World.build`): a meeting in each state (draft, certified, published) organised by the
provincial office (where `staff` and `official` work) and the same three organised by another office
(the ลี้ district office, where `other_staff` works). Each has a directive given to the แม่ทา district office
(where `district_staff` works), a progress report, a photo, and a word of its own (`Record.marker`) in its
title and directive, so that a list page can be checked for what it shows as well as for its status.

The แม่ทา district office is also invited to every meeting, by a letter with a document sent with it:
while a meeting is still scheduled (นัดประชุม) its invitees read it, answer, and download its documents;
once it is held it is the organising office's draft again.

So for a provincial record `staff` is staff of the organising office, `district_staff` staff of a
responsible office and `other_staff` staff of an unrelated office; for a ลี้ record `other_staff` organises
and `staff` is unrelated. `official` is an official of the provincial office.

This file states the rules in the office's words, independently of lamphun_portal/policy.py, which the
portal asks: the test compares the two.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from directives.models import Attachment, Directive, DirectiveUpdate
from history import services as history
from invitations.models import CalendarFeed, Invitation, InvitationLetter, InvitedPerson, MeetingDocument
from lamphun_portal import roles
from meetings.demo import data
from meetings.models import Meeting, Office, Person
from news.models import MeetingPhoto
from programs.models import Community, Program

LOGIN = "login"
PERSONAS = ("anonymous", "outsider", "staff", "district_staff", "other_staff", "official", "admin")
# The accounts `make run` creates (tests/conftest.py), for crawls as a person would use the portal.
DEMO_PERSONAS = ("staff", "district_staff", "official", "admin")
STATUSES = tuple(Meeting.Status)  # นัดประชุม ร่าง ตรวจแล้ว รับรองแล้ว เผยแพร่แล้ว
OTHER_DISTRICT = "ลี้"
WORKING = Meeting.WORKING_STATUSES

# URL namespaces whose permissions another test owns: Django's admin site refuses everyone but
# staff users (tests/security/test_permissions_matrix.py::test_admin_site_refuses_non_admins).
EXEMPT_NAMESPACES = {"admin": "Django admin site: is_staff only, tested separately"}


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (20, 120, 60)).save(buffer, format="PNG")
    return SimpleUploadedFile("p.png", buffer.getvalue(), content_type="image/png")


PDF = b"%PDF-1.4\n% a progress report\n%%EOF\n"


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf")


def make_other_staff() -> User:
    """เจ้าหน้าที่ of the ลี้ district office: the unrelated office for the provincial office's records."""
    user = User.objects.create_user("other_staff")
    office = Office.objects.get(name=data.district_office(OTHER_DISTRICT))
    Person.objects.create(title="นาย", first_name="ทดสอบ", last_name="ต่างสำนักงาน", office=office, user=user)
    user.groups.add(Group.objects.get(name=roles.STAFF))
    return user


@dataclass
class Record:
    """One meeting of the world, with its directive, progress report and photo.

    Ids, not objects: a persona's request may delete them (rolled back after), and the next persona's
    request needs the same ids again.
    """

    key: str
    status: str
    provincial: bool
    meeting_id: int
    organizer_id: int
    directive_id: int
    photo_id: int
    attachment_id: int
    invitation_id: int
    document_id: int

    @property
    def query(self) -> str:
        """A word found only in this record (its title and its directive): what list pages are searched for."""
        return f"mk{self.key}"

    @property
    def marker(self) -> str:
        """Another word found only in this record, never typed into a search box: what a page must (not) show."""
        return f"zz{self.key}"

    @property
    def meeting(self) -> Meeting:
        return Meeting.objects.get(pk=self.meeting_id)


@dataclass
class World:
    """The records URLs point at, built on the demo data for each test."""

    admin: User
    records: list[Record]
    seed: Meeting

    @classmethod
    def build(cls, *, admin: User, seed: Meeting, seed_first: bool = False) -> World:
        """The six records; with `seed_first`, the seed meeting (published, provincial) comes first, so that
        the URLs of `urls_answering(..., every_record=False)` are the seed's pages (tests that fill it)."""
        offices = {
            "p": Office.objects.get(name=data.PROVINCIAL),
            "o": Office.objects.get(name=data.district_office(OTHER_DISTRICT)),
        }
        responsible = Office.objects.get(name=data.district_office("แม่ทา"))
        program = Program.objects.get(code="khok-nong-na")
        village = community_of("แม่ทา")
        records = []
        for index, (prefix, status) in enumerate((p, s) for p in offices for s in STATUSES):
            key = f"{prefix}{status}"
            meeting = Meeting.objects.create(
                title=f"ประชุมทดสอบสิทธิ์ mk{key} zz{key}",
                organizer=offices[prefix],
                starts_at=dt.datetime(2023, 3, 1 + index, 9, 0, tzinfo=timezone.get_default_timezone()),
                venue="ห้องประชุมทดสอบ",
                status=status,
            )
            meeting.programs.add(program)
            directive = Directive.objects.create(
                meeting=meeting, order=1, text=f"ข้อสั่งการทดสอบสิทธิ์ mk{key} zz{key}", due_date=dt.date(2023, 6, 30)
            )
            directive.responsible_offices.add(responsible)
            directive.programs.add(program)
            directive.communities.add(village)
            update = DirectiveUpdate.objects.create(
                directive=directive, office=responsible, note="ลงพื้นที่แล้ว", new_status="in_progress"
            )
            attachment = Attachment.objects.create(update=update, file=_pdf(), name="รายงาน.pdf", size=len(PDF))
            directive.status = Directive.Status.IN_PROGRESS
            directive.save(update_fields=["status"])
            photo = MeetingPhoto.objects.create(meeting=meeting, image=_png(), image_format="PNG")
            invitation, document = _invite(meeting, responsible)
            records.append(
                Record(
                    key=key,
                    status=status,
                    provincial=prefix == "p",
                    meeting_id=meeting.pk,
                    organizer_id=meeting.organizer_id,
                    directive_id=directive.pk,
                    photo_id=photo.pk,
                    attachment_id=attachment.pk,
                    invitation_id=invitation.pk,
                    document_id=document.pk,
                )
            )
        if seed_first:
            records.insert(0, _seed_record(seed))
            # The seed is published: its published PDF is stored from the start (which also keeps it from being
            # deleted), as the minutes:pdf route would store it.
            _stored_minutes(None, records[0])
        return cls(admin=admin, records=records, seed=seed)

    def record(self, key: str) -> Record:
        return next(record for record in self.records if record.key == key)

    def deleted_batch(self) -> str:
        """A meeting deleted through the history service, for the restore URL."""
        return history.delete_meeting(meeting=self.record("ppublished").meeting, user=self.admin)


def _invite(meeting: Meeting, office: Office) -> tuple[Invitation, MeetingDocument]:
    """The แม่ทา office invited, a person without an account invited by name, a document sent with the
    invitation, and the letter (called through the portal, the meeting was held and recorded after)."""
    invitation = Invitation.objects.create(meeting=meeting, office=office)
    guest = Person.objects.filter(user__isnull=True).order_by("pk").first()
    InvitedPerson.objects.create(meeting=meeting, person=guest)
    document = MeetingDocument.objects.create(meeting=meeting, file=_pdf(), name="เอกสาร.pdf", size=len(PDF))
    InvitationLetter.objects.create(meeting=meeting, subject=f"ขอเชิญ{meeting.title}", salutation="ผู้ที่เกี่ยวข้อง")
    return invitation, document


def _seed_record(seed: Meeting) -> Record:
    directive = seed.directives.order_by("pk").first()
    photo = MeetingPhoto.objects.create(meeting=seed, image=_png(), image_format="PNG")
    update = DirectiveUpdate.objects.create(directive=directive, office=seed.organizer, note="ดำเนินการแล้ว")
    attachment = Attachment.objects.create(update=update, file=_pdf(), name="รายงาน.pdf", size=len(PDF))
    invitation, document = _invite(seed, Office.objects.get(name=data.district_office("แม่ทา")))
    return Record(
        key="seed",
        status=seed.status,
        provincial=True,
        meeting_id=seed.pk,
        organizer_id=seed.organizer_id,
        directive_id=directive.pk,
        photo_id=photo.pk,
        attachment_id=attachment.pk,
        invitation_id=invitation.pk,
        document_id=document.pk,
    )


def community_of(district: str) -> Community:
    """A demo village of the district."""
    return Community.objects.filter(district=district).order_by("pk").first()


# --- The rules, in the office's words ------------------------------------------------------------------


@dataclass(frozen=True)
class Who:
    """A persona facing a record (None for a URL about no record)."""

    persona: str
    record: Record | None

    @property
    def organising(self) -> bool:
        """Of the office that organised the meeting (staff or official)."""
        if self.record is None:
            return False
        if self.record.provincial:
            return self.persona in {"staff", "official"}
        return self.persona == "other_staff"

    @property
    def is_staff(self) -> bool:
        return self.persona in {"staff", "district_staff", "other_staff"}

    @property
    def invited(self) -> bool:
        """Of the office invited to the meeting (แม่ทา, `district_staff`'s)."""
        return self.record is not None and self.persona == "district_staff"

    @property
    def reads(self) -> bool:
        """Until the minutes are certified a meeting stays inside its office; after, every role reads it. A
        scheduled meeting is read by its invitees too."""
        if self.persona in {"anonymous", "outsider"}:
            return False
        if self.persona == "admin" or self.record is None or self.record.status not in WORKING:
            return True
        return self.organising or (self.record.status == Meeting.Status.SCHEDULED and self.invited)

    @property
    def invites(self) -> bool:
        """Sending the letter and adding documents: whoever edits the meeting, while it is scheduled."""
        return self.edits and self.record.status == Meeting.Status.SCHEDULED

    @property
    def answers(self) -> bool:
        """The invited office's staff answer, the organisers may write an answer down; while it is scheduled."""
        return self.record.status == Meeting.Status.SCHEDULED and (self.invited or self.edits)

    @property
    def edits(self) -> bool:
        """Admins edit anything; staff only their own office's meetings still scheduled or in draft (checked and
        certified minutes are locked). Deleting needs the right to edit."""
        if self.persona == "admin":
            return True
        return (
            self.is_staff and self.organising and self.record.status in (Meeting.Status.SCHEDULED, Meeting.Status.DRAFT)
        )

    @property
    def deletes(self) -> bool:
        """Deleting needs the right to edit; and minutes once published are kept: a meeting whose published PDF is
        stored (the `minutes:pdf` route stores one) is not deleted, by anyone."""
        from minutes.models import PublishedMinutes

        return self.edits and not PublishedMinutes.objects.filter(meeting_id=self.record.meeting_id).exists()

    @property
    def moves_forward(self) -> bool:
        """The plain status button: a scheduled meeting that was held becomes a draft (staff of the organising office
        and admins); admins reopen checked, certified or published minutes (the step tried for those). Nobody checks,
        certifies or publishes with it: those are the minutes' own steps (`sends_for_check`, `certifies`, ...)."""
        if self.record.status == Meeting.Status.DRAFT:
            return False
        if self.persona == "admin":
            return True
        return self.is_staff and self.organising and self.record.status == Meeting.Status.SCHEDULED

    @property
    def writes_minutes(self) -> bool:
        """Staff of the organising office and admins: the minute-taker's side of the minutes."""
        return self.persona == "admin" or (self.is_staff and self.organising)

    def sends_for_check(self) -> int:
        """A draft goes to the checker its minute-taker names (here the admin: so the admin, naming themselves, is
        told in Thai to name someone else, 400)."""
        if self.record.status != Meeting.Status.DRAFT or not self.writes_minutes:
            return 403
        return 400 if self.persona == "admin" else 302

    def certifies_at_next_meeting(self) -> int:
        """Checked minutes: the organising office records the next meeting's decision; the world's meetings have no
        next meeting of their series, which is said in Thai (400)."""
        return 400 if self.record.status == Meeting.Status.CHECKED and self.writes_minutes else 403

    def circulates(self) -> int:
        """Checked minutes go round the organising office's staff and officials (none of the world's has attendees)."""
        return 302 if self.record.status == Meeting.Status.CHECKED and self.writes_minutes else 403

    def publishes(self) -> int:
        """Certified minutes: the organising office publishes once the three have signed (the world's are unsigned:
        said in Thai, 400). Published minutes unchanged since their stored PDF: nothing to publish again."""
        return 400 if self.record.status == Meeting.Status.CERTIFIED and self.writes_minutes else 403

    @property
    def manages_photos(self) -> bool:
        return self.persona == "admin" or (self.is_staff and self.organising)

    @property
    def reports(self) -> bool:
        """Progress is reported by the responsible office (แม่ทา) and admins, once the minutes are certified:
        a draft's directives are not given yet."""
        return self.reads and self.persona in {"district_staff", "admin"} and self.record.status not in WORKING


Expect = Callable[[Who], int | str]


def answer(allowed: Callable[[Who], bool], ok: int = 200, anonymous: int | str = LOGIN, denied: int = 403) -> Expect:
    """`ok` when allowed; the login page for anonymous visitors; 403 for everyone else."""

    def expect(who: Who) -> int | str:
        if who.persona == "anonymous":
            return anonymous
        return ok if allowed(who) else denied

    return expect


def api(allowed: Callable[[Who], bool]) -> Expect:
    """The JSON API: 401 without credentials, 403 without a role, 404 for a record the reader may not see."""

    def expect(who: Who) -> int | str:
        if who.persona == "anonymous":
            return 401
        if who.persona == "outsider":
            return 403
        return 200 if allowed(who) else 404

    return expect


def everyone(status: int) -> Expect:
    return lambda who: status


def public(who: Who) -> int:
    """Public news pages: published meetings for everyone, anything else does not exist (404)."""
    return 200 if who.record.status == Meeting.Status.PUBLISHED else 404


def readers(who: Who) -> bool:
    return who.persona not in {"anonymous", "outsider"}


def signed_in(who: Who) -> bool:
    return who.persona != "anonymous"


def admins(who: Who) -> bool:
    return who.persona == "admin"


def recorders(who: Who) -> bool:
    return who.is_staff or who.persona == "admin"


def district_editors(district: str) -> Callable[[Who], bool]:
    office_staff = {"แม่ทา": "district_staff", OTHER_DISTRICT: "other_staff"}[district]
    return lambda who: who.persona in {office_staff, "admin"}


def any_district_editor(who: Who) -> bool:
    return who.persona in {"district_staff", "other_staff", "admin"}


Args = Callable[[World, Record | None], list[Any]]
Data = Callable[[World, Record | None], dict[str, Any]]


def _none(world: World, record: Record | None) -> list[Any]:
    return []


def _no_data(world: World, record: Record | None) -> dict[str, Any]:
    return {}


def _meeting(world: World, record: Record | None) -> list[Any]:
    return [record.meeting_id]


def _directive(world: World, record: Record | None) -> list[Any]:
    return [record.directive_id]


def _photo(world: World, record: Record | None) -> list[Any]:
    return [record.photo_id]


def _query(world: World, record: Record | None) -> dict[str, Any]:
    return {"q": record.query}


@dataclass(frozen=True)
class Route:
    """A URL pattern, how to call it, and the answer each persona gets.

    `per_record`: the URL is called once for each record of the world (its args and data may use it).
    `shows`: for pages that list records, whether the record's marker must be on the page (True) or must
    not be (False); None where the page may leave out a record it could show (a feed of coming meetings).
    """

    name: str
    expect: Expect
    args: Args = _none
    method: str = "get"
    data: Data = _no_data
    per_record: bool = False
    shows: Callable[[Who], bool | None] | None = None
    note: str = ""

    @property
    def id(self) -> str:
        return f"{self.name}-{self.method.upper()}{'-' + self.note if self.note else ''}"


def _forward(world: World, record: Record | None) -> dict[str, Any]:
    following = {
        "scheduled": "draft",
        "draft": "checked",  # refused to everyone: only the named checker approves a draft (minutes:check)
        "checked": "draft",
        "certified": "draft",
        "published": "draft",
    }
    return {"to_status": following[record.status]}


def _reads(who: Who) -> bool:
    return who.reads


def _only_public(who: Who) -> bool | None:
    return who.record.status == Meeting.Status.PUBLISHED


def _never_unless_public(who: Who) -> bool | None:
    return None if who.record.status == Meeting.Status.PUBLISHED else False


def _history_id(model: type, pk: Callable[[Record], int]) -> Args:
    def args(world: World, record: Record | None) -> list[Any]:
        return [pk(record), model.history.filter(id=pk(record)).earliest().history_id]

    return args


def _export_job(world: World, record: Record | None) -> list[Any]:
    """A queued export of the seed meeting's fiscal year."""
    from reports import tasks
    from reports.documents import PrintOptions

    job = tasks.queue_export(kind="fiscal_year_book", options=PrintOptions(), fiscal_year=world.seed.fiscal_year)
    return [job.pk]


def _minutes_pdf(world: World, record: Record | None) -> list[Any]:
    """The real minutes PDF of the seed meeting (rendered now, from the meeting as it is)."""
    from reports import services
    from reports.documents import PrintOptions

    return [services.minutes_pdf(meeting=world.seed, options=PrintOptions()).pk]


def _stored_minutes(world: World, record: Record | None) -> list[Any]:
    """A stored PDF of the record's minutes as publishing keeps it (the real rendering of the record, so that what
    it prints can be read back), an earlier publication for the records not published now."""
    from minutes.models import PublishedMinutes
    from reports import services
    from reports.documents import PrintOptions

    stored = PublishedMinutes.objects.filter(meeting_id=record.meeting_id, number=1).first()
    if stored is None:
        content = bytes(services.minutes_pdf(meeting=record.meeting, options=PrintOptions()).content)
        stored = PublishedMinutes.objects.create(
            meeting_id=record.meeting_id,
            number=1,
            meeting_version=1,
            filename="รายงานการประชุม.pdf",
            content=content,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )
    return [stored.pk]


def _stored_minutes_readers(who: Who) -> int | str:
    """Published minutes' stored PDFs are public; earlier ones follow the meeting (its readers)."""
    if who.record.status == Meeting.Status.PUBLISHED:
        return 200
    if who.persona == "anonymous":
        return LOGIN
    return 200 if who.reads else 403


def _step(rule: Callable[[Who], int]) -> Expect:
    """A step of the minutes: the sign-in page for anonymous visitors, else what `rule` says."""
    return lambda who: LOGIN if who.persona == "anonymous" else rule(who)


def _news_post() -> str:
    """A news post the demo has not recorded yet (the seed post itself is, and is refused as a duplicate)."""
    from tests.news_import.news_posts import post_text

    return post_text("01-thai-digits-abbreviated-month-weekday.txt")


def _notification(world: World, record: Record | None) -> list[Any]:
    """district_staff's notification (the แม่ทา office is responsible for every record's directive) about the
    record's directive, as the follow-up pages raise it."""
    from notifications import services
    from notifications.models import EventKind, Notification

    office = Office.objects.get(name=data.district_office("แม่ทา"))
    directive = Directive.objects.get(pk=record.directive_id)
    event = services.notify_office(kind=EventKind.ASSIGNED, office=office, directive=directive)
    return [Notification.objects.get(event=event, recipient__username="district1").pk]


def _with_a_notification(world: World, record: Record | None) -> list[Any]:
    _notification(world, record)
    return []


def _own_notification(who: Who) -> bool:
    """A notification is its person's (district_staff's here), and only about what they may read."""
    return who.persona == "district_staff" and who.reads


def _feed_token(world: World, record: Record | None) -> list[Any]:
    """district_staff's private calendar address: the secret is the key, whoever asks."""
    user = User.objects.get(username="district1")
    return [CalendarFeed.objects.get_or_create(user=user)[0].token]


def _import_seed_post(who: Who) -> int | str:
    """A news post of the provincial office: its staff and admins import it; other recorders are told (400,
    in Thai) that they may only choose their own office."""
    if who.persona == "anonymous":
        return LOGIN
    return {"staff": 302, "admin": 302, "district_staff": 400, "other_staff": 400}.get(who.persona, 403)


ROUTES: list[Route] = [
    Route("home", answer(readers)),
    Route("login", everyone(200)),
    Route("logout", everyone(302), method="post"),
    Route("password_change", answer(signed_in)),
    Route("password_change_done", answer(signed_in)),
    # Recording meetings.
    Route("meetings:list", answer(readers), data=lambda w, r: {"status": r.status}, per_record=True, shows=_reads),
    Route("meetings:detail", answer(_reads), args=_meeting, per_record=True),
    Route("meetings:create", answer(recorders)),
    Route("meetings:edit", answer(lambda who: who.edits), args=_meeting, per_record=True),
    Route(
        "meetings:transition",
        answer(lambda who: who.moves_forward, ok=302),
        args=_meeting,
        method="post",
        data=_forward,
        per_record=True,
    ),
    Route("meetings:person_create", answer(recorders, ok=422), method="post"),
    # Before the meeting: scheduling, the letter, the answers, the documents, the private calendar.
    Route("invitations:schedule", answer(recorders)),
    Route("invitations:schedule", answer(recorders), method="post", note="empty"),
    Route("invitations:meeting", answer(_reads), args=_meeting, per_record=True),
    Route("invitations:letter", answer(_reads), args=_meeting, per_record=True),
    Route("invitations:send", answer(lambda who: who.invites, ok=302), args=_meeting, method="post", per_record=True),
    Route(
        "invitations:invite",
        answer(lambda who: who.invites, ok=302),
        args=_meeting,
        method="post",
        data=lambda w, r: {"offices": [Office.objects.get(name=data.district_office("แม่ทา")).pk]},
        per_record=True,
    ),
    Route(
        "invitations:upload",
        answer(lambda who: who.invites, ok=302),
        args=_meeting,
        method="post",
        data=lambda w, r: {"file": _pdf()},
        per_record=True,
    ),
    Route("invitations:document", answer(_reads), args=lambda w, r: [r.document_id], per_record=True),
    Route("invitations:answer", answer(lambda who: who.answers), args=lambda w, r: [r.invitation_id], per_record=True),
    Route(
        "invitations:answer",
        answer(lambda who: who.answers, ok=302),
        args=lambda w, r: [r.invitation_id],
        method="post",
        data=lambda w, r: {
            "answer": "decline",
            "note": "ติดราชการอื่น",
            "attendees-TOTAL_FORMS": "0",
            "attendees-INITIAL_FORMS": "0",
        },
        per_record=True,
    ),
    Route("invitations:feed", everyone(200), args=_feed_token, per_record=True, shows=lambda who: None),
    Route("invitations:feed_renew", answer(readers, ok=302), method="post"),
    # The minutes after the meeting: checked, certified, signed, published (minutes/).
    Route(
        "minutes:send",
        _step(Who.sends_for_check),
        args=_meeting,
        method="post",
        data=lambda w, r: {"checker": w.admin.pk},
        per_record=True,
    ),
    Route(
        "minutes:check",
        answer(lambda who: False),  # only the checker a minute-taker named, and none is named in the world
        args=_meeting,
        method="post",
        data=lambda w, r: {"decision": "approve"},
        per_record=True,
    ),
    Route(
        "minutes:certify_next",
        _step(Who.certifies_at_next_meeting),
        args=_meeting,
        method="post",
        data=lambda w, r: {"outcome": "unchanged"},
        per_record=True,
    ),
    Route("minutes:circulate", _step(Who.circulates), args=_meeting, method="post", per_record=True),
    Route(
        "minutes:answer",
        answer(lambda who: False),  # only members of an open circulation, and none is open in the world
        args=_meeting,
        method="post",
        data=lambda w, r: {"answer": "unchanged"},
        per_record=True,
    ),
    Route(
        "minutes:sign",
        answer(lambda who: False),  # only the minute-taker, checker and chair, and the world's minutes name none
        args=_meeting,
        method="post",
        data=lambda w, r: {"role": "chair", "typed_name": "ทดสอบ"},
        per_record=True,
    ),
    Route("minutes:publish", _step(Who.publishes), args=_meeting, method="post", per_record=True),
    Route("minutes:word", answer(lambda who: who.reads and who.writes_minutes), args=_meeting, per_record=True),
    # Directives, their follow-up, search, the dashboard.
    Route("directives:detail", answer(_reads), args=_directive, per_record=True),
    Route("directives:attachment", answer(_reads), args=lambda w, r: [r.attachment_id], per_record=True),
    Route(
        "directives:detail",
        answer(lambda who: who.reports, ok=302),
        args=_directive,
        method="post",
        data=lambda w, r: {"note": "ลงพื้นที่ติดตามแล้ว", "new_status": "in_progress"},
        per_record=True,
    ),
    Route("directives:list", answer(readers), data=_query, per_record=True, shows=_reads),
    Route(
        "directives:list",
        answer(readers),
        data=lambda w, r: {"q": r.query, "overdue": "on"},
        per_record=True,
        shows=_reads,
        note="overdue",
    ),
    Route("directives:export", answer(readers), data=_query, per_record=True, shows=_reads),
    Route(
        "directives:carried_forward",
        answer(readers),
        data=lambda w, r: {"office": r.organizer_id},
        per_record=True,
        shows=_reads,
    ),
    Route("search:results", answer(readers), data=_query, per_record=True, shows=_reads),
    # The JSON API.
    Route("api-meeting-list", api(readers), data=lambda w, r: {"status": r.status}, per_record=True, shows=_reads),
    Route("api-meeting-list", api(readers), data=_query, per_record=True, shows=_reads, note="q"),
    Route("api-meeting-detail", api(_reads), args=_meeting, per_record=True),
    Route("api-directive-list", api(readers), data=_query, per_record=True, shows=_reads),
    Route(
        "api-directive-list",
        api(readers),
        data=lambda w, r: {"q": r.query, "overdue": "true"},
        per_record=True,
        shows=_reads,
        note="overdue",
    ),
    Route("api-directive-detail", api(_reads), args=_directive, per_record=True),
    Route("api-program-list", api(readers)),
    Route("api-program-detail", api(readers), args=lambda w, r: [Program.objects.get(code="khok-nong-na").pk]),
    Route("api-schema", api(readers)),
    Route("api-docs", answer(readers)),
    # History: what changed, deleting, restoring.
    Route("history:meeting", answer(_reads), args=_meeting, per_record=True),
    Route("history:directive", answer(_reads), args=_directive, per_record=True),
    Route(
        "history:meeting_revert",
        answer(admins, ok=302),
        args=_history_id(Meeting, lambda r: r.meeting_id),
        method="post",
        per_record=True,
    ),
    Route(
        "history:directive_revert",
        answer(admins, ok=302),
        args=_history_id(Directive, lambda r: r.directive_id),
        method="post",
        per_record=True,
    ),
    Route("history:delete", answer(lambda who: who.deletes), args=_meeting, per_record=True, note="confirm"),
    Route("history:delete", answer(lambda who: who.deletes, ok=302), args=_meeting, method="post", per_record=True),
    Route("history:deleted", answer(admins)),
    Route("history:restore", answer(admins, ok=302), args=lambda w, r: [w.deleted_batch()], method="post"),
    # Programs and communities: every role reads; district offices edit their own district's records.
    Route("programs:list", answer(readers)),
    Route("programs:communities", answer(readers)),
    Route(
        "programs:community",
        answer(readers),
        args=lambda w, r: [community_of("แม่ทา").pk],
        per_record=True,
        shows=_reads,
    ),
    Route("programs:detail", answer(readers), args=lambda w, r: ["khok-nong-na"], per_record=True, shows=_reads),
    Route("programs:template", answer(readers), args=lambda w, r: ["khok-nong-na"]),
    Route("programs:upload", answer(any_district_editor), args=lambda w, r: ["khok-nong-na"]),
    Route(
        "programs:participation_edit",
        answer(district_editors("แม่ทา")),
        args=lambda w, r: ["khok-nong-na", community_of("แม่ทา").pk, 2566],
        note="แม่ทา",
    ),
    Route(
        "programs:participation_edit",
        answer(district_editors(OTHER_DISTRICT)),
        args=lambda w, r: ["khok-nong-na", community_of(OTHER_DISTRICT).pk, 2566],
        note=OTHER_DISTRICT,
    ),
    # PDF exports: admins only.
    Route("reports:index", answer(admins)),
    Route("reports:export_meeting", answer(admins, ok=302), args=_meeting, method="post", per_record=True),
    Route(
        "reports:export_fiscal_year",
        answer(admins, ok=302),
        args=lambda w, r: [w.seed.fiscal_year],
        method="post",
    ),
    Route("reports:job", answer(admins), args=_export_job),
    Route("reports:download", answer(admins), args=_minutes_pdf),
    # Notifications: each person reads only their own; the profile page is always one's own.
    Route(
        "notifications:list",
        answer(signed_in),
        args=_with_a_notification,
        per_record=True,
        shows=_own_notification,
    ),
    Route(
        "notifications:open",
        answer(_own_notification, ok=302),
        args=_notification,
        method="post",
        per_record=True,
    ),
    Route("notifications:read_all", answer(signed_in, ok=302), method="post"),
    Route("accounts:profile", answer(signed_in)),
    Route("accounts:profile", answer(signed_in, ok=302), method="post", data=lambda w, r: {"email_notifications": ""}),
    # Public news: no login; what is not published does not exist.
    Route("news:list", everyone(200), per_record=True, shows=_only_public),
    Route("news:detail", public, args=_meeting, per_record=True),
    Route("news:photo", public, args=_photo, per_record=True),
    Route("news:rss", everyone(200), per_record=True, shows=_only_public),
    Route("news:atom", everyone(200), per_record=True, shows=_only_public),
    Route("news:ical", everyone(200), per_record=True, shows=_never_unless_public),
    Route("news:staff_photo", answer(_reads), args=_photo, per_record=True),
    Route("news:meeting_photos", answer(lambda who: who.manages_photos), args=_meeting, per_record=True),
    Route(
        "news:meeting_photos",
        answer(lambda who: who.manages_photos, ok=302),
        args=_meeting,
        method="post",
        data=lambda w, r: {"image": _png()},
        per_record=True,
    ),
    Route(
        "news:delete_photo",
        answer(lambda who: who.manages_photos, ok=302),
        args=_photo,
        method="post",
        per_record=True,
    ),
    # Import of old news posts: those who record meetings, for their own office.
    Route("news_import:form", answer(recorders)),
    Route(
        "news_import:form",
        _import_seed_post,
        method="post",
        data=lambda w, r: {"text": _news_post(), "organizer": w.seed.organizer_id},
        note="post",
    ),
    # Last: its args store a published PDF of the record's meeting, which keeps that meeting from being deleted;
    # the walks that take every URL of the matrix in order meet the delete page before.
    Route("minutes:pdf", _stored_minutes_readers, args=_stored_minutes, per_record=True),
]


def expected(route: Route, persona: str, record: Record | None) -> int | str:
    return route.expect(Who(persona, record))


def urls_answering(persona: str, world: World, status: int = 200, *, every_record: bool = True) -> list[str]:
    """Every GET URL of the matrix that answers `status` to the persona: for each record, or (every_record
    False) for the first record that answers so, when one page of each kind is enough.

    For every record, every address is made first and the answers expected after: making some addresses makes
    what they point at (a stored PDF of the minutes), which changes what other routes answer (a meeting with a
    stored PDF is kept, so its delete page refuses). With one record per route only the addresses taken are made,
    so that records without a stored PDF remain (their delete page is one of the forms people use)."""
    if not every_record:
        return _first_urls_answering(persona, world, status)
    addresses = [
        (route, record, reverse(route.name, args=route.args(world, record)))
        for route in ROUTES
        if route.method == "get"
        for record in (world.records if route.per_record else [None])
    ]
    urls: list[str] = []
    for route, record, url in addresses:
        if expected(route, persona, record) == status and url not in urls:
            urls.append(url)
    return urls


def _first_urls_answering(persona: str, world: World, status: int) -> list[str]:
    urls = []
    for route in ROUTES:
        if route.method != "get":
            continue
        for record in world.records if route.per_record else [None]:
            if expected(route, persona, record) == status:
                url = reverse(route.name, args=route.args(world, record))
                if url not in urls:
                    urls.append(url)
                break
    return urls
