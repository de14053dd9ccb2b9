"""The staff page that turns a pasted news post into a draft meeting."""

from __future__ import annotations

import pytest
from django.urls import reverse
from news_posts import post_text

from meetings.demo import data
from meetings.models import Meeting

URL = "news_import:form"


def test_staff_paste_the_seed_post_and_get_a_draft_to_review(personas, demo):
    # The demo already records the seed meeting, where importing it again is refused as a duplicate (see the
    # tests below): here the office has not recorded it yet.
    demo.delete()
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


# --- A meeting already recorded ---------------------------------------------------------------------------------


def test_a_post_of_a_recorded_meeting_offers_the_meeting_instead_of_a_duplicate(personas, demo):
    staff = personas.client_for(personas.staff)
    before = Meeting.objects.count()
    # The headline typed with runs of spaces is still the same title.
    text = data.SEED_POST.replace(" และจังหวัดลำพูน", "   และจังหวัดลำพูน", 1)
    assert text != data.SEED_POST
    for extra in ({}, {"create_anyway": "on"}):
        response = staff.post(reverse(URL), {"text": text, "organizer": demo.organizer_id, **extra})
        assert response.status_code == 400
        page = response.content.decode()
        assert "การประชุมนี้บันทึกไว้แล้ว" in page
        assert f'href="{demo.get_absolute_url()}"' in page
    assert Meeting.objects.count() == before


def test_another_meeting_on_a_recorded_day_is_created_only_when_the_user_says_so(personas, demo):
    staff = personas.client_for(personas.staff)
    text = "พช.ลำพูน : ประชุมคณะทำงานจัดงานวันสตรีสากล\n\nวันที่ 17 พฤศจิกายน 2563 เวลา 14.00 น. ณ ห้องประชุมสำนักงาน"
    before = Meeting.objects.count()
    response = staff.post(reverse(URL), {"text": text, "organizer": demo.organizer_id})
    assert response.status_code == 400
    page = response.content.decode()
    assert "บันทึกการประชุมวันที่ 17 พฤศจิกายน 2563 ไว้แล้ว 1 รายการ" in page
    assert f'href="{demo.get_absolute_url()}"' in page
    assert 'type="checkbox" name="create_anyway"' in page
    assert Meeting.objects.count() == before

    response = staff.post(reverse(URL), {"text": text, "organizer": demo.organizer_id, "create_anyway": "on"})
    assert response.status_code == 302
    assert Meeting.objects.count() == before + 1
    assert Meeting.objects.latest("pk").title == "ประชุมคณะทำงานจัดงานวันสตรีสากล"


def test_a_day_with_nothing_recorded_needs_no_confirmation(personas, demo):
    response = personas.client_for(personas.staff).post(
        reverse(URL), {"text": post_text("03-no-time-no-count-acting-title.txt"), "organizer": demo.organizer_id}
    )
    page = response.content.decode()
    assert "ข่าวไม่ระบุเวลาเริ่มประชุม" in page
    assert 'type="checkbox" name="create_anyway"' not in page
    assert "บันทึกไว้แล้ว" not in page


# --- Where the import is found ------------------------------------------------------------------------------------


def test_the_meeting_list_and_the_new_meeting_page_lead_to_the_import(personas, demo):
    staff = personas.client_for(personas.staff)
    link = f'href="{reverse(URL)}"'
    assert link in staff.get(reverse("meetings:list")).content.decode()
    assert link in staff.get(reverse("meetings:create")).content.decode()


def test_readers_and_the_edit_page_show_no_import_link(personas, demo):
    link = f'href="{reverse(URL)}"'
    assert link not in personas.client_for(personas.official).get(reverse("meetings:list")).content.decode()
    admin = personas.client_for(personas.admin)
    assert link not in admin.get(reverse("meetings:edit", args=[demo.pk])).content.decode()
