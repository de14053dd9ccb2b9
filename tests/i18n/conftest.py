"""The real-browser fixture of the security tests (Chromium with CSP violations recorded), for the Thai pages."""

from tests.security.conftest import browser_page  # noqa: F401
