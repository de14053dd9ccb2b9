"""Fixtures of the notification tests: quick retries, and the แม่ทา office set up to be notified."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from maetha_office import COLLEAGUE_EMAIL, DISTRICT1_EMAIL, LINE_GROUP, OFFICE_EMAIL, Maetha

from meetings.demo import data
from meetings.models import Meeting, Office, Person
from notifications.models import OfficeChannels
from tests.conftest import Personas


@pytest.fixture(autouse=True)
def _quick_retries(settings: Any) -> None:
    """Back-off of 0 s and three tries, so a test sees every retry without waiting; messages from pages are
    held 5 minutes as in production (tests move the clock of the queue when they need to)."""
    settings.PORTAL_NOTIFY_RETRY_SECONDS = 0
    settings.PORTAL_NOTIFY_MAX_ATTEMPTS = 3
    settings.PORTAL_NOTIFY_HOLD_MINUTES = 5
    settings.PORTAL_BASE_URL = "https://meeting.lamphun.example"


@pytest.fixture
def maetha(personas: Personas) -> Maetha:
    office = Office.objects.get(name=data.district_office("แม่ทา"))
    district1 = personas.district_staff
    district1.email = DISTRICT1_EMAIL
    district1.save(update_fields=["email"])
    colleague = User.objects.create_user("maetha2", email=COLLEAGUE_EMAIL, first_name="ลำดวน", last_name="ใจมา")
    Person.objects.create(title="นาง", first_name="ลำดวน", last_name="ใจดี", office=office, user=colleague)
    OfficeChannels.objects.create(office=office, email=OFFICE_EMAIL, line_group_id=LINE_GROUP)
    meeting = Meeting.objects.create(
        title="ประชุมติดตามงานพัฒนาชุมชน ครั้งที่ 5/2567",
        organizer=Office.objects.get(name=data.PROVINCIAL),
        starts_at=dt.datetime(2024, 3, 5, 9, 0, tzinfo=timezone.get_default_timezone()),
        venue="ห้องประชุมจามเทวี",
        status=Meeting.Status.CERTIFIED,
    )
    return Maetha(office=office, district1=district1, colleague=colleague, meeting=meeting)
