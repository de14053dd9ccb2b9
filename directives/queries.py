"""Reads behind the directive list, the CSV export, the API and the dashboard."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, F, Q, QuerySet
from django.utils.functional import cached_property

from directives.models import Directive
from lamphun_portal import policy
from meetings.models import Meeting
from search.models import SearchToken
from search.query import ranked_ids

SORT_ORDERS = {
    "-meeting_date": [F("meeting__starts_at").desc(), "meeting_id", "order", "pk"],
    "meeting_date": ["meeting__starts_at", "meeting_id", "order", "pk"],
    "due_date": [F("due_date").asc(nulls_last=True), "pk"],
    "issuer": [F("issued_by__sort_key").asc(nulls_last=True), F("meeting__starts_at").desc(), "pk"],
}


def directives_for_list(user: Any) -> QuerySet[Directive]:
    """The directives a person may read, with what a list row shows, in a fixed number of queries."""
    return policy.readable_directives(
        user,
        Directive.objects.select_related("meeting", "meeting__organizer", "issued_by").prefetch_related(
            "responsible_offices", "programs"
        ),
    )


def filter_directives(directives: QuerySet[Directive], filters: dict[str, Any]) -> QuerySet[Directive]:
    """Apply the cleaned filters of DirectiveFilterForm (search words, year, program, status, office...)."""
    if filters.get("fiscal_year"):
        directives = directives.in_fiscal_year(filters["fiscal_year"])
    if filters.get("program"):
        directives = directives.filter(programs=filters["program"])
    if filters.get("status"):
        directives = directives.filter(status=filters["status"])
    if filters.get("office"):
        directives = directives.filter(responsible_offices=filters["office"])
    if filters.get("issuer"):
        directives = directives.filter(issued_by=filters["issuer"])
    if filters.get("overdue"):
        directives = directives.overdue()
    if filters.get("q"):
        directives = directives.filter(pk__in=ranked_ids(filters["q"], SearchToken.Kind.DIRECTIVE))
    return directives.order_by(*SORT_ORDERS[filters.get("sort") or "-meeting_date"])


class CappedPaginator(Paginator):
    """Counts at most `cap` rows, so a page costs the same with 1,000 or 100,000 meetings.

    Past the cap the page says "more than 1,000": narrow the filters (or export the CSV) to see all.
    """

    cap = 1000

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.cap + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap


def dashboard_numbers(year: int, *, meetings: QuerySet[Meeting], directives: QuerySet[Directive]) -> dict[str, Any]:
    """Meetings held, directives by status and by program, and overdue directives of a fiscal year.

    `meetings` and `directives` are what the reader may see (lamphun_portal/policy.py).
    """
    meetings = meetings.in_fiscal_year(year)
    directives = directives.in_fiscal_year(year)
    by_status = dict(directives.values_list("status").annotate(n=Count("pk")).order_by())
    status_rows = [(value, label, by_status.get(value, 0)) for value, label in Directive.Status.choices]
    by_program = list(
        directives.filter(programs__isnull=False)
        .values("programs__code", "programs__name", "programs__sort_key")
        .annotate(n=Count("pk"), open=Count("pk", filter=Q(status__in=Directive.OPEN_STATUSES)))
        .order_by("-n", "programs__sort_key")
    )
    return {
        "meetings_held": meetings.count(),
        "directives_total": sum(by_status.values()),
        "by_status": status_rows,
        "by_program": by_program,
        "overdue": directives.overdue().count(),
    }
