"""Server-drawn SVG bar charts: no script, no inline style, nothing fetched — safe under a strict CSP."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from lamphun_portal.lib import thai
from programs.summary import ProgramSummary

# Each district's name sits above its two bars, so the bars have the full width even on a phone.
WIDTH = 480
VALUE_WIDTH = 130
LABEL_HEIGHT = 20
BAR_HEIGHT = 15
GROUP_GAP = 12
TOP = 34
CURRENT_FILL = "#14532d"  # the portal's green; 10:1 contrast on white
PREVIOUS_FILL = "#9ca3af"
TEXT_FILL = "#1f2937"


def _value_text(value: Decimal, unit: str) -> str:
    return f"{thai.number(value)} {unit}".strip()


def _bar(x: int, y: int, length: float, fill: str, tooltip: str, label: str) -> SafeString:
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>'
        '<text x="{}" y="{}" font-size="13" fill="{}">{}</text>',
        x,
        y,
        f"{length:.1f}",
        BAR_HEIGHT - 2,
        fill,
        tooltip,
        f"{x + length + 5:.1f}",
        y + BAR_HEIGHT - 3,
        TEXT_FILL,
        label,
    )


def district_bars(summary: ProgramSummary) -> SafeString:
    """Horizontal bars per district: the chosen fiscal year against the year before."""
    column = summary.chart_column
    values = [(row.district, row.current[column.key], row.previous[column.key]) for row in summary.rows]
    peak = max([max(cur, prev) for _, cur, prev in values] + [Decimal(1)])
    span = WIDTH - VALUE_WIDTH
    group = LABEL_HEIGHT + 2 * BAR_HEIGHT + GROUP_GAP
    parts = []
    for index, (district, current, previous) in enumerate(values):
        y = TOP + index * group
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="15" fill="{}">{}</text>', y + LABEL_HEIGHT - 5, TEXT_FILL, district
            )
        )
        for offset, amount, fill, year in [
            (0, current, CURRENT_FILL, summary.year),
            (BAR_HEIGHT, previous, PREVIOUS_FILL, summary.year - 1),
        ]:
            length = float(amount / peak) * span if amount else 0.0
            text = _value_text(amount, column.unit)
            tooltip = f"{district} ปีงบประมาณ พ.ศ. {year}: {text}"
            parts.append(_bar(0, y + LABEL_HEIGHT + offset, length, fill, tooltip, text))
    legend = format_html(
        '<rect x="0" y="6" width="14" height="14" fill="{}"/>'
        '<text x="20" y="18" font-size="14" fill="{}">ปีงบประมาณ พ.ศ. {}</text>'
        '<rect x="190" y="6" width="14" height="14" fill="{}"/>'
        '<text x="210" y="18" font-size="14" fill="{}">ปีงบประมาณ พ.ศ. {}</text>',
        CURRENT_FILL,
        TEXT_FILL,
        summary.year,
        PREVIOUS_FILL,
        TEXT_FILL,
        summary.year - 1,
    )
    label = f"{column.label} รายอำเภอ ปีงบประมาณ พ.ศ. {summary.year} เทียบกับ พ.ศ. {summary.year - 1}"
    return format_html(
        '<svg class="program-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="chart-title" '
        'xmlns="http://www.w3.org/2000/svg" font-family="Sarabun, sans-serif">'
        '<title id="chart-title">{}</title>{}{}</svg>',
        WIDTH,
        TOP + group * len(values),
        label,
        legend,
        format_html_join("", "{}", ((part,) for part in parts)),
    )
