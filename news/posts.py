"""A published meeting as the office website writes it: `พช.ลำพูน : จัดประชุม…`, date line, narrative."""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from lamphun_portal.lib import thai
from lamphun_portal.lib.security import client_ip
from meetings.models import Meeting

# What the old website's page counter left at the end of copied posts: not part of the news.
_PAGE_COUNTER = re.compile(r"^\(\s*Visited\s+\d+\s+times?.*\)\s*$", re.IGNORECASE)


# พ.ศ. 2564 and 10.00 น. must not break across lines (house style): glue them with no-break spaces.
_KEEP_TOGETHER = [
    (re.compile(r"(พ\.ศ\.|ค\.ศ\.)\s+(?=[\d๐-๙])"), "\\1\u00a0"),
    (re.compile(r"([\d๐-๙]{1,2}[.:][\d๐-๙]{2})\s*(?=น\.)"), "\\1\u00a0"),
]


def keep_together(text: str) -> str:
    for pattern, replacement in _KEEP_TOGETHER:
        text = pattern.sub(replacement, text)
    return text


def office_short_name(meeting: Meeting) -> str:
    return meeting.organizer.short_name or settings.PORTAL_OFFICE_SHORT_NAME


def headline(meeting: Meeting) -> str:
    """พช.ลำพูน : จัดประชุมเตรียมความพร้อม… — the office's short name, then what it did."""
    title = " ".join(meeting.title.split())
    if title.startswith("ประชุม"):
        title = f"จัด{title}"
    return f"{office_short_name(meeting)} : {title}"


def date_line(meeting: Meeting) -> str:
    """วันอังคารที่ 17 พฤศจิกายน 2563 เวลา 10.00 น."""
    return f"{thai.be_date_weekday(meeting.starts_at)} เวลา {thai.thai_time(meeting.starts_at)}"


def narrative(meeting: Meeting) -> list[str]:
    """The post's paragraphs: the summary without a repeated headline or an old page counter."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", meeting.summary or "") if p.strip()]
    paragraphs = [p for p in paragraphs if not _PAGE_COUNTER.match(p)]
    repeated = {" ".join(headline(meeting).split()), " ".join(meeting.title.split())}
    if paragraphs and (paragraphs[0] in repeated or paragraphs[0].split(" : ", 1)[-1].removeprefix("จัด") in repeated):
        paragraphs = paragraphs[1:]
    if not paragraphs and meeting.objective:
        paragraphs = [meeting.objective]
    return [keep_together(p) for p in paragraphs]


def excerpt(meeting: Meeting, length: int = 220) -> str:
    text = " ".join(narrative(meeting))
    return text if len(text) <= length else f"{text[:length].rstrip()}…"


def visitor_key(request: HttpRequest) -> str:
    """Who is reading, for counting only: a keyed hash of address and browser that changes every day."""
    material = "|".join(
        [str(timezone.localdate()), client_ip(request) or "", request.META.get("HTTP_USER_AGENT", "")[:300]]
    )
    return hmac.new(settings.SECRET_KEY.encode(), material.encode(), hashlib.sha256).hexdigest()
