"""Directive list and Thai search on PostgreSQL at 1,000 and at 100,000 meetings (500,000 directives).

Each database is created, migrated and filled with `seed_bench` the first time (about 8 minutes at
100,000 meetings on two cores); later runs reuse it, and one left half-seeded is recreated. Prints
median server times (Django test client, whole request), measured in interleaved passes, and the ratios
the issue sets targets for: growth from 1,000 to 100,000 meetings (target <= 1.5x) and the speed-up of
the indexed search over a full scan with icontains (target >= 50x), with how many records each found.
Asserts nothing.

    BENCH_DATABASE_URL   server to use (default postgres://postgres@127.0.0.1:5432)
    BENCH_SIZES          meetings per database (default "1000,100000")
    BENCH_PASSES         interleaved measuring passes (default 3)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,100000").split(",")]
LIST_URL = "/meetings/directives/?fiscal_year=2566&status=in_progress"
QUERY = "บ้านแม่ตืน"
ROUNDS = 15
# The databases are measured in turn, several times (1,000, 100,000, 1,000, ...), and each figure is the
# median of the passes: on a shared machine, load that comes and goes then falls on both sizes alike.
PASSES = int(os.environ.get("BENCH_PASSES", "3"))
# A full scan of 500,000 directives takes seconds: fewer rounds are enough for its median.
SCAN_ROUNDS = 5


def _database(size: int) -> str:
    return f"{SERVER}/lamphun_bench_{size}"


def prepare(size: int) -> None:
    """Create, migrate and seed the database of this size unless it already holds exactly that many."""
    env = {**os.environ, "DATABASE_URL": _database(size)}
    name = f"lamphun_bench_{size}"
    subprocess.run(["createdb", "-h", _host(), "-U", _user(), name], capture_output=True)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    seeded = _seeded_meetings(env)
    if seeded == size:
        return
    if seeded:
        # A seed that was interrupted (or of another size): start again rather than add to it.
        print(f"{name} holds {seeded:,} seeded meetings, not {size:,}: recreating it", flush=True)
        subprocess.run(["dropdb", "-h", _host(), "-U", _user(), name], check=True)
        subprocess.run(["createdb", "-h", _host(), "-U", _user(), name], check=True)
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    print(f"seeding {size:,} meetings (first run only)...", flush=True)
    started = time.monotonic()
    subprocess.run([sys.executable, "manage.py", "seed_bench", "--meetings", str(size)], cwd=ROOT, env=env, check=True)
    print(f"seeded {size:,} meetings in {time.monotonic() - started:.0f} s", flush=True)


def _seeded_meetings(env: dict[str, str]) -> int:
    """Meetings seed_bench wrote (their chairs are its [bench] people; the demo data is not counted)."""
    code = (
        "from meetings.models import Meeting; "
        "print(Meeting.objects.filter(chair__position__startswith='[bench]').count())"
    )
    command = [sys.executable, "manage.py", "shell", "-c", code]
    out = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return int(out.stdout.split()[-1])


def _host() -> str:
    return SERVER.split("@")[-1].split(":")[0]


def _user() -> str:
    return SERVER.split("//")[1].split("@")[0]


def measure(size: int, scan: bool) -> dict[str, float]:
    env = {**os.environ, "DATABASE_URL": _database(size), "BENCH_MEASURE": "scan" if scan else "1"}
    out = subprocess.run([sys.executable, __file__], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _median_ms(action: object, rounds: int = ROUNDS) -> float:
    action()  # warm the caches (and the tokeniser's dictionary)
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure_here() -> dict[str, float]:
    """Runs inside the subprocess, against DATABASE_URL."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lamphun_portal.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db.models import Q
    from django.test import Client
    from django.test.utils import setup_test_environment

    from directives.models import Directive
    from meetings.models import Meeting
    from search import query as search_query

    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username="official1"))

    def page(url: str) -> None:
        assert client.get(url).status_code == 200

    def indexed() -> None:
        ranking = search_query.rank(QUERY)
        search_query.attach_records(ranking.hits[:20], ranking.words)

    meetings = Meeting.objects.filter(
        Q(title__icontains=QUERY) | Q(summary__icontains=QUERY) | Q(venue__icontains=QUERY)
    )
    directives = Directive.objects.filter(text__icontains=QUERY)

    def full_scan() -> None:
        # The query without the index: every meeting and directive's text scanned with icontains.
        meetings.count(), directives.count()
        list(meetings.order_by("-starts_at")[:20]), list(directives.order_by("-meeting__starts_at")[:20])

    ranking = search_query.rank(QUERY)
    found = {
        # How many records each answer holds: the indexed search ranks at most CANDIDATE_WINDOW candidates.
        "indexed_records": len(ranking.hits),
        "indexed_complete": int(ranking.complete),
        "window": search_query.CANDIDATE_WINDOW,
        "icontains_records": meetings.count() + directives.count(),
    }
    return {
        **found,
        "meetings": Meeting.objects.count(),
        "directives": Directive.objects.count(),
        "list_page_ms": _median_ms(lambda: page(LIST_URL)),
        "search_page_ms": _median_ms(lambda: page(f"/meetings/search/?q={QUERY}")),
        "search_ms": _median_ms(indexed),
        **({"icontains_ms": _median_ms(full_scan, SCAN_ROUNDS)} if os.environ["BENCH_MEASURE"] == "scan" else {}),
    }


def main() -> None:
    for size in SIZES:
        prepare(size)
    passes: dict[int, list[dict[str, float]]] = {size: [] for size in SIZES}
    for number in range(PASSES):
        for size in SIZES:
            # The full scan takes seconds at 100,000 meetings: measured in the first pass only.
            passes[size].append(measure(size, scan=number == 0))
    results = {
        size: {key: statistics.median(run[key] for run in runs if key in run) for key in runs[0]}
        for size, runs in passes.items()
    }
    print(f"median of {PASSES} interleaved passes of {ROUNDS} requests each (full scan: {SCAN_ROUNDS}, first pass)")
    list_passes = " | ".join(
        f"{size:,}: " + ", ".join(f"{run['list_page_ms']:.1f}" for run in runs) for size, runs in passes.items()
    )
    print(f"list page ms per pass: {list_passes}")
    small, large = results[SIZES[0]], results[SIZES[-1]]
    print(f"{'':38}" + "".join(f"{r['meetings']:>12,} mtg" for r in results.values()))
    print(f"{'':38}" + "".join(f"{r['directives']:>12,} dir" for r in results.values()))
    for key, label in [
        ("list_page_ms", "directive list page (filtered), ms"),
        ("search_page_ms", f"search page q={QUERY}, ms"),
        ("search_ms", "indexed search (rank + 20 records), ms"),
        ("icontains_ms", "full scan icontains (same query), ms"),
    ]:
        print(f"{label:38}" + "".join(f"{r[key]:>16.1f}" for r in results.values()))
    span = f"{SIZES[0]:,} -> {SIZES[-1]:,} meetings"
    list_growth = large["list_page_ms"] / small["list_page_ms"]
    search_growth = large["search_page_ms"] / small["search_page_ms"]
    indexed_growth = large["search_ms"] / small["search_ms"]
    speed_up = large["icontains_ms"] / large["search_ms"]
    print(
        "records found: "
        + " | ".join(
            f"{size:,}: indexed {r['indexed_records']:,.0f}"
            + ("" if r["indexed_complete"] else f" (best-ranked of a {r['window']:,.0f}-candidate window)")
            + f", icontains {r['icontains_records']:,.0f}"
            for size, r in results.items()
        )
    )
    print()
    print(f"growth of the list page          {span}: {list_growth:.2f}x  {_verdict(list_growth <= 1.5)} (<= 1.5x)")
    print(f"growth of the search page        {span}: {search_growth:.2f}x  {_verdict(search_growth <= 1.5)} (<= 1.5x)")
    print(f"growth of the indexed search     {span}: {indexed_growth:.2f}x  (for information)")
    print(
        f"indexed search vs icontains scan at {SIZES[-1]:,} meetings: {speed_up:.0f}x faster  "
        f"{_verdict(speed_up >= 50)} (>= 50x)"
    )


def _verdict(met: bool) -> str:
    return "target met" if met else "TARGET MISSED"


if __name__ == "__main__":
    if os.environ.get("BENCH_MEASURE"):
        print(json.dumps(measure_here()))
    else:
        main()
