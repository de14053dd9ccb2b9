"""Background exports: a job table in the database, and workers that claim jobs from it.

A web request only creates an ExportJob row and returns; the page then polls the job's progress.
Any process may work on the queue:

* ``python manage.py run_export_worker`` (production: one or more dedicated processes), or
* a worker thread the app server starts when it queues a job (settings.PORTAL_EXPORT_WORKER_THREAD,
  on by default so that ``make run`` needs nothing more). The thread stops when the queue is empty.

Workers claim a job with a conditional UPDATE (compare-and-set on status and heartbeat), so several
app servers and workers sharing one database never work on the same job twice. A job whose worker
died (no heartbeat for STALE_AFTER) is claimed again, at most MAX_ATTEMPTS times.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from meetings.models import Meeting

from . import services
from .documents import PrintOptions
from .models import ExportJob, ExportKind

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=5)
MAX_ATTEMPTS = 3
# Progress is written to the database at most this often (seconds); it is also the heartbeat.
PROGRESS_INTERVAL = 0.5


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def enqueue(
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
        transaction.on_commit(start_worker_thread)
    return job


def claim_next(worker: str) -> ExportJob | None:
    """Take the oldest waiting (or abandoned) job for ``worker``; None when there is none."""
    now = timezone.now()
    abandoned = Q(status=ExportJob.Status.RUNNING, heartbeat_at__lt=now - STALE_AFTER)
    for job in ExportJob.objects.filter(Q(status=ExportJob.Status.QUEUED) | abandoned).order_by("created_at")[:10]:
        if job.attempts >= MAX_ATTEMPTS:
            _fail(job, "สร้างไฟล์ไม่สำเร็จหลังลองหลายครั้ง กรุณาสั่งสร้างใหม่")
            continue
        # Compare-and-set: only one worker's UPDATE matches the row as it was read.
        claimed = ExportJob.objects.filter(pk=job.pk, status=job.status, heartbeat_at=job.heartbeat_at).update(
            status=ExportJob.Status.RUNNING,
            worker=worker,
            attempts=F("attempts") + 1,
            heartbeat_at=now,
            started_at=now,
            stage="เริ่มสร้างไฟล์",
        )
        if claimed:
            return ExportJob.objects.get(pk=job.pk)
    return None


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
        _fail(job, "สร้างไฟล์ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง หรือแจ้งผู้ดูแลระบบ")
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


def work(*, worker: str | None = None, max_jobs: int | None = None) -> int:
    """Run queued jobs until the queue is empty (or ``max_jobs`` ran); returns how many ran."""
    worker = worker or worker_name()
    done = 0
    while max_jobs is None or done < max_jobs:
        job = claim_next(worker)
        if job is None:
            break
        run(job)
        done += 1
    return done


_thread_lock = threading.Lock()
_thread: threading.Thread | None = None


def _thread_main() -> None:
    try:
        work()
    except Exception:
        logger.exception("Export worker thread stopped")
    finally:
        close_old_connections()
        connections.close_all()


def start_worker_thread() -> threading.Thread | None:
    """Start this process's worker thread if it is enabled and not already running."""
    global _thread
    if not getattr(settings, "PORTAL_EXPORT_WORKER_THREAD", True):
        return None
    with _thread_lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_thread_main, name="export-worker", daemon=True)
            _thread.start()
        return _thread
