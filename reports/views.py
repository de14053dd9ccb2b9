"""Exports for admins: the minutes PDF of a meeting, the fiscal-year book, and the progress of background jobs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from lamphun_portal import policy
from meetings.models import Meeting

from . import services, tasks
from .documents import PrintOptions
from .forms import ExportOptionsForm
from .models import ExportJob, ExportKind, RenderedPdf


def _options(request: HttpRequest) -> PrintOptions:
    return ExportOptionsForm(request.POST or None).options()


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.Action.EXPORT)
    years = (
        policy.readable_meetings(request.user)
        .values("fiscal_year")
        .annotate(
            published=Count("pk", filter=Q(status=Meeting.Status.PUBLISHED)),
            total=Count("pk"),
        )
        .order_by("-fiscal_year")
    )
    recent = ExportJob.objects.select_related("meeting", "requested_by", "result")[:10]
    return render(
        request,
        "reports/index.html",
        {"years": years, "jobs": recent, "form": ExportOptionsForm()},
    )


@login_required
@require_POST
def export_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the minutes: from the cache, rendered now when small, else as a background job."""
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.EXPORT)
    options = _options(request)
    prepared = services.prepare_minutes(meeting, options)
    rendered = services.cached_pdf(prepared)
    if rendered is None and len(prepared.html) <= services.SYNC_RENDER_MAX_HTML:
        rendered = services.render_and_store(prepared=prepared)
    if rendered is not None:
        return redirect(rendered)
    job = tasks.queue_export(kind=ExportKind.MINUTES, options=options, requested_by=request.user, meeting=meeting)
    return redirect(job)


@login_required
@require_POST
def export_fiscal_year(request: HttpRequest, year: int) -> HttpResponse:
    """Queue the fiscal-year book and show its progress."""
    policy.require(request.user, policy.Action.EXPORT)
    job = tasks.queue_export(
        kind=ExportKind.FISCAL_YEAR_BOOK, options=_options(request), requested_by=request.user, fiscal_year=year
    )
    return redirect(job)


@login_required
@require_GET
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress of an export; htmx polls the progress fragment until the job is finished."""
    policy.require(request.user, policy.Action.EXPORT)
    job = get_object_or_404(ExportJob.objects.select_related("meeting", "result"), pk=pk)
    # A worker that died mid-export stops its heartbeat: whoever watches the job queues it again.
    tasks.resume_if_abandoned(job)
    template = "reports/_job_progress.html" if request.htmx else "reports/job.html"
    return render(request, template, {"job": job})


@login_required
@require_GET
def download(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require(request.user, policy.Action.EXPORT)
    rendered = get_object_or_404(RenderedPdf, pk=pk)
    response = HttpResponse(bytes(rendered.content), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=rendered.filename)
    response["Content-Length"] = str(rendered.size)
    response["X-Content-Type-Options"] = "nosniff"
    return response
