"""Directive pages: the dashboard, the directive list with its CSV export, the follow-up trail, and the
carried-forward list the meeting form offers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directives import services
from directives.forms import (
    CarriedForwardForm,
    DirectiveFilterForm,
    InstructionForm,
    ProgressReportForm,
    ReportRequestForm,
    ReviewForm,
)
from directives.models import Directive
from directives.queries import (
    CappedPaginator,
    dashboard_numbers,
    directives_for_list,
    filter_directives,
    office_work,
    overdue_by_year,
    review_work,
)
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
    trail = policy.readable_directive_updates(request.user).select_related(
        "office", "on_behalf_of", "author", "meeting"
    )
    return policy.get_directive_for_user(
        request.user,
        pk,
        queryset=Directive.objects.select_related("meeting__organizer", "issued_by", "liaison_office").prefetch_related(
            "programs",
            "responsible_offices",
            Prefetch("updates", trail.prefetch_related("attachments").order_by("reported_on", "pk")),
        ),
    )


# --- Dashboard ----------------------------------------------------------------------------------------
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The home page: first what waits for the reader (the office's work, or results to review), then the
    figures of the latest fiscal year that has meetings (or the one chosen)."""
    _require_reader(request)
    user, today = request.user, timezone.localdate()
    meetings, directives = policy.readable_meetings(user), policy.readable_directives(user)
    years = sorted(set(meetings.values_list("fiscal_year", flat=True).distinct()), reverse=True)
    years = years or [thai.fiscal_year(today)]
    raw_year = request.GET.get("fiscal_year") or ""
    year = int(raw_year) if raw_year.isdigit() and len(raw_year) == 4 else years[0]
    if year not in years:
        messages.warning(request, _("ไม่มีข้อมูลปีงบประมาณ %(year)s แสดงปีงบประมาณล่าสุดที่มีการประชุมแทน") % {"year": year})
        year = years[0]
    numbers = dashboard_numbers(year, meetings=meetings, directives=directives)
    office = policy.office_of(user)
    context = {
        "year": year,
        "years": years,
        **numbers,
        "overdue_years": overdue_by_year(directives, year),
        "chart": _status_chart(numbers["by_status"]),
        "today": today,
        "office": office,
        "office_work": office_work(policy.office_directives(user), office, today)
        if policy.allows(user, policy.Action.OFFICE_WORK)
        else None,
        "review_work": review_work(directives, policy.reviewable_directives(user), today)
        if policy.allows(user, policy.Action.REVIEW_ANY)
        else None,
    }
    return render(request, "directives/dashboard.html", context)


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


# --- Directive detail and the follow-up -----------------------------------------------------------------------
def _follow_up_forms(request: HttpRequest, directive: Directive, action: str | None) -> dict[str, Any]:
    """The forms this reader may use on the directive: the one sent bound to the POST, the others empty."""
    user, data = request.user, request.POST
    posted = {"data": data, "files": request.FILES}
    forms_: dict[str, Any] = {}
    offices = policy.reporting_offices(user, directive)
    if offices:
        # Without a prefix: the progress report is the step offices take most (and scripts post it plainly).
        forms_["report"] = ProgressReportForm(**(posted if action == "report" else {}), offices=offices)
    if policy.can_follow_up(user, directive):
        responsible = list(directive.responsible_offices.all())
        forms_["request"] = ReportRequestForm(
            **(posted if action == "request" else {}), offices=responsible, prefix="request"
        )
        forms_["instruct"] = InstructionForm(**(posted if action == "instruct" else {}), prefix="instruct")
    if policy.can_review(user, directive):
        forms_["review"] = ReviewForm(**(posted if action == "review" else {}), prefix="review")
    return forms_


def _follow_up(request: HttpRequest, directive: Directive, action: str, form: Any) -> None:
    """Carry out the step the form asked for (the services check the directive's state again, locked)."""
    data = form.cleaned_data
    if action == "report":
        office, agency = form.reporter()
        services.report_progress(
            directive=directive,
            office=office,
            on_behalf_of=agency,
            author=request.user,
            note=data["note"],
            new_status=data["new_status"],
            files=data["files"],
        )
        messages.success(request, _("บันทึกความคืบหน้าแล้ว"))
    elif action == "request":
        services.request_report(
            directive=directive,
            office=form.chosen_office(),
            author=request.user,
            note=data["note"],
            report_due=data["report_due"],
        )
        messages.success(request, _("ส่งคำขอรายงานถึง%(office)sแล้ว") % {"office": form.chosen_office().name})
    elif action == "instruct":
        office = policy.office_of(request.user) or directive.meeting.organizer
        services.give_instruction(directive=directive, office=office, author=request.user, note=data["note"])
        messages.success(request, _("บันทึกข้อสั่งการเพิ่มเติมแล้ว"))
    else:
        accept = data["decision"] == "accept"
        services.review_result(directive=directive, author=request.user, accept=accept, note=data["note"])
        messages.success(request, _("ตรวจรับผลการดำเนินงานแล้ว") if accept else _("ส่งกลับให้หน่วยงานดำเนินการเพิ่มเติมแล้ว"))


@login_required
def directive_detail(request: HttpRequest, pk: int) -> HttpResponse:
    directive = _get_directive_for_user(request, pk)
    # A form sent without naming its step is a progress report (the step offices take most).
    action = (request.POST.get("action") or "report") if request.method == "POST" else None
    forms_ = _follow_up_forms(request, directive, action)
    if action is not None:
        form = forms_.get(action)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                _follow_up(request, directive, action, form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(directive)
    context = {"directive": directive, "forms": forms_, "today": timezone.localdate(), "action": action}
    return render(request, "directives/directive_detail.html", context)


@login_required
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """A file sent with a progress report, to those who may read the directive; always as a download."""
    item = policy.get_attachment_for_user(request.user, pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("ไม่พบไฟล์")) from error
    response = FileResponse(handle, as_attachment=True, filename=item.name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Carried-forward agenda (for the meeting form) -------------------------------------------------------
def carried_forward_form(
    data: Any, *, user: Any, office: Office | None, before: Any = None, carried: dict[int, str] | None = None
) -> CarriedForwardForm:
    """The form part offering the office's unfinished directives of earlier meetings (the meeting form's
    เรื่องสืบเนื่อง); directives a meeting already carries stay offered even once they are done."""
    readable = policy.readable_directives(user)
    offered = services.carried_forward_directives(office=office, directives=readable, before=before) if office else []
    known = {item.directive.pk for item in offered}
    missing = [pk for pk in (carried or {}) if pk not in known]
    if missing:
        earlier = readable.filter(pk__in=missing).select_related("meeting", "issued_by")
        offered += [services.CarriedForward(directive=d, latest_update=None) for d in earlier]
    return CarriedForwardForm(data, offered=offered, carried=carried, prefix="carried")


@login_required
def carried_forward(request: HttpRequest) -> HttpResponse:
    """The open directives of an office's earlier meetings, as the part of the meeting form that offers them
    (reloaded with htmx when an admin chooses another organising office)."""
    _require_reader(request)
    office_id = request.GET.get("organizer") or request.GET.get("office") or ""
    if not office_id:
        # Opened on its own, the fragment shows the reader's own office.
        office = policy.office_of(request.user)
    elif office_id.isdigit() and len(office_id) <= MAX_ID_DIGITS:
        office = get_object_or_404(Office, pk=int(office_id))
    else:
        raise Http404(_("ไม่พบหน่วยงาน"))
    context = {
        "office": office,
        "carried": carried_forward_form(None, user=request.user, office=office),
        "heading": services.CARRIED_FORWARD_HEADING,
        "today": timezone.localdate(),
    }
    return render(request, "directives/directive_carried_forward.html", context)
