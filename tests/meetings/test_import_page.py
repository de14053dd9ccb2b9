"""The staff page that turns a pasted news post into a draft meeting."""

from __future__ import annotations

import pytest
from django.urls import reverse
from news_posts import post_text

from meetings.demo import data
from meetings.models import Meeting

URL = "meetings:import_news"


def test_staff_paste_the_seed_post_and_get_a_draft_to_review(personas, demo):
    before = Meeting.objects.count()
    response = personas.client_for(personas.staff).post(
        reverse(URL), {"text": data.SEED_POST, "organizer": demo.organizer_id}
    )
    assert response.status_code == 302
    assert Meeting.objects.count() == before + 1
    draft = Meeting.objects.latest("pk")
    assert draft.status == Meeting.Status.DRAFT
    assert draft.title == data.SEED_MEETING["title"]
    assert draft.chair.full_name == "นายวรยุทธ เนาวรัตน์"
    assert draft.directives.count() == len(data.SEED_MEETING["directives"])
    assert response["Location"] in {reverse("meetings:detail", args=[draft.pk]), f"/meetings/{draft.pk}/edit/"}


def test_post_without_time_keeps_the_text_and_asks_for_the_time_in_thai(personas, demo):
    text = post_text("03-no-time-no-count-acting-title.txt")
    staff = personas.client_for(personas.staff)
    before = Meeting.objects.count()
    response = staff.post(reverse(URL), {"text": text, "organizer": demo.organizer_id})
    assert response.status_code == 400
    page = response.content.decode()
    assert "ข่าวไม่ระบุเวลาเริ่มประชุม กรุณากรอก" in page
    assert "ว่าที่ร้อยตรีธีรวัฒน์" in page  # the pasted text is still there
    assert "12 กุมภาพันธ์ 2564" in page  # and what was read is shown
    assert Meeting.objects.count() == before

    response = staff.post(reverse(URL), {"text": text, "organizer": demo.organizer_id, "time": "13.30"})
    assert response.status_code == 302
    draft = Meeting.objects.latest("pk")
    assert draft.starts_at.astimezone(draft.starts_at.tzinfo).isoformat().startswith("2021-02-12")
    assert draft.attendee_count is None


def test_christian_era_year_gets_a_thai_hint(personas, demo):
    response = personas.client_for(personas.staff).post(
        reverse(URL), {"text": post_text("12-little-stated.txt"), "organizer": demo.organizer_id, "date": "5/1/2021"}
    )
    assert response.status_code == 400
    assert "ปี 2021 ดูเหมือนเป็น ค.ศ. กรุณากรอกปี พ.ศ. เช่น 2564" in response.content.decode()


def test_empty_paste_is_a_thai_error(personas, demo):
    response = personas.client_for(personas.staff).post(reverse(URL), {"text": "", "organizer": demo.organizer_id})
    assert response.status_code == 400
    assert "กรุณาวางข้อความข่าว" in response.content.decode()


def test_staff_cannot_import_for_an_office_outside_their_own(personas, demo):
    response = personas.client_for(personas.district_staff).post(
        reverse(URL), {"text": data.SEED_POST, "organizer": demo.organizer_id}
    )
    assert response.status_code == 400
    assert "organizer" in response.context["form"].errors


@pytest.mark.parametrize(("persona", "status"), [("official", 403), ("outsider", 403)])
def test_readers_cannot_import(personas, demo, persona, status):
    assert personas.client_for(getattr(personas, persona)).get(reverse(URL)).status_code == status


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse(URL))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_an_empty_submission_gets_thai_errors(personas, demo):
    response = personas.client_for(personas.staff).post(reverse(URL), {})
    assert response.status_code == 400
    assert "กรุณาวางข้อความข่าว" in response.content.decode()
