"""Program figures per district for a fiscal year, with the change from the year before."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from programs.models import District, OtopSales, Participation, Program


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    unit: str = ""
    money: bool = False


COMMUNITIES = Column("communities", "หมู่บ้าน/ชุมชน", "แห่ง")
COLUMNS: dict[str, list[Column]] = {
    Program.Kind.KHOK_NONG_NA: [
        COMMUNITIES,
        Column("households", "ครัวเรือน", "ครัวเรือน"),
        Column("plots", "แปลง", "แปลง"),
        Column("area", "พื้นที่ (ไร่)", "ไร่"),
    ],
    Program.Kind.NAM_PHATCHARATHAM: [
        COMMUNITIES,
        Column("model_communities", "ต้นแบบการบริหารจัดการน้ำ", "แห่ง"),
        Column("participants", "ผู้เข้าร่วม (คน)", "คน"),
    ],
    Program.Kind.OTOP: [
        COMMUNITIES,
        Column("groups", "กลุ่มผู้ผลิต", "กลุ่ม"),
        Column("sales", "ยอดจำหน่าย (บาท)", "บาท", money=True),
    ],
    Program.Kind.GENERAL: [
        COMMUNITIES,
        Column("participants", "ผู้เข้าร่วม (คน)", "คน"),
    ],
}
# The figure the chart compares district by district.
CHART_METRIC = {
    Program.Kind.KHOK_NONG_NA: "area",
    Program.Kind.NAM_PHATCHARATHAM: "communities",
    Program.Kind.OTOP: "sales",
    Program.Kind.GENERAL: "participants",
}
FIGURES = ["communities", "households", "plots", "area", "participants", "model_communities", "groups", "sales"]


@dataclass
class Cell:
    value: Decimal
    previous: Decimal

    @property
    def change(self) -> Decimal:
        return self.value - self.previous

    @property
    def magnitude(self) -> Decimal:
        """The size of the change, for 'เพิ่ม 3' / 'ลด 2'."""
        return abs(self.change)


@dataclass
class Row:
    district: str
    current: dict[str, Decimal] = field(default_factory=dict)
    previous: dict[str, Decimal] = field(default_factory=dict)

    def cells(self, columns: list[Column]) -> list[tuple[Column, Cell]]:
        return [(c, Cell(self.current.get(c.key, Decimal(0)), self.previous.get(c.key, Decimal(0)))) for c in columns]


@dataclass
class ProgramSummary:
    program: Program
    year: int
    columns: list[Column]
    rows: list[Row]
    total: Row

    @property
    def has_data(self) -> bool:
        return any(self.total.current.values())

    @property
    def has_previous(self) -> bool:
        return any(self.total.previous.values())

    @property
    def table(self) -> list[tuple[Row, list[tuple[Column, Cell]]]]:
        """Each district with its cells, in column order (templates cannot pass arguments)."""
        return [(row, row.cells(self.columns)) for row in self.rows]

    @property
    def total_cells(self) -> list[tuple[Column, Cell]]:
        return self.total.cells(self.columns)

    @property
    def chart_column(self) -> Column:
        key = CHART_METRIC[self.program.kind]
        return next(c for c in self.columns if c.key == key)


def _zero() -> dict[str, Decimal]:
    return {key: Decimal(0) for key in FIGURES}


def _figures_by_district_year(program: Program, years: list[int]) -> dict[tuple[str, int], dict[str, Decimal]]:
    """One aggregate query: figures keyed by (district, fiscal year)."""
    if program.kind == Program.Kind.OTOP:
        rows = (
            OtopSales.objects.filter(fiscal_year__in=years)
            .values(district=F("group__community__district"), year=F("fiscal_year"))
            .annotate(
                communities=Count("group__community", distinct=True),
                groups=Count("group", distinct=True),
                sales=Sum("amount"),
            )
        )
    else:
        rows = (
            Participation.objects.for_program(program)
            .filter(fiscal_year__in=years)
            .values(district=F("community__district"), year=F("fiscal_year"))
            .annotate(
                communities=Count("id"),
                households=Sum("households"),
                plots=Sum("plots"),
                area=Sum("area_rai"),
                participants=Sum("participants"),
                model_communities=Count("id", filter=Q(water_status=Participation.WaterStatus.MODEL)),
            )
        )
    result: dict[tuple[str, int], dict[str, Decimal]] = {}
    for row in rows:
        figures = _zero()
        figures.update({k: Decimal(v or 0) for k, v in row.items() if k in figures})
        result[(row["district"], row["year"])] = figures
    return result


def program_summary(program: Program, year: int) -> ProgramSummary:
    """Totals per district (all eight, in the province's order) for a fiscal year and the year before."""
    figures = _figures_by_district_year(program, [year, year - 1])
    rows = []
    total = Row("รวมทั้งจังหวัด", _zero(), _zero())
    for district in District.values:
        row = Row(district, figures.get((district, year), _zero()), figures.get((district, year - 1), _zero()))
        for key in FIGURES:
            total.current[key] += row.current[key]
            total.previous[key] += row.previous[key]
        rows.append(row)
    return ProgramSummary(program=program, year=year, columns=COLUMNS[program.kind], rows=rows, total=total)


def program_years(program: Program) -> list[int]:
    """Fiscal years with records for the program, newest first."""
    if program.kind == Program.Kind.OTOP:
        years = OtopSales.objects.values_list("fiscal_year", flat=True)
    else:
        years = Participation.objects.for_program(program).values_list("fiscal_year", flat=True)
    return sorted(set(years), reverse=True)
