"""What a PDF may load: the portal's own static files, and nothing else.

No network, no arbitrary local files, no ``data:`` URLs. WeasyPrint logs a refused resource as a
warning and renders the document without it.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative URLs such as "/static/css/pdf-fonts.css" are joined to this base. Its scheme is not one
# urllib joins paths for, so WeasyPrint hands "/static/..." to the url_fetcher unchanged (a real
# file:// or http:// base would turn it into a filesystem path or a network request).
PDF_BASE_URL = "lamphun-portal:/"


class ResourceRefused(ValueError):
    """A PDF asked for a resource it may not have; WeasyPrint logs it and skips the resource."""


def _static_roots() -> list[Path]:
    """The directories static files are found in (STATICFILES_DIRS and the apps' static/)."""
    roots = []
    for finder in finders.get_finders():
        # FileSystemFinder and AppDirectoriesFinder both keep one storage per root.
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location).resolve())
    return roots


def static_url() -> str:
    """settings.STATIC_URL as the path WeasyPrint sees ("static/" is allowed by Django)."""
    url = settings.STATIC_URL
    return url if url.startswith("/") else "/" + url


def static_path(url: str) -> Path:
    """Path of the static file a "/static/..." or "file://..." URL names, or ResourceRefused."""
    prefix = static_url()
    if url.startswith(prefix):
        relative = unquote(urlsplit(url).path)[len(prefix) :]
        # finders.find() refuses paths leaving a static root, but say no before asking.
        if not relative or "\\" in relative or "\x00" in relative:
            raise ResourceRefused(f"Not a static file: {url}")
        if any(part in ("", ".", "..") for part in relative.split("/")):
            raise ResourceRefused(f"Path traversal refused: {url}")
        found = finders.find(relative)
        if not found:
            raise ResourceRefused(f"No such static file: {url}")
        return Path(found).resolve()
    if url.lower().startswith("file:"):
        # A file:// URL is allowed only when it points into a static directory (after symlinks).
        path = Path(url2pathname(unquote(urlsplit(url).path))).resolve()
        if path.is_file() and any(path.is_relative_to(root) for root in _static_roots()):
            return path
        raise ResourceRefused(f"Local file outside the static directories refused: {url}")
    # http:, https:, data:, ftp:, relative paths, anything else.
    raise ResourceRefused(f"Resource refused (only {prefix}... is served to PDFs): {url}")


class PortalURLFetcher(URLFetcher):
    """WeasyPrint URL fetcher serving the portal's static files and nothing else.

    Subclasses WeasyPrint's URLFetcher because WeasyPrint 70 reads ``_fail_on_errors`` from the
    fetcher; :meth:`fetch` never touches the network or urllib's openers.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        path = static_path(url)
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix.lower() in (".ttf", ".otf", ".woff", ".woff2"):
            mime_type = f"font/{path.suffix.lower()[1:]}"
        # The response URL is the base of URLs inside a stylesheet: keep "/static/..." so that
        # pdf-fonts.css's "../fonts/..." stays a static URL instead of becoming a file:// path.
        response_url = url if url.startswith(static_url()) else path.as_uri()
        return URLFetcherResponse(response_url, path.read_bytes(), {"Content-Type": mime_type})

    def open(self, url: Any, data: Any = None, timeout: float | None = None) -> URLFetcherResponse:
        # urllib-style callers go through fetch() as well, never through the openers.
        return self.fetch(url if isinstance(url, str) else url.full_url)


#: Callable ``url_fetcher(url)``: returns the static file's response or raises ResourceRefused.
url_fetcher = PortalURLFetcher()
