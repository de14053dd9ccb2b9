"""A small, hand-checkable set of program records (independent of the demo data's figures)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from lamphun_portal import roles
from programs.models import Community, OtopRating, OtopSales, Participation, ProducerGroup, Program


@dataclass
class Small:
    knn: Program
    otop: Program
    tha_kat: Community
    san_kong: Community
    li_village: Community


@pytest.fixture
def small(db: None) -> Small:
    knn = Program.objects.create(code="knn-test", name="โคก หนอง นา (ทดสอบ)", kind=Program.Kind.KHOK_NONG_NA)
    otop = Program.objects.create(code="otop-test", name="OTOP (ทดสอบ)", kind=Program.Kind.OTOP)
    tha_kat = Community.objects.create(name="บ้านทดสอบหนึ่ง", moo=11, tambon="ทากาศ", district="แม่ทา", households=100)
    san_kong = Community.objects.create(name="บ้านทดสอบสอง", moo=12, tambon="ทากาศ", district="แม่ทา", households=80)
    li_village = Community.objects.create(name="บ้านทดสอบสาม", moo=14, tambon="แม่ตืน", district="ลี้", households=60)
    rows = [
        (tha_kat, 2565, 8, 8, "24"),
        (tha_kat, 2566, 9, 9, "25.5"),
        (san_kong, 2565, 5, 5, "15"),
        (san_kong, 2566, 6, 6, "18.25"),
        (li_village, 2566, 4, 3, "12"),
    ]
    for community, year, households, plots, area in rows:
        Participation.objects.create(
            community=community,
            program=knn,
            fiscal_year=year,
            households=households,
            plots=plots,
            area_rai=Decimal(area),
        )
    weave = ProducerGroup.objects.create(community=li_village, name="กลุ่มทอผ้าทดสอบ", products="ผ้าทอ", category="textile")
    longan = ProducerGroup.objects.create(
        community=li_village, name="กลุ่มลำไยทดสอบ", products="ลำไยอบแห้ง", category="food"
    )
    herbs = ProducerGroup.objects.create(community=tha_kat, name="กลุ่มสมุนไพรทดสอบ", products="สบู่", category="herbal")
    OtopSales.objects.create(group=weave, fiscal_year=2566, amount=Decimal("745800"))
    OtopSales.objects.create(group=longan, fiscal_year=2566, amount=Decimal("502700.50"))
    OtopSales.objects.create(group=longan, fiscal_year=2565, amount=Decimal("1105000"))
    OtopSales.objects.create(group=herbs, fiscal_year=2566, amount=Decimal("0"))
    OtopRating.objects.create(group=weave, selection_year=2565, stars=4)
    return Small(knn=knn, otop=otop, tha_kat=tha_kat, san_kong=san_kong, li_village=li_village)


@pytest.fixture
def reader(db: None) -> Client:
    """A signed-in official (ผู้บริหาร) without the demo data, so that totals are only `small`'s."""
    user = User.objects.create_user("reader-official")
    user.groups.add(Group.objects.get(name=roles.OFFICIAL))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[Any]:
    """A page in the run's shared Chromium (tests/conftest.py: one Playwright per thread), Thai locale."""
    context = chromium.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
