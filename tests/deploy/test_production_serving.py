"""The deployment in DEPLOY.md, run for real: the systemd unit's gunicorn command with two workers,
production settings behind a TLS proxy, WhiteNoise static files, and (when redis-server is installed)
the shared Redis cache from CACHE_URL holding the sessions that both workers read."""

from __future__ import annotations

import configparser
import http.client
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
UNIT = BASE_DIR / "deploy" / "systemd" / "lamphun-portal.service"
HOST = "portal.example.go.th"
PASSWORD = "deploy-test-password-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stderr.read() if process.stderr else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing listens on {port}")


def _unit_command() -> list[str]:
    """ExecStart of the systemd unit, with the install directory replaced by this checkout."""
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(UNIT)
    command = unit["Service"]["ExecStart"].replace(unit["Service"]["WorkingDirectory"], str(BASE_DIR))
    return shlex.split(command)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        yield ""
        return
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_for(port, process)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory, redis_url: str) -> Iterator[dict[str, object]]:
    tmp = tmp_path_factory.mktemp("production")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        DATABASE_URL=f"sqlite:///{tmp / 'portal.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        TRUST_X_FORWARDED_PROTO="1",
        TRUSTED_PROXY_COUNT="1",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_ACCESSLOG="",
        CACHE_URL=redis_url,
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    if not redis_url:
        env.pop("CACHE_URL")
    manage = [sys.executable, "manage.py"]
    for args in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput"],
        ["check", "--deploy", "--fail-level", "WARNING"],
    ):
        result = subprocess.run(manage + args, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
    subprocess.run(
        [*manage, "createsuperuser", "--noinput", "--username", "chief", "--email", "chief@example.go.th"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    command = _unit_command()
    command[0] = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(
        command,
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    _wait_for(port, server)
    yield {"port": port, "env": env}
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=40)


def _request(
    port: int, method: str, path: str, body: str = "", cookies: dict[str, str] | None = None, https: bool = True
) -> tuple[http.client.HTTPResponse, bytes]:
    """A request as nginx forwards it (Host, X-Forwarded-Proto, X-Forwarded-For)."""
    headers = {"Host": HOST, "X-Forwarded-For": "203.0.113.7"}
    if https:
        headers["X-Forwarded-Proto"] = "https"
        headers["Referer"] = f"https://{HOST}/accounts/login/"
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body.encode(), headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def _cookies(response: http.client.HTTPResponse) -> SimpleCookie:
    jar = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return jar


def test_plain_http_is_sent_to_https(production: dict) -> None:
    response, _ = _request(production["port"], "GET", "/accounts/login/", https=False)
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/accounts/login/"


def test_login_page_has_the_security_headers(production: dict) -> None:
    response, body = _request(production["port"], "GET", "/accounts/login/")
    assert response.status == 200
    assert "เข้าสู่ระบบ" in body.decode()
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    csrf = _cookies(response)["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"


def test_whitenoise_serves_static_files_with_caching(production: dict) -> None:
    for path, kind in [("/static/css/portal.css", "text/css"), ("/static/bootstrap/css/bootstrap.min.css", "text/css")]:
        response, body = _request(production["port"], "GET", path)
        assert response.status == 200, path
        assert response.headers["Content-Type"].startswith(kind)
        assert "max-age" in response.headers["Cache-Control"]
        assert len(body) > 100


def test_a_session_works_across_both_workers(production: dict) -> None:
    port = production["port"]
    response, body = _request(port, "GET", "/accounts/login/")
    csrf = _cookies(response)["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
    form = f"username=chief&password={PASSWORD}&csrfmiddlewaretoken={token}"
    response, _ = _request(port, "POST", "/accounts/login/", form, cookies={"csrftoken": csrf})
    assert response.status == 302, response.headers
    session = _cookies(response)["sessionid"]
    assert session["secure"] and session["httponly"]
    # Twenty requests over two workers: each one reads the session the other wrote.
    for _ in range(20):
        response, body = _request(port, "GET", "/meetings/", cookies={"sessionid": session.value})
        assert response.status == 200
        assert "ออกจากระบบ" in body.decode()


def test_sessions_live_in_the_shared_cache_when_cache_url_is_set(production: dict, redis_url: str) -> None:
    if not redis_url:
        pytest.skip("redis-server is not installed")
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(redis_url)
    assert any(b"django.contrib.sessions.cached_db" in key for key in client.keys("lamphun:*"))
