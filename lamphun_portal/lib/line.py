"""The one door to the LINE Messaging API (the `line-bot-sdk` package, v3): push a text to a group.

Configured here from settings (LINE_CHANNEL_ACCESS_TOKEN, LINE_API_URL) and nowhere else. Every push carries
an X-Line-Retry-Key: LINE executes a request with a given key once, and answers 409 to the same key again, so a
push retried after a timeout or a 5xx (which LINE may have carried out all the same) never reaches the group
twice. The caller keeps one key per message for all its tries.
"""

from __future__ import annotations

from dataclasses import dataclass

import urllib3
from django.conf import settings
from linebot.v3.messaging import ApiClient, Configuration, MessagingApi, PushMessageRequest, TextMessage
from linebot.v3.messaging.exceptions import ApiException

# LINE refuses a text message longer than this (characters).
MAX_TEXT = 5000
# Seconds to wait for LINE (connect, read) before the try counts as failed and is retried later.
TIMEOUT = (5, 20)


@dataclass
class LinePushError(Exception):
    """A push that LINE did not accept; `retryable` when trying again later may succeed."""

    message: str
    status: int = 0
    retryable: bool = True

    def __str__(self) -> str:
        return f"LINE {self.status or '-'}: {self.message}"


def is_configured() -> bool:
    return bool(settings.LINE_CHANNEL_ACCESS_TOKEN)


def _configuration() -> Configuration:
    configuration = Configuration(host=settings.LINE_API_URL, access_token=settings.LINE_CHANNEL_ACCESS_TOKEN)
    # One try per call: the portal's own back-off decides when to try again (notifications/deliveries.py).
    configuration.retries = 0
    return configuration


def push_text(to: str, text: str, *, retry_key: str) -> None:
    """Push `text` to a group (or user) id; returns when LINE accepted it, or had already accepted this key.

    Raises LinePushError: retryable for 429, 5xx and network failures, not for a refused token or recipient.
    """
    if not is_configured():
        raise LinePushError("ยังไม่ได้ตั้งค่า LINE_CHANNEL_ACCESS_TOKEN", retryable=False)
    request = PushMessageRequest(to=to, messages=[TextMessage(text=_fit(text))])
    try:
        with ApiClient(_configuration()) as client:
            MessagingApi(client).push_message(request, x_line_retry_key=retry_key, _request_timeout=TIMEOUT)
    except ApiException as error:
        if error.status == 409:
            return  # this retry key was accepted before: the message is already in the group
        retryable = error.status == 429 or error.status >= 500 or error.status == 0
        raise LinePushError(_body(error), status=error.status, retryable=retryable) from error
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise LinePushError(f"{type(error).__name__}: {error}") from error


def _fit(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _body(error: ApiException) -> str:
    body = error.body.decode("utf-8", "replace") if isinstance(error.body, bytes) else str(error.body or "")
    return (body or str(error.reason or ""))[:500]
