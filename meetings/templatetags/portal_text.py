"""Text filters for pages: keep the Thai units that must not break across lines together."""

from __future__ import annotations

import re

from django import template

register = template.Library()

# พ.ศ. 2564, ปีงบประมาณ 2565, 10.00 น.: a line break inside any of these reads as two separate things.
_TOGETHER = re.compile(r"(พ\.ศ\.|ค\.ศ\.|ปีงบประมาณ|ครั้งที่) (?=[\d๐-๙])|(?<=[\d๐-๙]) (น\.|คน|บาท)")


@register.filter
def keep_together(value: object) -> str:
    """Join `พ.ศ. 2564`, `ครั้งที่ 3`, `10.00 น.` and `57 คน` with a no-break space (the text stays escaped)."""
    return _TOGETHER.sub(lambda m: (m.group(1) or "") + "\u00a0" + (m.group(2) or ""), str(value or ""))
