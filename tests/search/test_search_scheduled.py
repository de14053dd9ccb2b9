"""Search asks the one policy about meetings still at work: a scheduled meeting is found by the offices invited
to it and by its organisers, by nobody else, whatever the numbers of the search documents happen to be."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from invitations.models import Invitation
from meetings.demo import data
from meetings.models import Meeting, Office
from search import engine
from search.models import Kind, SearchDocument
from tests.conftest import Personas
from tests.word_markup import without_word_markup

WORD = "ประชุมเตรียมงานมหกรรมผ้าทอยองแม่ทา"


def _scheduled(title: str, organizer: Office, invited: Office | None = None, pk: int | None = None) -> Meeting:
    meeting = Meeting.objects.create(
        pk=pk,
        title=title,
        organizer=organizer,
        starts_at=timezone.now() + dt.timedelta(days=10),
        venue="ห้องประชุมอำเภอ",
        status=Meeting.Status.SCHEDULED,
    )
    if invited is not None:
        Invitation.objects.create(meeting=meeting, office=invited)
    return meeting


def _found(personas: Personas, user: object, words: str) -> str:
    """The text of the results page, without its markup (highlights, word wrapping)."""
    page = personas.client_for(user).get(reverse("search:results"), {"q": words}).content.decode()
    return re.sub(r"<[^>]+>", "", without_word_markup(page))


def test_a_scheduled_meeting_is_found_by_its_invitees_and_organisers_only(personas: Personas) -> None:
    li = Office.objects.get(name=data.district_office("ลี้"))
    maetha = Office.objects.get(name=data.district_office("แม่ทา"))
    meeting = _scheduled(f"{WORD} ครั้งที่ 1", li, invited=maetha)
    assert SearchDocument.objects.filter(kind=Kind.MEETING, object_id=meeting.pk).exists()
    assert meeting.title in _found(personas, personas.district_staff, WORD)  # แม่ทา is invited
    assert meeting.title in _found(personas, personas.other_staff, WORD)  # ลี้ organises
    assert meeting.title not in _found(personas, personas.staff, WORD)  # the provincial office is not invited
    assert meeting.title not in _found(personas, personas.official, WORD)


def test_an_invitation_opens_only_its_own_meeting_not_a_document_that_shares_its_number(personas: Personas) -> None:
    """A search document's number is not a meeting's: the invitation to meeting N must not open document N."""
    li = Office.objects.get(name=data.district_office("ลี้"))
    maetha = Office.objects.get(name=data.district_office("แม่ทา"))
    hidden = _scheduled(f"{WORD} ของอำเภอลี้เท่านั้น", li, pk=40_001)
    invited_pk = engine.document_id(Kind.MEETING, hidden.pk)  # the hidden meeting's document has this number
    _scheduled(f"{WORD} ที่แม่ทาได้รับเชิญ", li, invited=maetha, pk=invited_pk)
    page = _found(personas, personas.district_staff, WORD)
    assert "ที่แม่ทาได้รับเชิญ" in page
    assert "ของอำเภอลี้เท่านั้น" not in page
