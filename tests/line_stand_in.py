"""A stand-in for the LINE Messaging API on 127.0.0.1, for tests (the `line_server` fixture in tests/conftest.py).

It behaves as LINE documents for push messages: a bearer token is required; a request whose X-Line-Retry-Key
was accepted before is refused with 409 and not delivered again. `fail_next` makes the next requests answer
429 or 5xx, optionally after accepting the message (LINE may deliver a request that then answers 5xx).
`requests` holds every request that arrived, `delivered` the push bodies that reached the group.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass
class Arrived:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def retry_key(self) -> str:
        return self.headers.get("x-line-retry-key", "")


@dataclass
class _Failure:
    status: int
    after_accepting: bool


@dataclass
class LineStandIn:
    token: str
    requests: list[Arrived] = field(default_factory=list)
    delivered: list[dict[str, Any]] = field(default_factory=list)
    _failures: deque[_Failure] = field(default_factory=deque)
    _accepted_keys: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, status: int, times: int = 1, *, after_accepting: bool = False) -> None:
        """Answer `status` to the next `times` requests (having delivered the message first, if asked)."""
        with self._lock:
            self._failures.extend(_Failure(status, after_accepting) for _ in range(times))

    def fail_always(self, status: int) -> None:
        self.fail_next(status, times=1000)

    def texts(self) -> list[str]:
        """The text of every message delivered to a group, in order."""
        return [message["text"] for body in self.delivered for message in body["messages"]]

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> LineStandIn:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                headers = {name.lower(): value for name, value in self.headers.items()}
                body = json.loads(raw or b"{}")
                status, answer = stand_in._answer(Arrived(self.path, headers, body))
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("x-line-request-id", f"request-{len(stand_in.requests)}")
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output quiet

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="line-stand-in", daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def _answer(self, arrived: Arrived) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.requests.append(arrived)
            if arrived.path != "/v2/bot/message/push":
                return 404, {"message": "Not found"}
            if arrived.headers.get("authorization") != f"Bearer {self.token}":
                return 401, {"message": "Authentication failed"}
            key = arrived.retry_key
            if key and key in self._accepted_keys:
                return 409, {"message": "The retry key is already accepted"}
            failure = self._failures.popleft() if self._failures else None
            if failure is None or failure.after_accepting:
                self.delivered.append(arrived.body)
                if key:
                    self._accepted_keys.add(key)
            if failure is not None:
                return failure.status, {"message": "The API server is temporarily unavailable"}
            return 200, {"sentMessages": [{"id": str(len(self.delivered)), "quoteToken": "stand-in"}]}
