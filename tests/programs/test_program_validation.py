"""Program records refuse impossible figures with a Thai message, and the database refuses them too."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from lamphun_portal.lib import thai
from programs.forms import ParticipationForm
from programs.models import Community, OtopRating, OtopSales, Participation, ProducerGroup, Program


def _messages(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict


def test_negative_area_is_refused_in_thai(small) -> None:  # noqa: ANN001
    record = Participation(community=small.li_village, program=small.knn, fiscal_year=2567, households=1, plots=1)
    record.area_rai = Decimal("-1.5")
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert _messages(error.value)["area_rai"] == ["พื้นที่ต้องไม่ติดลบ"]


def test_database_refuses_negative_area_even_past_validation(small) -> None:  # noqa: ANN001
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.filter(community=small.tha_kat, fiscal_year=2566).update(area_rai=Decimal("-3"))


@pytest.mark.parametrize("stars", [0, 6, -1])
def test_stars_outside_one_to_five_are_refused(small, stars: int) -> None:  # noqa: ANN001
    group = ProducerGroup.objects.get(name="กลุ่มทอผ้าทดสอบ")
    rating = OtopRating(group=group, selection_year=2562, stars=stars)
    with pytest.raises(ValidationError) as error:
        rating.full_clean()
    assert "ระดับดาวต้องอยู่ระหว่าง 1 ถึง 5" in _messages(error.value)["stars"]
    with pytest.raises(IntegrityError), transaction.atomic():
        OtopRating.objects.create(group=group, selection_year=2562, stars=stars)


def test_negative_sales_are_refused(small) -> None:  # noqa: ANN001
    group = ProducerGroup.objects.get(name="กลุ่มทอผ้าทดสอบ")
    sales = OtopSales(group=group, fiscal_year=2564, amount=Decimal("-0.01"))
    with pytest.raises(ValidationError) as error:
        sales.full_clean()
    assert _messages(error.value)["amount"] == ["ยอดจำหน่ายต้องไม่ติดลบ"]
    with pytest.raises(IntegrityError), transaction.atomic():
        OtopSales.objects.filter(group=group).update(amount=Decimal("-5"))


def test_zero_sales_are_allowed(small) -> None:  # noqa: ANN001
    OtopSales(group=ProducerGroup.objects.get(name="กลุ่มทอผ้าทดสอบ"), fiscal_year=2564, amount=0).full_clean()


def test_khok_nong_na_needs_households_plots_and_area(small) -> None:  # noqa: ANN001
    record = Participation(community=small.li_village, program=small.knn, fiscal_year=2567)
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    messages = _messages(error.value)
    assert messages["households"] == ["ระบุจำนวนครัวเรือนที่เข้าร่วม"]
    assert messages["plots"] == ["ระบุจำนวนแปลง"]
    assert messages["area_rai"] == ["ระบุพื้นที่เป็นไร่"]


def test_more_households_than_the_village_has_is_refused(small) -> None:  # noqa: ANN001
    record = Participation(
        community=small.li_village, program=small.knn, fiscal_year=2567, households=61, plots=1, area_rai=3
    )
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "มากกว่าครัวเรือนทั้งหมดของหมู่บ้าน (60)" in _messages(error.value)["households"][0]


def test_christian_era_fiscal_year_is_refused(small) -> None:  # noqa: ANN001
    record = Participation(
        community=small.li_village, program=small.knn, fiscal_year=2023, households=1, plots=1, area_rai=3
    )
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert _messages(error.value)["fiscal_year"] == ["ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564"]


def test_same_village_twice_in_a_year_is_refused(small) -> None:  # noqa: ANN001
    record = Participation(
        community=small.tha_kat, program=small.knn, fiscal_year=2566, households=1, plots=1, area_rai=3
    )
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "ชุมชนนี้มีข้อมูลของโครงการนี้ในปีงบประมาณนี้แล้ว" in str(error.value)


def test_nam_phatcharatham_needs_a_water_status(db: None) -> None:
    program = Program.objects.create(code="npt-test", name="น้ำพัชรธรรม", kind=Program.Kind.NAM_PHATCHARATHAM)
    village = Community.objects.create(name="บ้านฝาย", moo=9, tambon="ศรีเตี้ย", district="บ้านโฮ่ง")
    with pytest.raises(ValidationError) as error:
        Participation(community=village, program=program, fiscal_year=2566).full_clean()
    assert _messages(error.value)["water_status"] == ["เลือกสถานะการบริหารจัดการน้ำ"]


def test_form_shows_thai_errors_next_to_the_field(small) -> None:  # noqa: ANN001
    record = Participation(community=small.li_village, program=small.knn, fiscal_year=2567)
    form = ParticipationForm(
        {"households": "-2", "plots": "abc", "area_rai": "-1", "status": "active"}, instance=record, program=small.knn
    )
    assert not form.is_valid()
    assert form.errors["households"] == ["จำนวนครัวเรือนต้องไม่ติดลบ"]
    assert form.errors["plots"] == ["ใส่เป็นตัวเลข"]
    assert form.errors["area_rai"] == ["พื้นที่ต้องไม่ติดลบ"]


def test_amounts_in_figures_and_in_words() -> None:
    assert thai.baht_words(1248500) == "หนึ่งล้านสองแสนสี่หมื่นแปดพันห้าร้อยบาทถ้วน"
    assert thai.baht_words(Decimal("502700.50")) == "ห้าแสนสองพันเจ็ดร้อยบาทห้าสิบสตางค์"
    assert thai.number(Decimal("1248500.00")) == "1,248,500"
    assert thai.number(Decimal("43.75")) == "43.75"
