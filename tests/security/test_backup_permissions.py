"""`manage.py backup` writes an archive only its owner can read, from the first byte, whatever the umask.

The finding: the archive (password hashes, API tokens, sessions) came out readable by everyone on the
server (0644 under the usual umask, 0666 under umask 000).
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from lamphun_portal.lib import backup
from meetings.models import Meeting
from tests.conftest import Personas


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """umask 000: every file a program creates without saying otherwise is readable and writable by all."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _modes(directory: Path) -> dict[str, str]:
    return {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in directory.iterdir()}


def test_the_backup_archive_is_owner_only(
    personas: Personas, demo: Meeting, tmp_path: Path, permissive_umask: None, monkeypatch: Any
) -> None:
    # Every file in the folder while the rows are being written: the archive-to-be is private already then.
    seen_while_writing: list[dict[str, str]] = []
    write_rows = backup._write_rows

    def watching(*args: Any, **kwargs: Any) -> None:
        seen_while_writing.append(_modes(tmp_path))
        write_rows(*args, **kwargs)

    monkeypatch.setattr(backup, "_write_rows", watching)
    target = tmp_path / "portal-backup.zip"
    call_command("backup", str(target))

    assert _modes(tmp_path) == {"portal-backup.zip": "0o600"}
    assert seen_while_writing and all(set(modes.values()) == {"0o600"} for modes in seen_while_writing)
    with zipfile.ZipFile(target) as archive:
        assert "data/auth.user.json" in archive.namelist()  # what makes it secret: password hashes


def test_an_existing_readable_file_is_replaced_by_an_owner_only_one(
    demo: Meeting, tmp_path: Path, permissive_umask: None
) -> None:
    target = tmp_path / "portal-backup.zip"
    target.write_bytes(b"old")
    target.chmod(0o644)
    call_command("backup", str(target))
    assert _modes(tmp_path) == {"portal-backup.zip": "0o600"}


def test_a_failed_backup_leaves_no_file_behind(
    demo: Meeting, tmp_path: Path, permissive_umask: None, monkeypatch: Any
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError("ดิสก์เต็ม")

    monkeypatch.setattr(backup, "_write_rows", broken)
    with pytest.raises(Exception, match="ดิสก์เต็ม"):
        call_command("backup", str(tmp_path / "portal-backup.zip"))
    assert _modes(tmp_path) == {}
