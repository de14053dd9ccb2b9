"""The next meeting takes up the office's unfinished directives (เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว): the form
offers them, the recorder ticks which to carry, and they become an agenda item with their status that day, on
the page and in the minutes PDF; a resolution on one enters its trail."""

from __future__ import annotations

import sys
from pathlib import Path

from django.urls import reverse

from directives.models import CarriedDirective, Directive, DirectiveUpdate
from meetings.models import Meeting, Office
from reports import services as report_services
from reports.documents import PrintOptions
from tests.conftest import Personas
from tests.meetings.meeting_post import meeting_post

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reports"))
from report_pdf_text import body_text, squash  # noqa: E402

CREATE = reverse("meetings:create")


def _errors(response: object) -> str:
    import re

    html = response.content.decode()
    found = re.findall(r"(?:invalid-feedback[^>]*>|alert-danger[^>]*>)([^<]+)", html)
    context = getattr(response, "context", None) or {}
    parts = [
        context[name].errors for name in ("form", "attendance", "agenda", "directives", "carried") if name in context
    ]
    return " | ".join(found) + repr(parts)


def _unfinished(office: Office) -> list[Directive]:
    return list(Directive.objects.unfinished().filter(meeting__organizer=office).order_by("meeting__starts_at", "pk"))


def _next_meeting(office: Office, **fields: object) -> dict[str, object]:
    return meeting_post(
        office=office,
        title="ประชุมประจำเดือนสำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        starts_on="5/12/2569",
        agenda=[{"heading": "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "resolution": "ที่ประชุมรับทราบ"}],
        **fields,
    )


def test_the_new_meeting_form_offers_the_offices_unfinished_directives(personas: Personas, demo: Meeting) -> None:
    page = personas.client_for(personas.staff).get(CREATE).content.decode()
    assert "เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว" in page
    open_ones = _unfinished(demo.organizer)
    assert open_ones
    for directive in open_ones:
        assert f'value="{directive.pk}"' in page and directive.text[:60] in page
    done = Directive.objects.filter(meeting__organizer=demo.organizer, status="done").first()
    assert done is not None and f'name="carried-carry" value="{done.pk}"' not in page


def test_ticked_directives_become_the_carried_agenda_item_with_status_and_their_resolution_enters_the_trail(
    personas: Personas, demo: Meeting, tmp_path: Path
) -> None:
    first, second = _unfinished(demo.organizer)[:2]
    data = _next_meeting(
        demo.organizer,
        **{
            "carried-shown": "1",
            "carried-carry": [first.pk, second.pk],
            f"carried-resolution_{first.pk}": "ที่ประชุมรับทราบความคืบหน้า ดำเนินการแล้วร้อยละ 80",
        },
    )
    response = personas.client_for(personas.staff).post(CREATE, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get(title="ประชุมประจำเดือนสำนักงานพัฒนาชุมชนจังหวัดลำพูน")
    item = meeting.agenda_items.get(heading="เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว")
    assert item.order == 2
    carried = list(CarriedDirective.objects.filter(agenda_item=item).order_by("order"))
    assert [(c.directive, c.status) for c in carried] == [(first, first.status), (second, second.status)]
    entry = first.updates.get(kind=DirectiveUpdate.Kind.MEETING)
    assert (entry.meeting, entry.note) == (meeting, "ที่ประชุมรับทราบความคืบหน้า ดำเนินการแล้วร้อยละ 80")
    assert not second.updates.filter(kind=DirectiveUpdate.Kind.MEETING).exists()

    page = personas.client_for(personas.staff).get(meeting.get_absolute_url()).content.decode()
    assert first.get_absolute_url() in page and first.get_status_display() in page
    pdf = report_services.minutes_pdf(meeting=meeting, options=PrintOptions())
    text = squash(body_text(bytes(pdf.content), tmp_path))
    assert squash("เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว") in text
    assert squash(first.text) in text and squash(f"สถานะ ณ วันประชุม: {first.get_status_display()}") in text
    assert squash("ที่ประชุมรับทราบความคืบหน้า ดำเนินการแล้วร้อยละ 80") in text

    # A draft's resolution stays inside its office: แม่ทา reads the directive, not what the draft says of it.
    if first.responsible_offices.filter(district="แม่ทา").exists():
        trail = personas.client_for(personas.district_staff).get(first.get_absolute_url()).content.decode()
        assert "ดำเนินการแล้วร้อยละ 80" not in trail

    # Editing the minutes: untick one and its link and trail entry go; the other stays.
    edit = _next_meeting(
        demo.organizer,
        version=str(meeting.version),
        existing={
            "attendance": [],
            "agenda": list(meeting.agenda_items.order_by("order").values_list("pk", flat=True)),
            "directives": [],
        },
        **{"carried-shown": "1", "carried-carry": [second.pk], "submission_token": ""},
    )
    edit["agenda-TOTAL_FORMS"] = "2"
    edit["agenda-1-id"] = item.pk
    edit["agenda-1-heading"] = item.heading
    response = personas.client_for(personas.staff).post(reverse("meetings:edit", args=[meeting.pk]), edit)
    assert response.status_code == 302, _errors(response)
    assert list(CarriedDirective.objects.filter(agenda_item__meeting=meeting).values_list("directive", flat=True)) == [
        second.pk
    ]
    assert not first.updates.filter(kind=DirectiveUpdate.Kind.MEETING).exists()


def test_a_directive_not_offered_cannot_be_carried(personas: Personas, demo: Meeting) -> None:
    other = Directive.objects.exclude(meeting__organizer=demo.organizer).first()
    data = _next_meeting(demo.organizer, **{"carried-shown": "1", "carried-carry": [other.pk]})
    response = personas.client_for(personas.staff).post(CREATE, data)
    assert response.status_code == 200
    assert "ข้อสั่งการที่เลือกไม่อยู่ในรายการเรื่องสืบเนื่อง" in response.content.decode()
    assert not Meeting.objects.filter(title="ประชุมประจำเดือนสำนักงานพัฒนาชุมชนจังหวัดลำพูน").exists()
