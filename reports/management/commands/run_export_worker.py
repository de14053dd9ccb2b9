"""python manage.py run_export_worker [--once]: work on the queue of background PDF exports."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from reports import jobs


class Command(BaseCommand):
    help = "Process queued PDF exports (run one or more of these next to the app servers)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="process what is queued now, then exit")
        parser.add_argument("--sleep", type=float, default=2.0, help="seconds between polls of an empty queue")

    def handle(self, *args: Any, **options: Any) -> None:
        worker = jobs.worker_name()
        while True:
            done = jobs.work(worker=worker)
            if done:
                self.stdout.write(f"{worker}: {done} งานเสร็จ")
            if options["once"]:
                return
            close_old_connections()
            time.sleep(options["sleep"])
