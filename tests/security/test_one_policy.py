"""One access policy: nothing but lamphun_portal/policy.py decides who may do what.

Views, templates, the API, search, exports and feeds ask the policy module; a module that looks at roles,
Django permissions or the superuser flag itself is a second copy of the rules, and copies drift.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Where the rules may be read from: the policy itself, the roles it is built on, the Django admin's own
# ModelAdmins (which the admin site checks by Django's permissions), the demo accounts and the role groups.
ALLOWED = {
    "lamphun_portal/policy.py",
    "lamphun_portal/roles.py",
    "meetings/apps.py",
    "meetings/demo/loader.py",
    "meetings/demo/data.py",
}
PYTHON_RULES = re.compile(r"\broles\.(?!py\b)|\.has_perm\(|\bis_superuser\b|\bis_staff\b|\bhas_role\(")
TEMPLATE_RULES = re.compile(r"\bperms\.|is_superuser|is_staff")


def _sources(pattern: str) -> list[Path]:
    skipped = {".venv", "node_modules", "tests", "migrations", "bench", ".git"}
    return [path for path in ROOT.rglob(pattern) if not skipped & set(path.relative_to(ROOT).parts)]


def test_no_python_module_but_the_policy_decides_on_roles() -> None:
    offenders = []
    for path in _sources("*.py"):
        relative = str(path.relative_to(ROOT))
        if relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if PYTHON_RULES.search(code) and not code.strip().startswith(('"""', "'")):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert not offenders, "ask lamphun_portal/policy.py instead:\n" + "\n".join(offenders)


def test_no_template_decides_on_roles() -> None:
    offenders = []
    for path in _sources("*.html"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if TEMPLATE_RULES.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, 'use {% allowed "action" record as name %} instead:\n' + "\n".join(offenders)
