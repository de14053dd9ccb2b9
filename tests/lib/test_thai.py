import datetime as dt

import pytest
from django.utils import timezone

from lamphun_portal.lib import thai

BKK = timezone.get_default_timezone()


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2020, 9, 30), 2563),
        (dt.date(2020, 10, 1), 2564),
        (dt.date(2020, 11, 17), 2564),
        (dt.date(2021, 9, 30), 2564),
        (dt.date(2021, 10, 1), 2565),
        (dt.date(2023, 1, 1), 2566),
    ],
)
def test_fiscal_year_boundaries(day: dt.date, year: int) -> None:
    assert thai.fiscal_year(day) == year


def test_fiscal_year_uses_bangkok_time_not_utc() -> None:
    # 30 Sep 2020 18:00 UTC is already 1 Oct 2020 01:00 in Bangkok: fiscal year 2564.
    moment = dt.datetime(2020, 9, 30, 18, 0, tzinfo=dt.UTC)
    assert thai.fiscal_year(moment) == 2564


def test_fiscal_year_bounds() -> None:
    assert thai.fiscal_year_bounds(2564) == (dt.date(2020, 10, 1), dt.date(2021, 9, 30))
    start, end = thai.fiscal_year_range(2564)
    assert start == dt.datetime(2020, 10, 1, tzinfo=BKK)
    assert end == dt.datetime(2021, 10, 1, tzinfo=BKK)


def test_buddhist_era_formats() -> None:
    moment = dt.datetime(2020, 11, 17, 10, 0, tzinfo=BKK)
    assert thai.be_date(moment) == "17 พฤศจิกายน 2563"
    assert thai.be_date_short(moment) == "17 พ.ย. 63"
    assert thai.be_date_weekday(moment) == "วันอังคารที่ 17 พฤศจิกายน 2563"
    assert thai.be_date_numeric(moment) == "17/11/2563"
    assert thai.thai_time(moment) == "10.00 น."
    assert thai.be_date(dt.date(2021, 1, 5)) == "5 มกราคม 2564"
    assert thai.be_date_short(dt.date(2000, 2, 29)) == "29 ก.พ. 43"


def test_formats_convert_utc_to_bangkok() -> None:
    moment = dt.datetime(2020, 11, 17, 3, 0, tzinfo=dt.UTC)  # 10.00 in Bangkok
    assert thai.thai_time(moment) == "10.00 น."
    assert thai.be_date(dt.datetime(2020, 11, 16, 18, 30, tzinfo=dt.UTC)) == "17 พฤศจิกายน 2563"


def test_thai_digits() -> None:
    assert thai.thai_digits(2564) == "๒๕๖๔"
    assert thai.thai_digits("ครั้งที่ 3/2563") == "ครั้งที่ ๓/๒๕๖๓"
    assert thai.be_date(dt.date(2020, 11, 17), digits="thai") == "๑๗ พฤศจิกายน ๒๕๖๓"
    assert thai.arabic_digits("๑๗/๑๑/๒๕๖๓") == "17/11/2563"


def test_parse_be_date() -> None:
    assert thai.parse_be_date("17/11/2563") == dt.date(2020, 11, 17)
    assert thai.parse_be_date("๑๗/๑๑/๒๕๖๓") == dt.date(2020, 11, 17)
    assert thai.parse_be_date("1.10.2564") == dt.date(2021, 10, 1)
    with pytest.raises(thai.ChristianEraYearError) as error:
        thai.parse_be_date("17/11/2020")
    assert error.value.suggested == 2563
    for bad in ["", "17/13/2563", "31/02/2564", "yesterday"]:
        with pytest.raises(ValueError):
            thai.parse_be_date(bad)


def test_parse_thai_time() -> None:
    assert thai.parse_thai_time("10.00") == dt.time(10, 0)
    assert thai.parse_thai_time("13:30 น.") == dt.time(13, 30)
    with pytest.raises(ValueError):
        thai.parse_thai_time("25.00")


def test_thai_dictionary_order_of_names() -> None:
    expected = [
        "กนกวรรณ",
        "ขวัญใจ",
        "เจริญ",
        "ใจดี",
        "ไพโรจน์",
        "รัตนา",
        "ฤทัย",
        "ลำดวน",
        "วรยุทธ",
        "ศศิธร",
        "สมชาย",
        "สมศรี",
        "เสาวลักษณ์",
        "แสงเดือน",
        "โสภา",
        "อรุณี",
    ]
    shuffled = [expected[i] for i in (7, 3, 15, 0, 12, 9, 1, 14, 5, 11, 2, 13, 6, 10, 4, 8)]
    assert thai.thai_sorted(shuffled) == expected


def test_thai_order_pythainlp_reference_and_tone_ties() -> None:
    words = ["ไก่", "เกิด", "กาล", "เป็ด", "หมู", "วัว", "วันที่"]
    assert thai.thai_sorted(words) == ["กาล", "เกิด", "ไก่", "เป็ด", "วันที่", "วัว", "หมู"]
    # Tone marks only break ties; a shorter word comes before its extensions.
    assert thai.thai_sorted(["ข้า", "ขา", "ข่า", "ขาว"]) == ["ขา", "ข่า", "ข้า", "ขาว"]


def test_sort_key_is_ascii() -> None:
    assert thai.sort_key("เจริญ สีวาโย").isascii()


def test_words_split_thai_compounds() -> None:
    assert "ชุมชน" in thai.words("สำนักงานพัฒนาชุมชนจังหวัดลำพูน")
    assert thai.words("  ") == []


def test_word_spans_give_offsets_of_words_with_titles_glued_to_the_word_before() -> None:
    text = "โดยมีนายวิชัย ทองสุข"
    words = [text[start:end] for start, end in thai.word_spans(text)]
    assert "นาย" in words
    assert "".join(words) == text.replace(" ", "")
    # นายอำเภอ is one word: the title นาย does not end on a word boundary there.
    assert (0, 3) not in thai.word_spans("นายอำเภอแม่ทา")


def test_tidy_typing_removes_zero_width_spaces_and_doubled_vowels() -> None:
    assert thai.tidy_typing("ประ\u200bชุม") == "ประชุม"
    assert thai.tidy_typing("ประชุมมมม") == "ประชุมมมม"  # consonants are words' business, not typing slips
    assert thai.tidy_typing("ก็็") == "ก็"


def test_month_names() -> None:
    full, abbreviated = thai.month_names()
    assert (full[0], full[10], abbreviated[8]) == ("มกราคม", "พฤศจิกายน", "ก.ย.")


def test_name_lists_are_shipped_not_downloaded() -> None:
    assert {"วิชัย", "อัญชลี"} <= thai.given_names()
    assert "อำเภอ" not in thai.given_names()
    assert len(thai.family_names()) > 1000


@pytest.mark.parametrize(
    "title",
    ["นาย", "นางสาว", "พลเอก", "พล.อ.", "พันตำรวจเอก", "พ.ต.อ.", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "เรืออากาศตรี",
     "จ่าสิบเอก", "พ.อ.อ.", "ดร.", "ผศ.ดร.", "นายแพทย์", "ม.ร.ว."],
)  # fmt: skip
def test_person_titles_know_ranks_and_academic_titles(title: str) -> None:
    assert title in thai.person_titles()


def test_person_titles_are_longest_first() -> None:
    titles = thai.person_titles()
    assert titles.index("นางสาว") < titles.index("นาง")
    assert titles.index("ว่าที่ร้อยตรีหญิง") < titles.index("ว่าที่ร้อยตรี") < titles.index("ร้อยตรี")
