"""The WeasyPrint the portal's patches were written for, and the check that it is the one installed.

The patches (thai_text.py, and the page-progress hook in render.py) replace WeasyPrint functions by
copies or wrappers that rely on the upstream code. They are installed when the first PDF of a process
is rendered, never when lib/pdf is imported, so that another WeasyPrint breaks exports only (with
:class:`WeasyPrintMismatch`), never the pages that import this package.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable
from typing import Any

import weasyprint

# The WeasyPrint this package was written against; see requirements.txt.
SUPPORTED_WEASYPRINT_VERSION = "70.0"


class WeasyPrintMismatch(RuntimeError):
    """The installed WeasyPrint is not the one the patches copy: PDF exports are unavailable."""


def source_digest(*functions: Callable[..., Any]) -> str:
    """SHA-256 of the functions' source: changes when an upgrade changes the code a patch relies on."""
    return hashlib.sha256("".join(inspect.getsource(function) for function in functions).encode()).hexdigest()


def check_version() -> None:
    """Raise WeasyPrintMismatch unless the pinned WeasyPrint is installed."""
    if weasyprint.__version__ != SUPPORTED_WEASYPRINT_VERSION:
        raise WeasyPrintMismatch(
            f"PDF export unavailable: lamphun_portal.lib.pdf patches WeasyPrint {SUPPORTED_WEASYPRINT_VERSION}, "
            f"found {weasyprint.__version__}. Pin weasyprint=={SUPPORTED_WEASYPRINT_VERSION} "
            "(requirements.txt) or port the patches and their digests."
        )


def check_source(name: str, expected: str, *functions: Callable[..., Any]) -> None:
    """Raise WeasyPrintMismatch when the upstream code ``name`` a patch relies on has changed."""
    if source_digest(*functions) != expected:
        raise WeasyPrintMismatch(
            f"PDF export unavailable: {name} is not the WeasyPrint {SUPPORTED_WEASYPRINT_VERSION} code "
            "lamphun_portal.lib.pdf was written for. Port the patch and update its digest."
        )


def check_not_replaced(name: str, current: object, *ours: object) -> None:
    """Raise WeasyPrintMismatch when someone else replaced a function the portal patches."""
    if current not in ours:
        raise WeasyPrintMismatch(f"PDF export unavailable: {name} was replaced by someone else")
