"""PDF benchmark: the seed meeting's minutes (WeasyPrint vs headless Chromium) and a 200-meeting book.

    .venv/bin/python bench/pdf_bench.py [--runs 9] [--meetings 200] [--profile]

Runs on a throw-away SQLite database (a temporary directory), never on the portal's own.
Prints ratios and figures, asserts nothing (bench/, not tests/):

* the median time to render the seed meeting's minutes PDF with the portal's renderer
  (lamphun_portal.lib.pdf) after warm-up (target <= 0.5 s), next to the same HTML printed to PDF by
  headless Chromium (Playwright, /usr/bin/chromium) in the same run, and the ratio
  WeasyPrint/Chromium (target: below 1, the portal faster), in wall-clock time and in CPU time per
  PDF. The two renderers take turns in blocks, so that a machine shared with other work slows both
  alike;
* with --profile, where the portal's render spends its time (pyinstrument), before the book;
* the time and peak memory (summed resident memory of a child process doing only that and of the
  worker processes it starts, sampled every 50 ms) of a fiscal-year book of
  200 published meetings (targets <= 30 s, <= 1 GiB). The meetings are copies of the demo meetings
  (the seed meeting and the fictional ones, in turn), so the book is as long as the portal's own
  records make it.
"""

from __future__ import annotations

import argparse
import contextlib
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


class WeasyPrintRenderer:
    """The portal's renderer, as exports use it."""

    def __init__(self, html: str) -> None:
        from lamphun_portal.lib import pdf

        self.pdf, self.html = pdf, html

    def __call__(self) -> bytes:
        return self.pdf.render_pdf(self.html)


class ChromiumRenderer:
    """Headless Chromium printing the same HTML, static files served from the same directories."""

    def __init__(self, html: str) -> None:
        self.html = html

    def __enter__(self) -> ChromiumRenderer:
        from django.contrib.staticfiles import finders
        from playwright.sync_api import sync_playwright

        def serve_static(route: object) -> None:
            path = route.request.url.split("/static/", 1)[1]
            found = finders.find(path)
            if found:
                route.fulfill(path=found)
            else:
                route.abort()

        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.page = self.browser.new_page()
        self.page.route("http://portal.invalid/static/**", serve_static)
        self.page.route(
            "http://portal.invalid/print", lambda route: route.fulfill(body=self.html, content_type="text/html")
        )
        return self

    def __exit__(self, *exc: object) -> None:
        self.browser.close()
        self.playwright.stop()

    def __call__(self) -> bytes:
        self.page.goto("http://portal.invalid/print", wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")
        return self.page.pdf(prefer_css_page_size=True, print_background=True)


# Rounds of renders per renderer; each round renders with one, then the other, a few times in a row.
ROUNDS = 3
# Idle time before each block of renders, so that the other renderer's work after its last render
# (Chromium's processes keep busy for a moment after printing) does not land on this one's clock.
SETTLE_SECONDS = 0.3


def take_turns(renderers: dict[str, object], runs: int) -> dict[str, tuple[float, float, int]]:
    """Median wall-clock seconds, median CPU seconds and size of each renderer's PDF.

    The renderers take turns in ROUNDS blocks of runs / ROUNDS renders, so that a machine shared with
    other work slows both alike. CPU is WeasyPrint's (this process) and Chromium's (its processes,
    not Playwright's driver): on a machine busy with several exports, CPU per PDF is what counts.
    """
    for render in renderers.values():  # warm-up: fonts, caches, imports, the browser's first page
        render()
        render()
    times: dict[str, list[float]] = {name: [] for name in renderers}
    cpu: dict[str, list[float]] = {name: [] for name in renderers}
    sizes = {}
    per_block = max(1, runs // ROUNDS)
    for _ in range(ROUNDS):
        for name, render in renderers.items():
            time.sleep(SETTLE_SECONDS)
            for _ in range(per_block):
                started, started_cpu = time.perf_counter(), cpu_seconds(name)
                sizes[name] = len(render())
                times[name].append(time.perf_counter() - started)
                cpu[name].append(cpu_seconds(name) - started_cpu)
    return {name: (statistics.median(times[name]), statistics.median(cpu[name]), sizes[name]) for name in renderers}


def cpu_seconds(renderer: str) -> float:
    """CPU seconds used so far by this process (WeasyPrint) or by the Chromium processes it started."""
    if renderer != "chromium":
        return time.process_time()
    ticks = 0
    for pid in descendants(os.getpid()):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                name, fields = stat.read().rsplit(")", 1)
            if name.endswith("(chromium") or name.endswith("(chrome"):
                utime, stime = fields.split()[11:13]
                ticks += int(utime) + int(stime)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """Process ids of ``pid``'s children, their children, and so on, from /proc."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except FileNotFoundError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as children:
                    kids = [int(child) for child in children.read().split()]
            except FileNotFoundError:
                continue
            found += kids
            pending += kids
    return found


def time_minutes(html: str, runs: int) -> None:
    """Print the seed minutes' figures: WeasyPrint, Chromium and their ratio."""
    with contextlib.ExitStack() as stack:
        renderers: dict[str, object] = {"weasyprint": WeasyPrintRenderer(html)}
        try:
            renderers["chromium"] = stack.enter_context(ChromiumRenderer(html))
        except Exception as error:  # Chromium missing: say so, keep the other figures
            print(f"seed minutes PDF, headless Chromium: not measured ({error.__class__.__name__}: {error})")
        figures = take_turns(renderers, runs)
    weasy, weasy_cpu, weasy_bytes = figures["weasyprint"]
    print(
        f"seed minutes PDF, WeasyPrint (lamphun_portal.lib.pdf): median {weasy:.3f} s ({weasy_cpu:.3f} s CPU) of "
        f"{runs} after warm-up ({weasy_bytes:,} bytes) — target <= 0.5 s: {'met' if weasy <= 0.5 else 'NOT met'}"
    )
    if "chromium" in figures:
        chrome, chrome_cpu, chrome_bytes = figures["chromium"]
        print(
            f"seed minutes PDF, headless Chromium: median {chrome:.3f} s ({chrome_cpu:.3f} s CPU of its processes) "
            f"of {runs} ({chrome_bytes:,} bytes)"
        )
        ratio = weasy / chrome
        verdict = "the portal is faster" if ratio < 1 else "the portal is SLOWER"
        print(
            f"seed minutes PDF, WeasyPrint/Chromium = {ratio:.2f} ({verdict}; target < 1); "
            f"CPU per PDF WeasyPrint/Chromium = {weasy_cpu / max(chrome_cpu, 1e-9):.2f}"
        )


def profile_minutes(html: str) -> None:
    """Print where the portal's renderer spends its time on the seed minutes (pyinstrument)."""
    from pyinstrument import Profiler

    from lamphun_portal.lib import pdf

    for _ in range(2):
        pdf.render_pdf(html)
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(10):
            pdf.render_pdf(html)
    print(profiler.output_text(unicode=True, color=False, show_all=False))


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
    total = 0
    for current in [pid, *descendants(pid)]:
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print a profile of the seed minutes' render")
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
        time_minutes(html, args.runs)
        if args.profile:
            profile_minutes(html)

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
