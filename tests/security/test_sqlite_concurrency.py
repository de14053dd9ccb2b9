"""The embedded SQLite database holds several people saving at once: no "database is locked".

The finding: on the default SQLite database, two simultaneous saves gave a server error ("database is
locked"). SQLite's default journal and deferred transactions make the second writer of two that both
read first fail at once, whatever the timeout. The settings turn on WAL, a busy timeout and immediate
write transactions; this test runs the portal's own settings (from the environment, as in production)
against an SQLite file, with several writers starting together, whatever database the suite runs on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 4
ROUNDS = 5


def test_parallel_saves_on_an_sqlite_file_all_succeed(tmp_path: Path) -> None:
    database = tmp_path / "portal.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "lamphun_portal.settings",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.pop("DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.security.sqlite_writers", str(WRITERS), str(ROUNDS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["errors"] == []
    # Every create, edit and sending to the checker answered with a redirect to the page saved; nothing was lost.
    assert result["statuses"] == [302] * (WRITERS * ROUNDS * 3)
    assert result["meetings"] == WRITERS * ROUNDS
    assert result["journal_mode"] == "wal"
