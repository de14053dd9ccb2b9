"""Several people saving meetings at the same moment on one SQLite file; run by test_sqlite_concurrency.py.

`python -m tests.security.sqlite_writers WRITERS ROUNDS` with DATABASE_URL naming an SQLite file: migrates
it, then WRITERS threads (each with its own database connection, as each app-server process or thread has)
start together and each, ROUNDS times, records a new meeting, edits it and certifies it through the
portal's own pages. Prints one JSON object: the status of every answer and every error raised.
The settings are the portal's own, read from the environment as in production.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lamphun_portal.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from meetings.models import Meeting, Office  # noqa: E402
from tests.meetings.meeting_post import meeting_post  # noqa: E402


def _one_round(client: Client, office: Office, writer: int, round_: int, checker: Any) -> list[int]:
    title = f"ประชุมคนที่ {writer} ครั้งที่ {round_}"
    created = client.post(reverse("meetings:create"), meeting_post(office=office, title=title))
    meeting = Meeting.objects.get(title=title)
    edit = meeting_post(office=office, title=title, venue="ห้องประชุมอำเภอ", version=str(meeting.version))
    edited = client.post(reverse("meetings:edit", args=[meeting.pk]), edit)
    # A lifecycle write too: the draft sent to its checker (the minutes' review and its trail, one transaction).
    sent = client.post(reverse("minutes:send", args=[meeting.pk]), {"checker": checker.pk})
    return [created.status_code, edited.status_code, sent.status_code]


def main(writers: int, rounds: int) -> dict[str, Any]:
    call_command("migrate", verbosity=0)
    office = Office.objects.create(name="สำนักงานพัฒนาชุมชนอำเภอทดสอบ", kind=Office.Kind.DISTRICT_OFFICE)
    user = User.objects.create_superuser("writer", email="", password=None)
    checker = User.objects.create_superuser("checker", email="", password=None)
    start = threading.Barrier(writers)
    statuses: list[int] = []
    errors: list[str] = []

    def work(writer: int) -> None:
        client = Client()
        client.force_login(user)
        start.wait()  # every writer begins at the same moment
        try:
            for round_ in range(rounds):
                try:
                    statuses.extend(_one_round(client, office, writer, round_, checker))
                except Exception as error:  # the finding: "database is locked" came back as a server error
                    errors.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "statuses": statuses,
        "errors": errors,
        "meetings": Meeting.objects.filter(
            organizer=office, venue="ห้องประชุมอำเภอ", minutes_review__awaiting_check=True
        ).count(),
        "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0],
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), int(sys.argv[2])), ensure_ascii=False))
