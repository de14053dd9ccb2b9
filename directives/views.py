"""Directive pages: the dashboard, the directive list with its CSV export, the follow-up trail, and the
carried-forward list the meeting form offers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directives import services
from directives.forms import DirectiveFilterForm, DirectiveUpdateForm
from directives.models import Directive, DirectiveUpdate
from directives.queries import CappedPaginator, dashboard_numbers, directives_for_list, filter_directives
from lamphun_portal import policy
from lamphun_portal.lib import spreadsheet, thai
from lamphun_portal.lib.formfields import MAX_ID_DIGITS
from meetings.models import Office
from search.words import query_words

PAGE_SIZE = 20
SEARCH_PAGE_SIZE = 20


def _require_reader(request: HttpRequest) -> None:
    policy.require(request.user, policy.Action.READ)


def _get_directive_for_user(request: HttpRequest, pk: int) -> Directive:
    """The directive with its trail, or 404; 403 when the reader may not see it (a draft of another office)."""
    return policy.get_directive_for_user(
        request.user,
        pk,
        queryset=Directive.objects.select_related("meeting__organizer", "issued_by").prefetch_related(
            "programs",
            "responsible_offices",
            Prefetch(
                "updates", DirectiveUpdate.objects.select_related("office", "author").order_by("reported_on", "pk")
            ),
        ),
    )


# --- Dashboard ----------------------------------------------------------------------------------------
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    _require_reader(request)
    current = thai.fiscal_year(timezone.now())
    meetings = policy.readable_meetings(request.user)
    years = sorted({*meetings.values_list("fiscal_year", flat=True).distinct(), current}, reverse=True)
    raw_year = request.GET.get("fiscal_year") or ""
    year = int(raw_year) if raw_year.isdigit() and len(raw_year) == 4 else current
    if year not in years:
        messages.warning(request, _("ไม่มีข้อมูลปีงบประมาณ %(year)s แสดงปีงบประมาณปัจจุบันแทน") % {"year": year})
        year = current
    numbers = dashboard_numbers(year, meetings=meetings, directives=policy.readable_directives(request.user))
    return render(
        request,
        "directives/dashboard.html",
        {"year": year, "years": years, **numbers, "chart": _status_chart(numbers["by_status"])},
    )


def _status_chart(by_status: list[tuple[str, str, int]]) -> dict[str, Any]:
    """Bar geometry for the server-drawn SVG chart (no script, so the CSP stays strict)."""
    largest = max([count for _, _, count in by_status] + [1])
    bars = []
    for index, (value, label, count) in enumerate(by_status):
        width = round(300 * count / largest)
        bars.append({"value": value, "label": label, "count": count, "y": 10 + index * 44, "width": width})
    return {"bars": bars, "height": 20 + 44 * len(bars)}


# --- Directive list and CSV export --------------------------------------------------------------------
def _filters(request: HttpRequest) -> tuple[DirectiveFilterForm, dict[str, Any]]:
    form = DirectiveFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data
    return form, {}


@login_required
def directive_list(request: HttpRequest) -> HttpResponse:
    _require_reader(request)
    form, filters = _filters(request)
    directives = filter_directives(directives_for_list(request.user), filters)
    page = CappedPaginator(directives, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "directives/directive_list.html",
        {
            "form": form,
            "page": page,
            "today": timezone.localdate(),
            "query_string": query.urlencode(),
            "words": query_words(filters.get("q", "")),
        },
    )


CSV_COLUMNS = [
    "ลำดับ",
    "ข้อสั่งการ",
    "การประชุม",
    "วันที่ประชุม",
    "ปีงบประมาณ",
    "ผู้สั่งการ",
    "หน่วยงานรับผิดชอบ",
    "โครงการ/งาน",
    "กำหนดแล้วเสร็จ",
    "สถานะ",
    "เลยกำหนด",
]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_rows(directives: Any) -> Iterator[str]:
    # Through the portal's one CSV writer: a cell typed as `=HYPERLINK(…)` must not run in Excel.
    writer = spreadsheet.writer(_Echo())
    # The byte-order mark tells Excel the file is UTF-8; without it Excel shows Thai as mojibake.
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    today = timezone.localdate()
    for number, directive in enumerate(directives.iterator(chunk_size=2000), start=1):
        yield writer.writerow(
            [
                number,
                directive.text,
                directive.meeting.title,
                thai.be_date(directive.meeting.starts_at),
                directive.meeting.fiscal_year,
                directive.issued_by.full_name if directive.issued_by_id else "",
                ", ".join(office.name for office in directive.responsible_offices.all()),
                ", ".join(program.name for program in directive.programs.all()),
                thai.be_date(directive.due_date) if directive.due_date else "",
                directive.get_status_display(),
                "เลยกำหนด" if directive.is_overdue(today) else "",
            ]
        )


@login_required
def directive_export(request: HttpRequest) -> StreamingHttpResponse:
    _require_reader(request)
    _, filters = _filters(request)
    directives = filter_directives(directives_for_list(request.user), filters)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response = StreamingHttpResponse(_csv_rows(directives), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="directives-{stamp}.csv"'
    return response


# --- Directive detail and progress updates ----------------------------------------------------------------
@login_required
def directive_detail(request: HttpRequest, pk: int) -> HttpResponse:
    directive = _get_directive_for_user(request, pk)
    can_report = policy.can_report_progress(request.user, directive)
    form = DirectiveUpdateForm(initial={"new_status": directive.status}) if can_report else None
    if request.method == "POST":
        if not can_report:
            raise PermissionDenied
        form = DirectiveUpdateForm(request.POST)
        if form.is_valid():
            services.add_directive_update(
                directive=directive,
                office=policy.reporting_office(request.user, directive),
                author=request.user,
                note=form.cleaned_data["note"],
                new_status=form.cleaned_data["new_status"],
            )
            messages.success(request, _("บันทึกความคืบหน้าแล้ว"))
            return redirect(directive)
    return render(
        request,
        "directives/directive_detail.html",
        {"directive": directive, "form": form, "today": timezone.localdate()},
    )


# --- Carried-forward agenda (for the meeting form) -------------------------------------------------------
@login_required
def carried_forward(request: HttpRequest) -> HttpResponse:
    """The open directives of an office's earlier meetings, as a fragment the meeting form loads with htmx."""
    _require_reader(request)
    office_id = request.GET.get("office", "")
    if not office_id:
        # The meeting form asks for its organizer; opened on its own, the page shows the user's own office.
        office = policy.office_of(request.user)
    elif office_id.isdigit() and len(office_id) <= MAX_ID_DIGITS:
        office = get_object_or_404(Office, pk=int(office_id))
    else:
        raise Http404(_("ไม่พบหน่วยงาน"))
    items = (
        services.carried_forward_directives(office=office, directives=policy.readable_directives(request.user))
        if office
        else []
    )
    return render(
        request,
        "directives/directive_carried_forward.html",
        {"office": office, "items": items, "heading": services.CARRIED_FORWARD_HEADING, "today": timezone.localdate()},
    )
