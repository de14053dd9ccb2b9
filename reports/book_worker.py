"""Entry points of the processes that lay the fiscal-year book out (reports/book.py).

Kept apart from reports/book.py, which imports the models: a new worker process imports this module
before Django is set up (to find ``start``), so nothing here may touch the app registry at import.
"""

from __future__ import annotations

from typing import Any


def start() -> None:
    """Initialise a worker process: Django's settings and apps (the worker never opens the database)."""
    import django

    django.setup()


def lay_out(html: str, pdf_variant: str | None, extra_css: str = "") -> Any:
    from reports.book import lay_out as lay_out_here

    return lay_out_here(html, pdf_variant, extra_css)
