"""Directive list and Thai search on PostgreSQL at 1,000 and at 100,000 meetings (500,000 directives).

Each database is created, migrated and filled with `seed_bench` the first time (about 13 minutes at
100,000 meetings on two cores); later runs reuse it, and one left half-seeded is recreated. Prints
median server times (Django test client, whole request), measured in interleaved passes, and the ratios
the issue sets targets for: growth from 1,000 to the largest size (target <= 1.5x), the search page
against a complete icontains scan of the same data (target >= 20x faster) and against the directive
list page (target <= 3x), the recall of the search against that scan for a place, a program, a common
word and a person's name (target 100%), and the size of the search index (target <= 1 GB).
Asserts nothing.

    BENCH_DATABASE_URL   server to use (default postgres://postgres@127.0.0.1:5432)
    BENCH_DB_PREFIX      name of the databases before their size (default lamphun_bench)
    BENCH_SIZES          meetings per database (default "1000,100000"; "1000,100000,1000000" works too)
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
PREFIX = os.environ.get("BENCH_DB_PREFIX", "lamphun_bench")
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,100000").split(",")]
LIST_URL = "/meetings/directives/?fiscal_year=2566&status=in_progress"
QUERY = "บ้านแม่ตืน"
# Recall is measured for these (a place, a program as written, a common word) and a person's first name.
RECALL_QUERIES = ["บ้านแม่ตืน", "โคก หนอง นา", "ชุมชน"]
ROUNDS = 15
# The databases are measured in turn, several times (1,000, 100,000, 1,000, ...), and each figure is the
# median of the passes: on a shared machine, load that comes and goes then falls on both sizes alike.
PASSES = int(os.environ.get("BENCH_PASSES", "3"))
# A full scan of 500,000 directives takes seconds: fewer rounds are enough for its median.
SCAN_ROUNDS = 5


def _database(size: int) -> str:
    return f"{SERVER}/{PREFIX}_{size}"


def prepare(size: int) -> None:
    """Create, migrate and seed the database of this size unless it already holds exactly that many."""
    env = {**os.environ, "DATABASE_URL": _database(size)}
    name = f"{PREFIX}_{size}"
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
    from search import engine
    from search import query as search_query

    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username="official1"))

    def page(url: str) -> None:
        assert client.get(url).status_code == 200

    def indexed() -> None:
        ranking = search_query.rank(QUERY)
        search_query.attach_records(ranking.hits[:20], ranking.words)

    def scanned(query: str) -> tuple[Any, Any]:
        meetings = Meeting.objects.filter(
            Q(title__icontains=query)
            | Q(summary__icontains=query)
            | Q(venue__icontains=query)
            | Q(chair__first_name__icontains=query)
        )
        directives = Directive.objects.filter(Q(text__icontains=query) | Q(issued_by__first_name__icontains=query))
        return meetings, directives

    meetings, directives = scanned(QUERY)

    def full_scan() -> None:
        # The query without the index: every meeting and directive's text scanned with icontains, counted
        # (as the search page counts) and the newest 20 of each read.
        meetings.count(), directives.count()
        list(meetings.order_by("-starts_at")[:20]), list(directives.order_by("-meeting__starts_at")[:20])

    results: dict[str, Any] = {
        "meetings": Meeting.objects.count(),
        "directives": Directive.objects.count(),
        "index_bytes": engine.size_bytes(),
        "list_page_ms": _median_ms(lambda: page(LIST_URL)),
        "search_page_ms": _median_ms(lambda: page(f"/meetings/search/?q={QUERY}")),
        "search_ms": _median_ms(indexed),
    }
    if os.environ["BENCH_MEASURE"] == "scan":
        results["icontains_ms"] = _median_ms(full_scan, SCAN_ROUNDS)
        person = Meeting.objects.filter(chair__position__startswith="[bench]").order_by("pk").first().chair
        for query in [*RECALL_QUERIES, person.first_name]:
            scan_meetings, scan_directives = scanned(query)
            expected = {(1, pk) for pk in scan_meetings.values_list("pk", flat=True)}
            expected |= {(2, pk) for pk in scan_directives.values_list("pk", flat=True)}
            found = {(hit.kind, hit.object_id) for hit in search_query.rank(query).hits}
            results.setdefault("recall", []).append([query, len(expected), len(expected & found), len(found)])
    return results


def main() -> None:
    for size in SIZES:
        prepare(size)
    passes: dict[int, list[dict[str, float]]] = {size: [] for size in SIZES}
    for number in range(PASSES):
        for size in SIZES:
            # The full scan takes seconds at 100,000 meetings: measured in the first pass only.
            passes[size].append(measure(size, scan=number == 0))
    results = {
        size: {
            key: statistics.median(run[key] for run in runs if key in run)
            for key in runs[0]
            if not isinstance(runs[0][key], list)
        }
        for size, runs in passes.items()
    }
    print(f"median of {PASSES} interleaved passes of {ROUNDS} requests each (full scan: {SCAN_ROUNDS}, first pass)")
    list_passes = " | ".join(
        f"{size:,}: " + ", ".join(f"{run['list_page_ms']:.1f}" for run in runs) for size, runs in passes.items()
    )
    print(f"list page ms per pass: {list_passes}")
    small, large = results[SIZES[0]], results[SIZES[-1]]
    print(f"{'':40}" + "".join(f"{r['meetings']:>12,.0f} mtg" for r in results.values()))
    print(f"{'':40}" + "".join(f"{r['directives']:>12,.0f} dir" for r in results.values()))
    for key, label in [
        ("list_page_ms", "directive list page (filtered), ms"),
        ("search_page_ms", f"search page q={QUERY}, ms"),
        ("search_ms", "indexed search (rank + 20 records), ms"),
        ("icontains_ms", "full scan icontains (same query), ms"),
    ]:
        print(f"{label:40}" + "".join(f"{r[key]:>16.1f}" for r in results.values()))
    print(
        f"{'search index (table + GIN), MB':40}" + "".join(f"{r['index_bytes'] / 1e6:>16.1f}" for r in results.values())
    )
    print()
    print("recall against an icontains scan (records the scan finds that the search finds too):")
    recall_met = True
    for size, runs in passes.items():
        for query, expected, common, found in runs[0]["recall"]:
            share = common / expected if expected else 1.0
            recall_met &= common == expected
            print(
                f"  {size:>9,} meetings  {query:<14} scan {expected:>8,}  found by search {common:>8,} "
                f"({share:.1%}; the search finds {found:,} in all)"
            )
    print()
    span = f"{SIZES[0]:,} -> {SIZES[-1]:,} meetings"
    list_growth = large["list_page_ms"] / small["list_page_ms"]
    search_growth = large["search_page_ms"] / small["search_page_ms"]
    indexed_growth = large["search_ms"] / small["search_ms"]
    page_speed_up = large["icontains_ms"] / large["search_page_ms"]
    speed_up = large["icontains_ms"] / large["search_ms"]
    against_list = large["search_page_ms"] / large["list_page_ms"]
    size_gb = large["index_bytes"] / 1e9
    at = f"at {SIZES[-1]:,} meetings"
    print(f"recall at every size and query: {_verdict(recall_met)} (100%)")
    print(f"growth of the list page          {span}: {list_growth:.2f}x  {_verdict(list_growth <= 1.5)} (<= 1.5x)")
    print(f"growth of the search page        {span}: {search_growth:.2f}x  (for information)")
    print(f"growth of the indexed search     {span}: {indexed_growth:.2f}x  (for information)")
    print(f"search page vs icontains scan {at}: {page_speed_up:.0f}x faster  {_verdict(page_speed_up >= 20)} (>= 20x)")
    print(f"indexed search vs icontains scan {at}: {speed_up:.0f}x faster  (for information)")
    print(f"search page vs directive list page {at}: {against_list:.2f}x  {_verdict(against_list <= 3)} (<= 3x)")
    print(f"search index size {at}: {size_gb:.2f} GB  {_verdict(size_gb <= 1)} (<= 1 GB)")


def _verdict(met: bool) -> str:
    return "target met" if met else "TARGET MISSED"


if __name__ == "__main__":
    if os.environ.get("BENCH_MEASURE"):
        print(json.dumps(measure_here()))
    else:
        main()
