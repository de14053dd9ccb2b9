"""Two requests raising the same event at the same moment record it once: the database's unique constraint
decides, not a look before the insert (PostgreSQL, as in production: the second insert waits for the first)."""

from __future__ import annotations

import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult
from maetha_office import Maetha

from notifications import services
from notifications.models import Event, EventKind, Notification

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="row locks between connections: PostgreSQL (SQLite writers queue whole transactions instead)",
)


def _wait_until_a_connection_waits_for_a_lock() -> None:
    for _ in range(400):
        with connection.cursor() as cursor:
            # Activity is read once per transaction unless the snapshot is cleared: this loop runs inside one.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise AssertionError("the second insert never waited for the first")


@pytest.mark.django_db(transaction=True)
def test_the_same_event_raised_twice_at_once_is_recorded_once(maetha: Maetha) -> None:
    directive = maetha.directive("ให้รายงานผลการเยี่ยมบ้านครัวเรือนยากจน", due=None)
    first_inserted = threading.Event()
    recorded: dict[str, int] = {}
    errors: list[BaseException] = []

    def raise_event(name: str) -> None:
        try:
            with transaction.atomic():
                if name == "second":
                    first_inserted.wait(timeout=30)
                event = services.notify_office(kind=EventKind.ASSIGNED, office=maetha.office, directive=directive)
                if name == "first":
                    first_inserted.set()
                    # Commit only once the second request is blocked on this uncommitted event.
                    _wait_until_a_connection_waits_for_a_lock()
                recorded[name] = event.pk
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=raise_event, args=(name,)) for name in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert recorded["first"] == recorded["second"]
    assert Event.objects.filter(office=maetha.office).count() == 1
    assert Notification.objects.filter(recipient=maetha.district1).count() == 1
    assert DBTaskResult.objects.count() == 1
