"""The notification list and the profile page: constant queries, and nobody reads another person's."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from maetha_office import Maetha

from accounts.models import Profile
from notifications import services
from notifications.models import Event, EventKind, Notification
from tests.conftest import Personas


def _fill(maetha: Maetha, count: int, start: int = 0) -> None:
    """`count` more notifications for district1 (in bulk), about five directives of the certified meeting."""
    directives = [maetha.directive(f"ข้อสั่งการลำดับที่ {start + n}", due=dt.date(2024, 6, 30)) for n in range(5)]
    events = Event.objects.bulk_create(
        Event(kind=EventKind.ASSIGNED, office=maetha.office, directive=directives[n % 5], key=f"bulk:{start + n}")
        for n in range(count)
    )
    Notification.objects.bulk_create(Notification(recipient=maetha.district1, event=event) for event in events)


def _queries(client: object, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_list_runs_the_same_queries_with_5_and_500_notifications(maetha: Maetha, personas: Personas) -> None:
    client = personas.client_for(maetha.district1)
    url = reverse("notifications:list")
    _fill(maetha, 5)
    client.get(url)  # warm the session and the user
    few, page = _queries(client, url)
    assert page.count("ข้อสั่งการลำดับที่") == 5 and 'text-bg-warning">5<' in page
    _fill(maetha, 495, start=5)
    many, page = _queries(client, url)
    assert many == few, f"{few} queries with 5 notifications, {many} with 500"
    assert 'text-bg-warning">500<' in page and "หน้า 1 จาก 10" in page
    last, page = _queries(client, f"{url}?page=10")
    assert last == few and page.count("ข้อสั่งการลำดับที่") == 50


def test_a_person_cannot_open_another_persons_notification(maetha: Maetha, personas: Personas) -> None:
    directive = maetha.directive("ให้ส่งภาพกิจกรรม", due=None)
    services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=directive)
    theirs = Notification.objects.get(recipient=maetha.colleague)
    for persona in ("district_staff", "staff", "official", "admin", "outsider"):
        client = personas.client_for(getattr(personas, persona))
        assert client.post(reverse("notifications:open", args=[theirs.pk])).status_code == 403, persona
        if persona != "district_staff":  # district1 has a copy of their own
            assert "ให้ส่งภาพกิจกรรม" not in client.get(reverse("notifications:list")).content.decode(), persona
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert personas.client_for(personas.admin).post(reverse("notifications:open", args=[999999])).status_code == 404
    # Marking all read touches only one's own.
    personas.client_for(maetha.district1).post(reverse("notifications:read_all"))
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_empty_list_says_what_comes_there(personas: Personas) -> None:
    page = personas.client_for(personas.district_staff).get(reverse("notifications:list")).content.decode()
    assert "ยังไม่มีการแจ้งเตือน" in page and "สำนักงานพัฒนาชุมชนอำเภอแม่ทา" in page
    page = personas.client_for(personas.outsider).get(reverse("notifications:list")).content.decode()
    assert "ยังไม่ได้ผูกกับหน่วยงาน" in page


def test_the_navigation_links_to_the_list_and_the_profile(personas: Personas) -> None:
    page = personas.client_for(personas.staff).get(reverse("meetings:list")).content.decode()
    assert reverse("notifications:list") in page and reverse("accounts:profile") in page


def test_the_profile_page_is_ones_own(personas: Personas) -> None:
    """There is no address for another person's profile: each person sees and changes only their own."""
    personas.client_for(personas.staff).post(reverse("accounts:profile"), {})  # staff1 turns e-mail off
    page = personas.client_for(personas.official).get(reverse("accounts:profile")).content.decode()
    assert "official1" in page and "staff1" not in page
    assert Profile.objects.get(user=personas.staff).email_notifications is False
    assert Profile.objects.get(user=personas.official).email_notifications is True


def test_the_delivery_log_is_for_admins(personas: Personas) -> None:
    """A member of staff let into Django's admin for other work still does not read the delivery log."""
    clerk = User.objects.create_user("clerk", is_staff=True)
    clerk.groups.add(Group.objects.get(name="เจ้าหน้าที่"))
    url = reverse("admin:notifications_delivery_changelist")
    assert personas.client_for(clerk).get(url).status_code == 403
    index = personas.client_for(clerk).get(reverse("admin:index")).content.decode()
    assert "บันทึกการส่งการแจ้งเตือน" not in index
    admin = personas.client_for(personas.admin)
    assert "บันทึกการส่งการแจ้งเตือน" in admin.get(reverse("admin:index")).content.decode()
    page = admin.get(url).content.decode()
    assert "ส่งไม่สำเร็จ" in page and "LINE" in page  # the filters, in Thai
    assert admin.get(reverse("admin:notifications_delivery_add")).status_code == 403
