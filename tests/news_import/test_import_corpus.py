"""The news importer on real posts of community-development offices (news_corpus/): field accuracy.

A stated field is right when the importer reads what the post says (names, positions and venues compared with
spaces removed: Thai spacing inside them is layout); a field the post does not state is right when the importer
leaves it empty. The held-out posts were put aside before the rules were written and are only measured here.
"""

from __future__ import annotations

import re

import pytest
from news_corpus import CORPUS, FIELDS, post_text

from news_import.parser import NewsMeeting, extract

TARGET = 0.90


def _read(news: NewsMeeting) -> dict[str, object]:
    return {
        "date": news.date.isoformat() if news.date else None,
        "time": news.time.strftime("%H:%M") if news.time else None,
        "chair_name": news.chair_name,
        "chair_position": news.chair_position,
        "venue": news.venue,
        "attendee_count": news.attendee_count,
    }


def _same(value: object) -> object:
    return re.sub(r"\s+", "", value) if isinstance(value, str) else value


def _score(split: str) -> dict[str, dict[str, int]]:
    """Per field: stated, stated right, not stated, not stated and left empty."""
    tally = {name: {"stated": 0, "right": 0, "unstated": 0, "empty": 0} for name in FIELDS}
    for file, _, part, expected in CORPUS:
        if part != split:
            continue
        got = _read(extract(post_text(file)))
        for name in FIELDS:
            readings = expected[name] if isinstance(expected[name], list) else [expected[name]]
            if readings[0] in (None, ""):
                tally[name]["unstated"] += 1
                tally[name]["empty"] += got[name] in (None, "")
            else:
                tally[name]["stated"] += 1
                tally[name]["right"] += _same(got[name]) in [_same(reading) for reading in readings]
    return tally


def _report(split: str, tally: dict[str, dict[str, int]]) -> tuple[float, str]:
    stated = sum(t["stated"] for t in tally.values())
    right = sum(t["right"] for t in tally.values())
    lines = [f"{split}: {right}/{stated} stated fields right ({right / stated:.1%})"]
    for name, t in tally.items():
        lines.append(f"  {name}: {t['right']}/{t['stated']} stated right, {t['empty']}/{t['unstated']} unstated empty")
    return right / stated, "\n".join(lines)


def test_the_corpus_is_real_posts_split_before_the_parser_was_written():
    assert len(CORPUS) >= 40
    assert sum(part == "held_out" for _, _, part, _ in CORPUS) >= 12
    assert {part for _, _, part, _ in CORPUS} == {"dev", "held_out"}
    assert all(url.startswith(("http://", "https://")) for _, url, _, _ in CORPUS)
    stated = {name for *_, expected in CORPUS for name in FIELDS if expected[name] not in (None, "")}
    unstated = {name for *_, expected in CORPUS for name in FIELDS if expected[name] in (None, "")}
    assert stated == unstated == set(FIELDS)


@pytest.mark.parametrize("split", ["dev", "held_out"])
def test_stated_fields_are_read_and_unstated_ones_left_empty(split):
    accuracy, report = _report(split, _score(split))
    print(report)
    assert accuracy >= TARGET, report
    unstated = sum(t["unstated"] for t in _score(split).values())
    empty = sum(t["empty"] for t in _score(split).values())
    assert empty >= TARGET * unstated, report
