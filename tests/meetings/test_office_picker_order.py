"""The office pickers offer the user's own office first, then offices of the same kind, then the others."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from meetings.demo import data
from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def _offered(html: str, field: str) -> list[str]:
    """The office names of the first select whose name ends with ``field``, in the order offered."""
    select = re.search(rf'<select name="[^"]*{field}"[^>]*>(.*?)</select>', html, re.DOTALL)
    assert select, field
    return [re.sub(r"\s+", " ", name).strip() for name in re.findall(r"<option[^>]*>(.*?)</option>", select.group(1))]


def _typed(names: list[str], query: str) -> list[str]:
    """What the picker (static/js/meeting_form.js) shows for ``query``: the matching options, in order."""
    return [name for name in names if query in name]


def test_staff_of_the_provincial_office_get_their_office_first(personas: Personas) -> None:
    html = personas.client_for(personas.staff).get(reverse("meetings:create")).content.decode()
    offered = _offered(html, "responsible_offices")
    shown = _typed(offered, "ลำพูน")
    assert shown[0] == data.PROVINCIAL
    assert shown.index(data.PROVINCIAL) < shown.index(data.PROVINCE)


def test_district_staff_get_their_office_then_the_other_district_offices(personas: Personas) -> None:
    html = personas.client_for(personas.district_staff).get(reverse("meetings:create")).content.decode()
    offered = _offered(html, "responsible_offices")
    own_name = data.district_office("แม่ทา")
    assert offered[0] == own_name
    districts = [name for name in offered if name.startswith("สำนักงานพัฒนาชุมชนอำเภอ")]
    assert offered[1 : 1 + len(districts) - 1] == [name for name in districts if name != own_name]
    assert _typed(offered, "ลำพูน")[0] == data.district_office("เมืองลำพูน")
