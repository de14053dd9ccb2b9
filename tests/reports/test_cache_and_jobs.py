"""Caching by meeting content, and background exports on the task queue, shared by several workers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from report_pdf_text import body_text, squash

from lamphun_portal.lib import pdf
from meetings.models import Meeting
from reports import services, tasks
from reports.documents import PrintOptions
from reports.models import ExportJob, RenderedPdf

ARABIC = PrintOptions(thai_digits=False)


@pytest.fixture
def render_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts the real WeasyPrint renders (the renders still happen)."""
    calls: list[str] = []
    real = pdf.render_document

    def counting(html: str, **kwargs: object) -> object:
        calls.append(html)
        return real(html, **kwargs)

    monkeypatch.setattr(pdf, "render_document", counting)
    return calls


def test_unchanged_meeting_is_not_rendered_again(demo: Meeting, render_calls: list[str]) -> None:
    first = services.minutes_pdf(meeting=demo, options=ARABIC)
    again = services.minutes_pdf(meeting=demo, options=ARABIC)
    assert again.pk == first.pk and len(render_calls) == 1
    assert (first.meeting_version, first.options) == (demo.version, "digits=arabic;pdfa=0")
    # Other options are another PDF.
    services.minutes_pdf(meeting=demo, options=PrintOptions(thai_digits=True))
    assert len(render_calls) == 2


def test_edited_meeting_is_rendered_again_and_the_stale_copy_dropped(
    demo: Meeting, render_calls: list[str], tmp_path: Path
) -> None:
    first = services.minutes_pdf(meeting=demo, options=ARABIC)
    directive = demo.directives.first()
    directive.text = "ข้อสั่งการที่แก้ไขแล้ว ให้รายงานผลภายในวันที่ 30 กันยายน 2564"
    directive.save()  # an edit that does not bump Meeting.version still changes the PDF
    second = services.minutes_pdf(meeting=demo, options=ARABIC)
    assert second.pk != first.pk and len(render_calls) == 2
    assert not RenderedPdf.objects.filter(pk=first.pk).exists()
    assert squash(directive.text) in squash(body_text(bytes(second.content), tmp_path))


def test_export_summary_command_uses_the_cache(demo: Meeting, render_calls: list[str], tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    call_command("export_summary", str(demo.pk), "--out", str(out), "--thai-digits", "--pdfa")
    call_command("export_summary", str(demo.pk), "--out", str(out), "--thai-digits", "--pdfa")
    assert len(render_calls) == 1
    assert out.read_bytes().startswith(b"%PDF-")
    assert "๑๗ พฤศจิกายน ๒๕๖๓" in body_text(out.read_bytes(), tmp_path)


def test_export_fiscal_year_command(demo: Meeting, tmp_path: Path) -> None:
    out = tmp_path / "book.pdf"
    call_command("export_fiscal_year", "2564", "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF-")


def test_claim_is_exclusive_across_workers(demo: Meeting) -> None:
    job = tasks.queue_export(kind="fiscal_year_book", options=ARABIC, fiscal_year=2564)
    claimed = tasks.claim(job.pk, "server-a:1:1")
    assert claimed.pk == job.pk and claimed.worker == "server-a:1:1" and claimed.attempts == 1
    assert tasks.claim(job.pk, "server-b:1:1") is None  # already running on server A


def test_queueing_puts_one_task_on_the_portal_queue(demo: Meeting) -> None:
    job = tasks.queue_export(kind="fiscal_year_book", options=ARABIC, fiscal_year=2564)
    again = tasks.queue_export(kind="fiscal_year_book", options=ARABIC, fiscal_year=2564)
    assert again.pk == job.pk
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.queue_name, queued.status) == ("reports.tasks.make_export", "default", "READY")
    assert queued.args_kwargs == {"args": [job.pk], "kwargs": {}}


def test_a_job_abandoned_by_a_dead_worker_is_taken_over(
    demo: Meeting, personas: object, run_tasks: Callable[[], int]
) -> None:
    job = tasks.queue_export(kind="minutes", options=ARABIC, meeting=demo)
    tasks.claim(job.pk, "server-a:1:1")
    assert run_tasks() == 1  # the queued task finds the job running on server A and leaves it
    job.refresh_from_db()
    assert (job.status, job.worker) == ("running", "server-a:1:1")
    # Server A dies: no heartbeat any more. The progress page, polled by the admin, queues the job again.
    ExportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - tasks.STALE_AFTER - dt.timedelta(1))
    page = personas.client_for(personas.admin).get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert page.status_code == 200
    assert personas.client_for(personas.admin).get(job.get_absolute_url()).status_code == 200
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # queued once, however often it is polled
    assert run_tasks() == 1
    job.refresh_from_db()
    assert job.status == "done" and job.attempts == 2 and job.worker != "server-a:1:1"


def test_a_job_that_keeps_failing_gives_up_with_a_thai_message(demo: Meeting, run_tasks: Callable[[], int]) -> None:
    job = tasks.queue_export(kind="fiscal_year_book", options=ARABIC, fiscal_year=2564)
    ExportJob.objects.filter(pk=job.pk).update(attempts=tasks.MAX_ATTEMPTS)
    run_tasks()
    job.refresh_from_db()
    assert job.status == "failed" and "ไม่สำเร็จ" in job.stage


def test_failure_is_reported_not_raised(
    demo: Meeting, monkeypatch: pytest.MonkeyPatch, run_tasks: Callable[[], int]
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(pdf, "render_document", broken)
    job = tasks.queue_export(kind="minutes", options=ARABIC, meeting=demo)
    assert run_tasks() == 1
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.stage == "สร้างไฟล์ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง หรือแจ้งผู้ดูแลระบบ"
    assert "renderer broke" in job.error


def test_progress_is_recorded_while_rendering(
    demo: Meeting, monkeypatch: pytest.MonkeyPatch, run_tasks: Callable[[], int]
) -> None:
    seen: list[tuple[int, str]] = []
    monkeypatch.setattr(tasks, "PROGRESS_INTERVAL", 0)
    real = tasks._ProgressWriter.__call__

    def recording(self: tasks._ProgressWriter, percent: int, stage: str) -> None:
        real(self, percent, stage)
        row = ExportJob.objects.values_list("progress", "stage").get(pk=self.job.pk)
        seen.append(row)

    monkeypatch.setattr(tasks._ProgressWriter, "__call__", recording)
    job = tasks.queue_export(kind="fiscal_year_book", options=ARABIC, fiscal_year=2564)
    run_tasks()
    stages = [stage for _, stage in seen]
    assert any(stage.startswith("กำลังรวบรวมรายงานการประชุม") for stage in stages)
    assert any(stage.startswith("กำลังจัดหน้า หน้าที่") for stage in stages)
    assert "กำลังเขียนไฟล์ PDF" in stages
    percents = [percent for percent, _ in seen]
    assert percents == sorted(percents) and 0 < percents[0] < 20 and max(percents) <= 99
    job.refresh_from_db()
    assert (job.status, job.progress, job.stage) == ("done", 100, "เสร็จแล้ว")
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_the_db_worker_command_runs_queued_exports(demo: Meeting) -> None:
    """The worker of DEPLOY.md and `make run`, as a command: it takes the export from the queue and makes it."""
    job = tasks.queue_export(kind="minutes", options=ARABIC, meeting=demo)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--verbosity", "0")
    job.refresh_from_db()
    assert job.status == "done" and job.result.pages > 3
    host, pid, task_id = job.worker.split(":")
    assert task_id == str(DBTaskResult.objects.get().id)
