"""RSS 2.0 and Atom feeds of the public news posts (published meetings only)."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from lamphun_portal import policy
from meetings.models import Meeting

from . import posts

FEED_ITEMS = 30


class NewsFeed(Feed):
    title = "ข่าวการประชุม สำนักงานพัฒนาชุมชนจังหวัดลำพูน"
    link = reverse_lazy("news:list")
    description = "ข่าวการประชุมที่สำนักงานพัฒนาชุมชนจังหวัดลำพูนเผยแพร่"
    language = "th"

    def items(self) -> QuerySet[Meeting]:
        return policy.public_meetings().select_related("organizer").order_by("-starts_at")[:FEED_ITEMS]

    def item_title(self, item: Meeting) -> str:
        return posts.headline(item)

    def item_description(self, item: Meeting) -> str:
        return f"{posts.date_line(item)} — {posts.excerpt(item, 500)}"

    def item_link(self, item: Meeting) -> str:
        return reverse("news:detail", args=[item.pk])

    def item_pubdate(self, item: Meeting) -> dt.datetime:
        return item.starts_at

    def item_updateddate(self, item: Meeting) -> dt.datetime:
        return item.updated_at


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
