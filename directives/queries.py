"""Reads behind the directive list, the CSV export, the API, the dashboard and the work on the home page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet
from django.utils.functional import cached_property

from directives.models import Directive, DirectiveUpdate
from lamphun_portal import policy
from meetings.models import Meeting, Office
from search.models import Kind
from search.query import matching_ids

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
        directives = directives.filter(pk__in=matching_ids(filters["q"], Kind.DIRECTIVE))
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
        # A meeting only scheduled has not been held yet.
        "meetings_held": meetings.exclude(status=Meeting.Status.SCHEDULED).count(),
        "directives_total": sum(by_status.values()),
        "by_status": status_rows,
        "by_program": by_program,
        "overdue": directives.overdue().count(),
    }


def overdue_by_year(directives: QuerySet[Directive], year: int) -> dict[str, int]:
    """Overdue directives of every fiscal year the reader may see: those of `year`, of earlier years, in all."""
    overdue = directives.overdue().filter(meeting__status__in=Meeting.CERTIFIED_STATUSES)
    counts = dict(
        overdue.values_list("meeting__fiscal_year")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("meeting__fiscal_year", "n")
    )
    return {
        "this_year": counts.get(year, 0),
        "earlier": sum(n for fiscal_year, n in counts.items() if fiscal_year < year),
        "all": sum(counts.values()),
    }


# --- The work on a person's home page -------------------------------------------------------------------------
HOME_ROWS = 10  # each list shows this many; the directive list (with its filters) shows them all
QUIET_DAYS = 30  # officials see directives with no report for this long


def _with_trail_summary(directives: QuerySet[Directive]) -> QuerySet[Directive]:
    """Directives with what a home-page row shows: meeting, offices, and the date of the last report."""
    last_report = Max("updates__reported_on", filter=Q(updates__kind=DirectiveUpdate.Kind.REPORT))
    return (
        directives.select_related("meeting", "meeting__organizer", "issued_by")
        .prefetch_related("responsible_offices")
        .annotate(last_report=last_report)
    )


@dataclass
class OfficeWork:
    """What a staff member's office must do, most pressing first."""

    overdue: list[Directive]
    due_soon: list[Directive]
    later: list[Directive]
    requests: list[DirectiveUpdate]
    counts: dict[str, int]


def office_work(directives: QuerySet[Directive], office: Office, today: dt.date) -> OfficeWork:
    """The office's unfinished directives (`directives`, already those it must act on): overdue, due within 7
    days, later; and the reports officials asked of it that it has not yet given."""
    soon = today + dt.timedelta(days=7)
    rows = _with_trail_summary(directives)
    overdue = rows.open().filter(due_date__lt=today).order_by("due_date", "pk")
    due_soon = rows.open().filter(due_date__gte=today, due_date__lte=soon).order_by("due_date", "pk")
    later = rows.exclude(pk__in=overdue.values("pk")).exclude(pk__in=due_soon.values("pk"))
    later = later.order_by(F("due_date").asc(nulls_last=True), "-meeting__starts_at", "pk")
    answered = DirectiveUpdate.objects.filter(
        directive=OuterRef("directive"), office=office, kind=DirectiveUpdate.Kind.REPORT, pk__gt=OuterRef("pk")
    )
    requests = (
        DirectiveUpdate.objects.filter(kind=DirectiveUpdate.Kind.REQUEST, office=office, directive__in=directives)
        .exclude(Exists(answered))
        .select_related("directive", "author")
        .order_by("report_due", "pk")
    )
    return OfficeWork(
        overdue=list(overdue[:HOME_ROWS]),
        due_soon=list(due_soon[:HOME_ROWS]),
        later=list(later[:HOME_ROWS]),
        requests=list(requests[:HOME_ROWS]),
        counts={
            "overdue": overdue.count(),
            "due_soon": due_soon.count(),
            "later": later.count(),
            "requests": requests.count(),
        },
    )


@dataclass
class ReviewWork:
    """What waits for an official: results to accept, overdue work per office, directives gone quiet."""

    to_review: list[Directive]
    overdue_by_office: list[dict[str, Any]]
    quiet: list[Directive]
    counts: dict[str, int]


def review_work(directives: QuerySet[Directive], reviewable: QuerySet[Directive], today: dt.date) -> ReviewWork:
    """From the directives the official may read: reported results waiting for acceptance, how many directives
    each office has overdue, and open directives with no progress report for QUIET_DAYS days."""
    to_review = _with_trail_summary(reviewable).order_by("updated_at", "pk")
    overdue_by_office = list(
        directives.overdue(today)
        .filter(meeting__status__in=Meeting.CERTIFIED_STATUSES)
        .values("responsible_offices__pk", "responsible_offices__name", "responsible_offices__sort_key")
        .annotate(n=Count("pk", distinct=True))
        .filter(responsible_offices__pk__isnull=False)
        .order_by("-n", "responsible_offices__sort_key")[:HOME_ROWS]
    )
    since = today - dt.timedelta(days=QUIET_DAYS)
    quiet = (
        _with_trail_summary(directives.open().filter(meeting__status__in=Meeting.CERTIFIED_STATUSES))
        .filter(meeting__starts_at__date__lt=since)
        .filter(Q(last_report__isnull=True) | Q(last_report__lt=since))
        .order_by(F("last_report").asc(nulls_first=True), "meeting__starts_at", "pk")
    )
    return ReviewWork(
        to_review=list(to_review[:HOME_ROWS]),
        overdue_by_office=overdue_by_office,
        quiet=list(quiet[:HOME_ROWS]),
        counts={"to_review": to_review.count(), "quiet": quiet.count()},
    )
