"""Highlights hold whole words and names, add nothing to the text, and the results do not repeat the venue."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from meetings.models import Meeting
from search.highlight import highlight, units
from search.words import query_words
from tests.conftest import Personas

_TAG = re.compile(r"<[^>]+>")


@pytest.mark.parametrize(
    ("text", "query", "marked"),
    [
        ("ประธาน นายวรยุทธ เนาวรัตน์ พัฒนาการจังหวัดลำพูน", "วรยุทธ", "วรยุทธ"),
        ("ประธาน นายวรยุทธ เนาวรัตน์", "วร", "วรยุทธ"),  # a part of a name marks the whole name
        ("นางสาวศศิธร อินทกุล ผู้จดรายงาน", "ศศิธร", "ศศิธร"),
        ("<b>กรมการพัฒนาชุมชน</b> และชุมชน", "ชุมชน", "กรมการพัฒนาชุมชน"),
    ],
)
def test_one_mark_per_matched_word_or_name(text: str, query: str, marked: str) -> None:
    html = highlight(text, query_words(query))
    assert f"<mark>{marked}</mark>" in html
    assert "</mark><mark>" not in html
    # Nothing inserted: without the marks it is the text, escaped.
    assert _TAG.sub("", html.replace("&lt;", "<").replace("&gt;", ">")) == _TAG.sub("", text)


def test_a_phrase_typed_as_words_is_one_mark_only_where_the_words_touch() -> None:
    html = highlight("โครงการ โคก หนอง นา โมเดล และโคกหนองนา", query_words("โคกหนองนา"))
    assert html.endswith("และ<mark>โคกหนองนา</mark>")
    assert "<mark>โคก</mark> <mark>หนอง</mark> <mark>นา</mark>" in html


def test_units_give_the_text_back() -> None:
    text = "ประธาน นายวรยุทธ เนาวรัตน์  พัฒนาการ\nจังหวัด"
    assert "".join(units(text)) == text
    assert "วรยุทธ" in units(text)


def test_results_do_not_repeat_the_venue(personas: Personas, demo: Meeting) -> None:
    meeting = Meeting.objects.filter(status=Meeting.Status.PUBLISHED).first()
    meeting.venue = "ห้องประชุมศาลากลางจังหวัดลำพูนชั้นสามหลังใหม่ฝั่งตะวันออก"
    meeting.summary = ""
    meeting.save()
    call_command("reindex")
    response = personas.client_for(personas.official).get("/meetings/search/", {"q": "ตะวันออก"})
    assert response.status_code == 200
    page = response.content.decode()
    hits = re.findall(r'<li class="search-hit.*?</li>', page, re.DOTALL)
    assert hits, "the meeting is found"
    venue_hit = next(hit for hit in hits if "ฝั่ง" in hit)
    assert _TAG.sub("", venue_hit).count("ศาลากลางจังหวัดลำพูน") == 1
    assert "<mark>ตะวันออก</mark>" in venue_hit
