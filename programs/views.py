"""Program and community pages, editing of participation records, and the CSV bulk update."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from lamphun_portal import policy
from lamphun_portal.lib import thai
from meetings.models import Meeting
from programs import charts, importers, services
from programs.forms import CsvConfirmForm, CsvUploadForm, FiscalYearChoiceForm, ParticipationForm
from programs.models import Community, District, OtopSales, Participation, ProducerGroup, Program
from programs.summary import program_summary, program_years


def _require_viewer(request: HttpRequest) -> None:
    """Program records are for the office's roles; a signed-in user without one gets 403."""
    policy.require(request.user, policy.Action.READ)


def _get_program_for_user(request: HttpRequest, code: str) -> Program:
    return policy.get_program_for_user(request.user, code)


def _year_choices(years: list[int]) -> list[int]:
    """Years with records, and this fiscal year so that its records can be started."""
    return sorted({*years, thai.fiscal_year(timezone.localdate())}, reverse=True)


def _chosen_year(request: HttpRequest, years: list[int]) -> int:
    """?year= when it is one of the choices; otherwise the newest year with records (or this fiscal year)."""
    default = years[0] if years else thai.fiscal_year(timezone.localdate())
    form = FiscalYearChoiceForm(request.GET, years=_year_choices(years))
    if "year" in request.GET and form.is_valid():
        return form.cleaned_data["year"]
    return default


@login_required
def program_list(request: HttpRequest) -> HttpResponse:
    _require_viewer(request)
    cards = []
    for program in Program.objects.all():
        years = program_years(program)
        summary = program_summary(program, years[0]) if years else None
        cards.append({"program": program, "summary": summary, "years": years})
    return render(request, "programs/program_list.html", {"cards": cards})


@login_required
def program_detail(request: HttpRequest, code: str) -> HttpResponse:
    program = _get_program_for_user(request, code)
    years = program_years(program)
    year = _chosen_year(request, years)
    summary = program_summary(program, year)
    district = request.GET.get("district", "")
    district = district if district in District.values else ""
    directives = (
        policy.readable_directives(request.user, program.directives.all())
        .select_related("meeting", "meeting__organizer")
        .prefetch_related("communities")
        .order_by("-meeting__starts_at", "order")
    )
    meetings = (
        policy.readable_meetings(request.user, program.meeting_set.all())
        .select_related("organizer")
        .order_by("-starts_at")
    )
    context = {
        "program": program,
        "summary": summary,
        "year": year,
        "years": _year_choices(years),
        "chart": charts.district_bars(summary) if summary.has_data or summary.has_previous else "",
        "district": district,
        "records": _district_records(program, year, district) if district else None,
        "editable": policy.editable_districts(request.user, District.values),
        "directives": directives,
        "meetings": meetings,
        "total_sales": summary.total.current["sales"],
    }
    return render(request, "programs/program_detail.html", context)


def _district_records(program: Program, year: int, district: str) -> list:
    """The district's community rows for the year: participations, or OTOP groups with their sales."""
    if program.kind == Program.Kind.OTOP:
        return list(
            OtopSales.objects.filter(fiscal_year=year, group__community__district=district)
            .select_related("group", "group__community")
            .prefetch_related("group__ratings")
            .order_by("group__community__tambon", "group__community__moo", "group__name")
        )
    records = {
        record.community_id: record
        for record in Participation.objects.for_program(program)
        .in_fiscal_year(year)
        .filter(community__district=district)
    }
    return [(community, records.get(community.pk)) for community in Community.objects.in_district(district)]


@login_required
@require_http_methods(["GET", "POST"])
def participation_edit(request: HttpRequest, code: str, community_pk: int, year: int) -> HttpResponse:
    program = _get_program_for_user(request, code)
    community = policy.get_community_for_user(request.user, community_pk, policy.Action.EDIT_RECORDS)
    if program.kind == Program.Kind.OTOP:
        messages.info(request, "ข้อมูล OTOP แก้ไขเป็นรายกลุ่มผู้ผลิต ผ่านการอัปโหลดไฟล์ CSV")
        return redirect("programs:upload", code=program.code)
    record = Participation.objects.filter(community=community, program=program, fiscal_year=year).first()
    record = record or Participation(community=community, program=program, fiscal_year=year)
    # Bound on every POST, even an empty one: `request.POST or None` would show a blank form, no error.
    form = ParticipationForm(request.POST if request.method == "POST" else None, instance=record, program=program)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_by = request.user
        saved.save()
        messages.success(request, f"บันทึกข้อมูล{community.name} ปีงบประมาณ พ.ศ. {year} แล้ว")
        url = reverse("programs:detail", args=[program.code])
        return redirect(f"{url}?year={year}&district={community.district}#district-records")
    context = {"program": program, "community": community, "year": year, "form": form, "record": record}
    return render(request, "programs/participation_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def program_upload(request: HttpRequest, code: str) -> HttpResponse:
    program = _get_program_for_user(request, code)
    districts = policy.editable_districts(request.user, District.values)
    if not districts:
        raise PermissionDenied
    preview = None
    confirm = None
    default_year = (program_years(program) or [thai.fiscal_year(timezone.localdate())])[0]
    form = CsvUploadForm(initial={"fiscal_year": default_year})
    if request.method == "POST" and "confirm" in request.POST:
        confirm = CsvConfirmForm(request.POST)
        if confirm.is_valid():
            year = confirm.cleaned_data["fiscal_year"]
            preview = importers.Importer(program, year, request.user).preview(confirm.cleaned_data["text"])
            if preview.ok:
                saved = services.apply_import(preview=preview)
                messages.success(request, f"บันทึกข้อมูล {saved:,} แถว ปีงบประมาณ พ.ศ. {year} แล้ว")
                return redirect(f"{reverse('programs:detail', args=[program.code])}?year={year}")
    elif request.method == "POST":
        form = CsvUploadForm(request.POST, request.FILES)
        if form.is_valid():
            year = form.cleaned_data["fiscal_year"]
            text = form.cleaned_data["file"]
            preview = importers.Importer(program, year, request.user).preview(text)
            confirm = CsvConfirmForm(initial={"fiscal_year": year, "text": text})
    context = {
        "program": program,
        "form": form,
        "preview": preview,
        "confirm": confirm,
        "districts": districts,
        "columns": importers.HEADERS[program.kind],
    }
    return render(request, "programs/program_upload.html", context)


@login_required
def program_template(request: HttpRequest, code: str) -> HttpResponse:
    program = _get_program_for_user(request, code)
    # A byte-order mark so that Excel opens the Thai headers as UTF-8.
    response = HttpResponse("\ufeff" + importers.template_csv(program), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{program.code}-template.csv"'
    return response


@login_required
def community_list(request: HttpRequest) -> HttpResponse:
    _require_viewer(request)
    district = request.GET.get("district", "")
    communities = Community.objects.annotate(
        program_count=Count("participations__program", distinct=True),
        group_count=Count("producer_groups", distinct=True),
    ).order_by("district", "tambon", "moo")
    if district in District.values:
        communities = communities.filter(district=district)
    else:
        district = ""
    context = {"communities": communities, "district": district, "districts": District.values}
    return render(request, "programs/community_list.html", context)


@login_required
def community_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_viewer(request)
    community = get_object_or_404(
        Community.objects.prefetch_related(
            Prefetch("participations", Participation.objects.select_related("program").order_by("-fiscal_year")),
            Prefetch(
                "producer_groups",
                ProducerGroup.objects.prefetch_related("ratings", "sales"),
            ),
        ),
        pk=pk,
    )
    directives = (
        policy.readable_directives(request.user, community.directives.all())
        .select_related("meeting")
        .prefetch_related("programs")
        .order_by("-meeting__starts_at", "order")
    )
    context = {
        "community": community,
        "directives": directives,
        "meetings": _meetings_about(community, policy.readable_meetings(request.user)),
        "can_edit": policy.can_edit_district(request.user, community.district),
        "programs": Program.objects.exclude(kind=Program.Kind.OTOP),
        "this_year": thai.fiscal_year(timezone.localdate()),
    }
    return render(request, "programs/community_detail.html", context)


def _meetings_about(community: Community, readable: QuerySet[Meeting]) -> list[Meeting]:
    """Meetings (of those `readable`) whose directives name the community, or whose record speaks of the village."""
    name = community.name
    spoke = (
        Q(directives__communities=community)
        | Q(venue__contains=name)
        | Q(agenda_items__heading__contains=name)
        | Q(agenda_items__discussion__contains=name)
        | Q(agenda_items__resolution__contains=name)
        | Q(directives__text__contains=name)
        | Q(directives__updates__note__contains=name)
    )
    ids = Meeting.objects.filter(spoke).values("pk")
    return list(readable.filter(pk__in=ids).select_related("organizer").order_by("-starts_at"))
