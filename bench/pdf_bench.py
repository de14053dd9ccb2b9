"""PDF benchmark: the seed meeting's minutes (WeasyPrint vs headless Chromium) and a 200-meeting book.

    .venv/bin/python bench/pdf_bench.py [--runs 7] [--meetings 200]

Runs on a throw-away SQLite database (a temporary directory), never on the portal's own.
Prints ratios and figures, asserts nothing (bench/, not tests/):

* the median time to render the seed meeting's minutes PDF after warm-up (target <= 0.5 s), next to
  the same HTML printed to PDF by headless Chromium (Playwright, /usr/bin/chromium) in the same run;
* the time and peak memory (summed resident memory of a child process doing only that and of the
  worker processes it starts, sampled every 50 ms) of a fiscal-year book of
  200 published meetings (targets <= 30 s, <= 1 GiB). The meetings are copies of the demo meetings
  (the seed meeting and the fictional ones, in turn), so the book is as long as the portal's own
  records make it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_YEAR = 2570  # a fiscal year no demo meeting is in
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lamphun_portal.settings")
    os.environ["PORTAL_EXPORT_WORKER_THREAD"] = "0"
    import django

    django.setup()


def prepare_database(meetings: int) -> None:
    """Migrate, load the demo data and copy the demo meetings into BENCH_YEAR, ``meetings`` of them."""
    from django.core.management import call_command

    from meetings.demo.loader import load_demo

    call_command("migrate", verbosity=0)
    load_demo(with_users=False)
    copy_meetings(meetings)


def copy_meetings(count: int) -> None:
    import datetime as dt

    from django.db import transaction
    from django.utils import timezone

    from meetings.models import Meeting

    sources = list(Meeting.objects.order_by("starts_at"))
    first_day = dt.datetime(BENCH_YEAR - 544, 10, 1, 9, 0, tzinfo=timezone.get_default_timezone())
    with transaction.atomic():
        for index in range(count):
            source = sources[index % len(sources)]
            clone_meeting(source, first_day + dt.timedelta(days=index * 365 // count, hours=index % 5))


def clone_meeting(source: object, starts_at: object) -> None:
    from directives.models import Directive
    from meetings.models import AgendaItem, Attendance, Meeting

    meeting = Meeting.objects.get(pk=source.pk)
    meeting.pk = None
    meeting.number = None
    meeting.starts_at = starts_at
    meeting.ends_at = starts_at + (source.ends_at - source.starts_at) if source.ends_at else None
    meeting.status = Meeting.Status.PUBLISHED
    meeting.save()
    Attendance.objects.bulk_create(
        Attendance(**{**model_fields(a), "meeting": meeting}) for a in source.attendances.all()
    )
    items = {}
    for item in source.agenda_items.all():
        items[item.pk] = AgendaItem.objects.create(**{**model_fields(item), "meeting": meeting})
    for directive in source.directives.all():
        copy = Directive.objects.create(
            **{**model_fields(directive), "meeting": meeting, "agenda_item": items.get(directive.agenda_item_id)}
        )
        copy.responsible_offices.set(directive.responsible_offices.all())
        copy.programs.set(directive.programs.all())


def model_fields(instance: object) -> dict[str, object]:
    """The concrete field values of a row, without its primary key."""
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key and field.attname not in ("created_at", "updated_at", "meeting_id", "agenda_item_id")
    }


# --------------------------------------------------------------------------------------------------


def seed_html() -> str:
    from meetings.models import Meeting
    from reports import documents

    seed = documents.meetings_for_print().get(pk=Meeting.objects.get(starts_at__date="2020-11-17").pk)
    return documents.render_minutes_html(seed, documents.PrintOptions(thai_digits=False))


def time_weasyprint(html: str, runs: int) -> tuple[float, float, int]:
    """Median wall-clock and CPU seconds (the CPU time shows what a busy machine hides)."""
    from lamphun_portal.lib import pdf

    for _ in range(2):  # warm-up: fonts, caches, imports
        content = pdf.render_pdf(html)
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        content = pdf.render_pdf(html)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(times), statistics.median(cpu), len(content)


def time_chromium(html: str, runs: int) -> tuple[float, int]:
    """Print the same HTML with headless Chromium, static files served from the same directories."""
    from django.contrib.staticfiles import finders
    from playwright.sync_api import sync_playwright

    def serve_static(route: object) -> None:
        path = route.request.url.split("/static/", 1)[1]
        found = finders.find(path)
        if found:
            route.fulfill(path=found)
        else:
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route("http://portal.invalid/static/**", serve_static)
        page.route("http://portal.invalid/print", lambda route: route.fulfill(body=html, content_type="text/html"))

        def print_once() -> bytes:
            page.goto("http://portal.invalid/print", wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            return page.pdf(prefer_css_page_size=True, print_background=True)

        for _ in range(2):
            content = print_once()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            content = print_once()
            times.append(time.perf_counter() - started)
        browser.close()
    return statistics.median(times), len(content)


def book_child(year: int) -> None:
    """In a child process: render the book once, print its figures as JSON."""
    from reports import book, services
    from reports.documents import PrintOptions

    sampler = TreeMemory()
    sampler.start()
    started, started_cpu = time.perf_counter(), time.process_time()
    prepared = services.prepare_fiscal_year_book(year, PrintOptions(thai_digits=False))
    html_seconds = time.perf_counter() - started
    content, pages = services._render(prepared, None)
    seconds = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - started_cpu + children.ru_utime + children.ru_stime
    sampler.stop()
    figures = {"seconds": seconds, "cpu": cpu, "html_seconds": html_seconds, "pages": pages}
    print(
        json.dumps({**figures, "bytes": len(content), "peak": sampler.peak, "workers": book.workers_for(prepared.book)})
    )


class TreeMemory(threading.Thread):
    """Peak of the summed resident memory of this process and its children (the book's workers)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.05):
            self.peak = max(self.peak, tree_rss(os.getpid()))

    def stop(self) -> None:
        self._done.set()
        self.join()
        self.peak = max(self.peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants, from /proc."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending += [int(child) for child in children.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--book-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.book_child:
        setup_django(args.book_child)
        book_child(BENCH_YEAR)
        return

    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as directory:
        database = Path(directory) / "bench.sqlite3"
        setup_django(database)
        prepare_database(args.meetings)
        html = seed_html()
        loads = " ".join(f"{load:.1f}" for load in os.getloadavg())
        print(f"load average before the runs: {loads} ({os.cpu_count()} CPUs)")
        weasy, weasy_cpu, weasy_bytes = time_weasyprint(html, args.runs)
        print(
            f"seed minutes PDF, WeasyPrint (lib/pdf.py): median {weasy:.3f} s ({weasy_cpu:.3f} s CPU) of {args.runs} "
            f"after warm-up ({weasy_bytes:,} bytes) — target <= 0.5 s: {'met' if weasy <= 0.5 else 'NOT met'}"
        )
        try:
            chrome, chrome_bytes = time_chromium(html, args.runs)
        except Exception as error:  # Chromium missing: say so, keep the other figures
            print(f"seed minutes PDF, headless Chromium: not measured ({error.__class__.__name__}: {error})")
        else:
            print(
                f"seed minutes PDF, headless Chromium: median {chrome:.3f} s of {args.runs} after warm-up "
                f"({chrome_bytes:,} bytes); WeasyPrint/Chromium = {weasy / chrome:.2f}"
            )

        child = subprocess.run(
            [sys.executable, __file__, "--book-child", str(database)], capture_output=True, text=True, check=True
        )
        book = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"fiscal-year book of {args.meetings} meetings, {book['workers']} process(es): "
            f"{book['seconds']:.1f} s ({book['cpu']:.1f} s CPU, workers included) "
            f"(HTML {book['html_seconds']:.1f} s), {book['pages']:,} pages, {book['bytes']:,} bytes, "
            f"peak memory of all its processes {book['peak'] / 2**20:,.0f} MiB — targets <= 30 s: "
            f"{'met' if book['seconds'] <= 30 else 'NOT met'}, "
            f"<= 1 GiB: {'met' if book['peak'] <= 2**30 else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
