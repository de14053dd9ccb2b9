"""thai_wrap: Thai words kept whole on a line on pages, user text escaped, marks of a search kept."""

from __future__ import annotations

import html

import pytest
from django.utils.safestring import mark_safe

from meetings.templatetags.portal_text import thai_wrap
from tests.word_markup import without_word_markup

pytestmark = pytest.mark.django_db  # the portal's own names are read from the database


def test_words_are_kept_whole_and_the_text_is_unchanged() -> None:
    text = "ประชุมขับเคลื่อนโครงการเฉลิมพระเกียรติ อำเภอทุ่งหัวช้าง"
    wrapped = thai_wrap(text)
    assert '<span class="w">ทุ่งหัวช้าง</span>' in wrapped
    assert '<span class="w">เฉลิมพระเกียรติ</span>' in wrapped
    assert "<wbr>" in wrapped
    assert without_word_markup(wrapped) == text


def test_user_html_is_escaped_and_safe_html_is_kept() -> None:
    hostile = '<img src=x onerror="alert(1)"> & ทุ่งหัวช้าง'
    wrapped = thai_wrap(hostile)
    assert "<img" not in wrapped
    assert html.unescape(without_word_markup(wrapped)) == hostile
    marked = thai_wrap(mark_safe("นาย<mark>วรยุทธ</mark> เนาวรัตน์"))
    assert "<mark>" in marked and without_word_markup(marked) == "นาย<mark>วรยุทธ</mark> เนาวรัตน์"
