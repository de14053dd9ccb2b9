"""Totals per district against figures worked out by hand from tests/programs/conftest.py."""

from decimal import Decimal

from django.urls import reverse

from programs.summary import program_summary, program_years


def _row(summary, district: str):  # noqa: ANN001, ANN202 - test helper
    return next(row for row in summary.rows if row.district == district)


def test_khok_nong_na_totals_per_district_and_change(small) -> None:  # noqa: ANN001
    summary = program_summary(small.knn, 2566)
    mae_tha = _row(summary, "แม่ทา")
    # 2566: 9 + 6 households, 9 + 6 plots, 25.5 + 18.25 rai; 2565: 8 + 5, 8 + 5, 24 + 15.
    assert mae_tha.current["communities"] == 2
    assert mae_tha.current["households"] == 15
    assert mae_tha.current["plots"] == 15
    assert mae_tha.current["area"] == Decimal("43.75")
    assert mae_tha.previous["households"] == 13
    assert mae_tha.previous["area"] == Decimal("39")
    li = _row(summary, "ลี้")
    assert (li.current["households"], li.current["plots"], li.current["area"]) == (4, 3, Decimal("12"))
    assert li.previous["households"] == 0
    assert summary.total.current["households"] == 19
    assert summary.total.current["area"] == Decimal("55.75")
    assert summary.total.previous["area"] == Decimal("39")
    # Every district is listed, in the province's order, even with nothing recorded.
    assert [row.district for row in summary.rows][:2] == ["เมืองลำพูน", "แม่ทา"]
    assert len(summary.rows) == 8
    cells = dict((column.key, cell) for column, cell in summary.total_cells)
    assert cells["area"].change == Decimal("16.75")
    assert program_years(small.knn) == [2566, 2565]


def test_otop_totals_count_groups_and_sum_sales(small) -> None:  # noqa: ANN001
    summary = program_summary(small.otop, 2566)
    li = _row(summary, "ลี้")
    assert li.current["groups"] == 2
    assert li.current["sales"] == Decimal("1248500.50")  # 745,800 + 502,700.50
    assert li.previous["sales"] == Decimal("1105000")
    mae_tha = _row(summary, "แม่ทา")
    assert mae_tha.current["groups"] == 1 and mae_tha.current["sales"] == 0
    assert summary.total.current["groups"] == 3
    assert summary.total.current["sales"] == Decimal("1248500.50")


def test_program_page_shows_hand_computed_totals_in_thai(small, reader) -> None:  # noqa: ANN001
    client = reader
    body = client.get(reverse("programs:detail", args=["knn-test"]), {"year": 2566}).content.decode()
    assert "43.75" in body and "55.75" in body
    assert "เพิ่ม 16.75" in body  # province area against 2565
    assert "<svg" in body and "ปีงบประมาณ พ.ศ. 2566" in body
    body = client.get(reverse("programs:detail", args=["otop-test"]), {"year": 2566}).content.decode()
    assert "1,248,500.50&nbsp;บาท" in body
    assert "หนึ่งล้านสองแสนสี่หมื่นแปดพันห้าร้อยบาทห้าสิบสตางค์" in body
    assert 'เพิ่ม <span class="text-nowrap">143,500.50&nbsp;บาท</span>' in body


def test_unknown_year_falls_back_to_newest_year_with_records(small, reader) -> None:  # noqa: ANN001
    client = reader
    body = client.get(reverse("programs:detail", args=["knn-test"]), {"year": 2550}).content.decode()
    # 2550 is not a year on offer: the newest year with records is shown instead.
    assert 'สรุปรายอำเภอ ปีงบประมาณ <span class="nowrap">พ.ศ. 2566' in body
