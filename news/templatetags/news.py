"""{{ meeting|news_headline }} and {{ meeting|news_date_line }} for the public news pages."""

from __future__ import annotations

from django import template

from meetings.models import Meeting

from .. import posts

register = template.Library()


@register.filter
def news_headline(meeting: Meeting) -> str:
    return posts.headline(meeting)


@register.filter
def news_date_line(meeting: Meeting) -> str:
    return posts.date_line(meeting)


@register.filter
def news_excerpt(meeting: Meeting) -> str:
    return posts.excerpt(meeting)


@register.filter
def keep_together(text: str) -> str:
    """พ.ศ. 2564 and 10.00 น. glued with no-break spaces, so a line never breaks inside them."""
    return posts.keep_together(str(text))
