"""Background PDF exports on the portal's one task queue (Django's tasks framework, settings.TASKS).

A page calls `queue_export`: it records an ExportJob row (what to make, and the progress the page polls) and
enqueues `make_export` for it, in one transaction; the queue is a table of the same database, so a worker
(`manage.py db_worker`) sees the task only once the row is committed. The task writes its progress to the row
through the callback reports/services.py calls while it renders.

Each run of the task first claims the row with a conditional UPDATE (compare-and-set on its status and
heartbeat), so two runs never make the same export at once. A worker that dies mid-export leaves the row
"running" with a heartbeat that stops; the progress page then queues the export again (`resume_if_abandoned`),
and the next run takes it over, at most MAX_ATTEMPTS times in all.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import traceback
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import TaskContext, task

from meetings.models import Meeting

from . import services
from .documents import PrintOptions
from .models import ExportJob, ExportKind

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=5)
MAX_ATTEMPTS = 3
# Progress is written to the database at most this often (seconds); it is also the heartbeat.
PROGRESS_INTERVAL = 0.5
GAVE_UP = "สร้างไฟล์ไม่สำเร็จหลังลองหลายครั้ง กรุณาสั่งสร้างใหม่"
FAILED = "สร้างไฟล์ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง หรือแจ้งผู้ดูแลระบบ"


def queue_export(
    *,
    kind: str,
    options: PrintOptions,
    requested_by: object | None = None,
    meeting: Meeting | None = None,
    fiscal_year: int | None = None,
) -> ExportJob:
    """Queue an export, or return the same export already queued or running."""
    with transaction.atomic():
        same = ExportJob.objects.unfinished().filter(
            kind=kind, meeting=meeting, fiscal_year=fiscal_year, thai_digits=options.thai_digits, pdfa=options.pdfa
        )
        job = same.first()
        if job is None:
            job = ExportJob(
                kind=kind,
                meeting=meeting,
                fiscal_year=fiscal_year,
                thai_digits=options.thai_digits,
                pdfa=options.pdfa,
                requested_by=requested_by,
                stage="รอคิว",
            )
            job.full_clean()
            job.save()
            make_export.enqueue(job.pk)
    return job


def resume_if_abandoned(job: ExportJob) -> bool:
    """Queue a running export again when its worker stopped sending heartbeats (it died); whether it did.

    The row goes back to "queued" with a compare-and-set, so however many pages poll it at that moment, the
    export is queued once.
    """
    if job.status != ExportJob.Status.RUNNING or job.heartbeat_at is None:
        return False
    if job.heartbeat_at >= timezone.now() - STALE_AFTER:
        return False
    with transaction.atomic():
        requeued = ExportJob.objects.filter(pk=job.pk, status=job.status, heartbeat_at=job.heartbeat_at).update(
            status=ExportJob.Status.QUEUED, stage="รอคิว (ทำต่อจากที่ค้างไว้)"
        )
        if requeued:
            make_export.enqueue(job.pk)
    return bool(requeued)


@task(takes_context=True)
def make_export(context: TaskContext, job_id: int) -> str:
    """Make the job's PDF unless another run has it; returns the job's status afterwards."""
    worker = f"{socket.gethostname()}:{os.getpid()}:{context.task_result.id}"
    job = claim(job_id, worker)
    if job is None:
        return "skipped"
    return run(job).status


def claim(job_id: int, worker: str) -> ExportJob | None:
    """Take the job for `worker` if it is waiting (or abandoned); None when another worker has it or it is done."""
    job = ExportJob.objects.filter(pk=job_id).first()
    now = timezone.now()
    if job is None:
        return None
    abandoned = job.status == ExportJob.Status.RUNNING and job.heartbeat_at and job.heartbeat_at < now - STALE_AFTER
    if job.status != ExportJob.Status.QUEUED and not abandoned:
        return None  # running elsewhere, or finished
    if job.attempts >= MAX_ATTEMPTS:
        _fail(job, GAVE_UP)
        return None
    # Compare-and-set: only one worker's UPDATE matches the row as it was read.
    claimed = ExportJob.objects.filter(pk=job.pk, status=job.status, heartbeat_at=job.heartbeat_at).update(
        status=ExportJob.Status.RUNNING,
        worker=worker[:200],
        attempts=F("attempts") + 1,
        heartbeat_at=now,
        started_at=now,
        stage="เริ่มสร้างไฟล์",
    )
    return ExportJob.objects.get(pk=job.pk) if claimed else None


def _fail(job: ExportJob, message: str) -> None:
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.FAILED, error=message, stage=message, finished_at=timezone.now()
    )


class _ProgressWriter:
    """Writes a job's progress (and heartbeat) to the database, at most every PROGRESS_INTERVAL."""

    def __init__(self, job: ExportJob) -> None:
        self.job = job
        self.last_write = 0.0
        self.last_percent = -1

    def __call__(self, percent: int, stage: str) -> None:
        now = time.monotonic()
        if percent <= self.last_percent or now - self.last_write < PROGRESS_INTERVAL:
            return
        self.last_write, self.last_percent = now, percent
        # Only while this run still owns the job: a run that was taken over must not overwrite the new one.
        ExportJob.objects.filter(pk=self.job.pk, worker=self.job.worker).update(
            progress=min(percent, 99), stage=stage[:200], heartbeat_at=timezone.now()
        )


def run(job: ExportJob) -> ExportJob:
    """Make the job's PDF, recording progress, the result or a Thai error message."""
    options = PrintOptions(thai_digits=job.thai_digits, pdfa=job.pdfa)
    progress = _ProgressWriter(job)
    try:
        if job.kind == ExportKind.FISCAL_YEAR_BOOK:
            rendered = services.fiscal_year_pdf(year=job.fiscal_year, options=options, progress=progress)
        else:
            if job.meeting_id is None:
                raise ValueError("the meeting was deleted")
            rendered = services.minutes_pdf(meeting=job.meeting, options=options, progress=progress)
    except Exception:
        logger.exception("Export job %s failed", job.pk)
        detail = traceback.format_exc(limit=3)
        _fail(job, FAILED)
        ExportJob.objects.filter(pk=job.pk).update(error=detail[-4000:])
    else:
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.DONE,
            progress=100,
            stage="เสร็จแล้ว",
            result=rendered,
            finished_at=timezone.now(),
            heartbeat_at=timezone.now(),
        )
    job.refresh_from_db()
    return job
