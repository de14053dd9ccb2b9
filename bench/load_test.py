"""Load test: gunicorn (2 workers) on PostgreSQL, 32 concurrent users for 60 s from a second process.

    .venv/bin/python bench/load_test.py [--users 32] [--seconds 60] [--workers 2]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lamphun_bench   (default; recreated each run)

1. Recreates the bench database, migrates it and loads the demo data with its accounts.
2. Starts gunicorn with `deploy/gunicorn.conf.py` and production settings (DEBUG=0, as behind nginx:
   requests carry X-Forwarded-Proto: https) on a free port of 127.0.0.1.
3. This process — not gunicorn's — then plays USERS people for SECONDS seconds, each in its own
   thread with its own session: log in, then lists, search, detail pages and PDF downloads, picked
   at random, over every page of tests/permissions_matrix.py that the person's role may open.
4. Prints requests, errors (must be 0) and p50/p95 latency per kind of request and overall.

Asserts nothing (bench/, not tests/); exits 1 when a request failed, so `make bench` shows it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/lamphun_bench"
SEARCH_WORDS = ["ประชุม", "โคก หนอง นา", "ข้อสั่งการ", "ลำพูน", "OTOP", "ชุมชน"]
# How often each kind of request is made (lists and detail pages are what people open most).
MIX = {"list": 30, "search": 20, "detail": 35, "pdf": 10, "login": 5}

PLAN_SCRIPT = r"""
import json, sys
sys.path.insert(0, ".")
from django.contrib.auth.models import User
from django.urls import reverse
from meetings.models import Meeting
from tests.permissions_matrix import ROUTES, World

meeting = Meeting.objects.get(starts_at__date="2020-11-17")
world = World(meeting=meeting, admin=User.objects.get(username="admin1"))
plan = {}
for persona, username in [("staff", "staff1"), ("official", "official1"), ("admin", "admin1")]:
    pages = {"list": [], "detail": [], "search": [], "pdf": []}
    for route in ROUTES:
        if route.method != "get" or route.expect[persona] != 200 or route.name in {"login"}:
            continue
        try:
            url = reverse(route.name, args=route.args(world))
        except Exception as error:  # a route whose objects the demo data lacks
            print(f"skip {route.name}: {error}", file=sys.stderr)
            continue
        args = route.args(world)
        name = route.name.lower()
        if "pdf" in name or "download" in name or url.endswith(".pdf"):
            pages["pdf"].append(url)
        elif "search" in name:
            pages["search"].append(url)
        elif args:
            pages["detail"].append(url)
        else:
            pages["list"].append(url)
            if name.endswith(":list"):
                pages["search"].append(url)
    plan[username] = pages
print(json.dumps(plan, ensure_ascii=False))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare_database(env: dict[str, str]) -> None:
    url = urlsplit(env["DATABASE_URL"])
    name = url.path.lstrip("/")
    pg = ["-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432), "-U", url.username or "postgres"]
    subprocess.run(["dropdb", *pg, "--if-exists", "--force", name], check=True)
    subprocess.run(["createdb", *pg, name], check=True)
    _run([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
    # The demo accounts are only created with DEBUG on (they have a published password).
    _run([PY, "manage.py", "load_demo"], {**env, "DEBUG": "1", "SECRET_KEY": "bench-demo-load"})
    _run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)


def start_gunicorn(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    command = [
        str(Path(PY).with_name("gunicorn")),
        "--config",
        "deploy/gunicorn.conf.py",
        "lamphun_portal.wsgi:application",
    ]
    server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)}
    server_env["GUNICORN_ACCESSLOG"] = ""
    process = subprocess.Popen(command, cwd=ROOT, env=server_env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit("gunicorn did not start")


class Person:
    """One simulated user: a keep-alive connection, a cookie jar, and a list of pages."""

    def __init__(self, port: int, username: str, password: str, pages: dict[str, list[str]]) -> None:
        self.port = port
        self.username = username
        self.password = password
        self.pages = pages
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def request(self, method: str, path: str, body: str = "") -> tuple[int, bytes]:
        headers = {
            "Host": "127.0.0.1",
            "X-Forwarded-Proto": "https",  # as nginx says after terminating TLS
            "Referer": "https://127.0.0.1/accounts/login/",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body.encode(), headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # gunicorn recycles workers (max_requests): reconnect once, as a browser does.
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                if attempt == 2:
                    raise
        jar = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        self.cookies.update({k: v.value for k, v in jar.items()})
        return response.status, data

    def log_in(self) -> bool:
        self.cookies.clear()
        status, page = self.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or token is None:
            return False
        form = f"username={self.username}&password={self.password}&csrfmiddlewaretoken={token.group(1).decode()}"
        status, _ = self.request("POST", "/accounts/login/", form)
        return status == 302 and "sessionid" in self.cookies

    def next_request(self) -> tuple[str, str]:
        kinds = [k for k in MIX if k == "login" or self.pages.get(k)]
        kind = random.choices(kinds, weights=[MIX[k] for k in kinds])[0]
        if kind == "login":
            return kind, ""
        url = random.choice(self.pages[kind])
        if kind == "search":
            from urllib.parse import quote

            url += ("&" if "?" in url else "?") + "q=" + quote(random.choice(SEARCH_WORDS))
        return kind, url


def play(
    person: Person, until: float, results: dict[str, list[float]], errors: list[str], lock: threading.Lock
) -> None:
    started = time.perf_counter()
    ok = person.log_in()
    elapsed = time.perf_counter() - started
    with lock:
        results["login"].append(elapsed)
        if not ok:
            errors.append(f"{person.username}: login failed")
    while time.monotonic() < until:
        kind, url = person.next_request()
        started = time.perf_counter()
        try:
            if kind == "login":
                ok, detail = person.log_in(), "login"
            else:
                status, body = person.request("GET", url)
                ok = status == 200 and (kind != "pdf" or body.startswith(b"%PDF"))
                detail = f"GET {url} -> {status}"
        except Exception as error:  # noqa: BLE001 - any failure is counted and reported
            ok, detail = False, f"{kind} {url}: {error!r}"
        elapsed = time.perf_counter() - started
        with lock:
            results[kind].append(elapsed)
            if not ok:
                errors.append(detail)


def _ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000:.0f}"


def report(results: dict[str, list[float]], errors: list[str], seconds: float, users: int, workers: int) -> None:
    total = sum(len(v) for v in results.values())
    print(f"\nLoad test: {users} users, {seconds:.0f} s, gunicorn {workers} workers, PostgreSQL, 127.0.0.1")
    print(f"{'kind':<8} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8}")
    for kind in ["login", "list", "search", "detail", "pdf"]:
        values = results.get(kind, [])
        print(f"{kind:<8} {len(values):>9} {_ms(values, 0.50):>8} {_ms(values, 0.95):>8}")
    everything = [v for values in results.values() for v in values]
    print(f"{'all':<8} {total:>9} {_ms(everything, 0.50):>8} {_ms(everything, 0.95):>8}")
    print(f"requests: {total}  errors: {len(errors)}  throughput: {total / seconds:.1f} req/s")
    if everything:
        print(f"mean latency: {statistics.mean(everything) * 1000:.0f} ms")
    for error in errors[:10]:
        print(f"  error: {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    env.update(
        DATABASE_URL=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        TRUST_X_FORWARDED_PROTO="1",
        STATIC_ROOT=str(ROOT / "staticfiles"),
        # Enough tries for many sessions of one demo account; the lockout still counts failures.
        CONN_MAX_AGE="60",
    )
    print("Preparing the bench database (migrate, demo data, static files)…", flush=True)
    prepare_database(env)
    plan = json.loads(_run([PY, "manage.py", "shell", "-c", PLAN_SCRIPT], env).strip().splitlines()[-1])
    password = "lamphun-demo"
    for username, pages in plan.items():
        print(f"{username}: " + ", ".join(f"{k} {len(v)}" for k, v in pages.items()))
    if not any(pages["pdf"] for pages in plan.values()):
        print("note: no PDF download URL exists yet in tests/permissions_matrix.py; PDFs not exercised")

    port = _free_port()
    server = start_gunicorn(env, port, options.workers)
    try:
        results: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        lock = threading.Lock()
        until = time.monotonic() + options.seconds
        usernames = list(plan)
        threads = [
            threading.Thread(
                target=play,
                args=(
                    Person(port, usernames[i % len(usernames)], password, plan[usernames[i % len(usernames)]]),
                    until,
                    results,
                    errors,
                    lock,
                ),
            )
            for i in range(options.users)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report(results, errors, time.monotonic() - started, options.users, options.workers)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
