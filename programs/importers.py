"""Bulk update of program records from a CSV file with Thai headers: read, check every row, then save.

Nothing is saved while any row has an error: the preview names each bad row (by its line in the file,
the header being line 1, as a spreadsheet shows it) and says what to fix.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models

from lamphun_portal import policy
from lamphun_portal.lib import spreadsheet, thai
from programs.models import Community, District, OtopRating, OtopSales, Participation, ProducerGroup, Program

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000

DISTRICT, TAMBON, MOO, NAME = "อำเภอ", "ตำบล", "หมู่ที่", "ชื่อหมู่บ้าน"
PLACE = [DISTRICT, TAMBON, MOO, NAME]
STATUS, NOTE, PARTICIPANTS = "สถานะ", "หมายเหตุ", "ผู้เข้าร่วม (คน)"
HOUSEHOLDS, PLOTS, AREA = "ครัวเรือน", "แปลง", "พื้นที่ (ไร่)"
ACTIVITIES, WATER = "กิจกรรมรอบฝาย", "สถานะการบริหารจัดการน้ำ"
GROUP, PRODUCTS, CATEGORY, SALES, STARS, SELECTION = (
    "ชื่อกลุ่ม",
    "ผลิตภัณฑ์",
    "ประเภทผลิตภัณฑ์",
    "ยอดจำหน่าย (บาท)",
    "ระดับดาว",
    "ปีที่คัดสรร",
)

# (required headers, optional headers) per kind of program.
HEADERS: dict[str, tuple[list[str], list[str]]] = {
    Program.Kind.KHOK_NONG_NA: ([*PLACE, HOUSEHOLDS, PLOTS, AREA], [STATUS, NOTE]),
    Program.Kind.NAM_PHATCHARATHAM: ([*PLACE, ACTIVITIES, WATER], [PARTICIPANTS, STATUS, NOTE]),
    Program.Kind.OTOP: ([*PLACE, GROUP, PRODUCTS, CATEGORY, SALES], [STARS, SELECTION]),
    Program.Kind.GENERAL: ([*PLACE, PARTICIPANTS, STATUS], [NOTE]),
}
# Model field -> the column it came from, so a model error lands on the right column.
FIELD_COLUMNS = {
    "households": HOUSEHOLDS,
    "plots": PLOTS,
    "area_rai": AREA,
    "participants": PARTICIPANTS,
    "status": STATUS,
    "note": NOTE,
    "activities": ACTIVITIES,
    "water_status": WATER,
    "fiscal_year": "ปีงบประมาณ",
    "name": GROUP,
    "products": PRODUCTS,
    "category": CATEGORY,
    "amount": SALES,
    "stars": STARS,
    "selection_year": SELECTION,
}


class RowError(Exception):
    """One problem with one cell; the row keeps collecting the others."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


@dataclass
class ImportRow:
    line: int
    values: dict[str, str]
    community: Community | None = None
    errors: list[str] = field(default_factory=list)
    is_new: bool = True
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    records: list[models.Model] = field(default_factory=list)

    @property
    def place(self) -> str:
        """The village as the file names it, for rows whose village was not found."""
        v = self.values
        return f"{v.get(NAME, '')} หมู่ที่ {v.get(MOO, '')} ตำบล{v.get(TAMBON, '')} อำเภอ{v.get(DISTRICT, '')}".strip()

    @property
    def figures(self) -> list[tuple[str, str]]:
        """The row's cells other than the village's address, in column order."""
        return [(name, value) for name, value in self.values.items() if name not in PLACE]

    @property
    def action(self) -> str:
        if self.errors:
            return "มีข้อผิดพลาด"
        if self.is_new:
            return "เพิ่มใหม่"
        return "แก้ไข" if self.changes else "ไม่เปลี่ยนแปลง"


@dataclass
class ImportPreview:
    program: Program
    year: int
    columns: list[str] = field(default_factory=list)
    rows: list[ImportRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.errors]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.file_errors and not self.bad_rows

    @property
    def error_lines(self) -> list[int]:
        return [row.line for row in self.bad_rows]


def _key(header: str) -> str:
    """Headers match whatever the spacing: 'พื้นที่(ไร่)' is 'พื้นที่ (ไร่)'."""
    return re.sub(r"\s+", "", header or "").lstrip("\ufeff")


def _clean(text: str) -> str:
    return " ".join(thai.arabic_digits(text or "").split())


def decode(raw: bytes) -> str:
    """UTF-8 with or without a byte-order mark (Excel writes one); anything else is refused in Thai."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(
            "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 — ใน Excel ให้บันทึกเป็น “CSV UTF-8 (Comma delimited)” แล้วอัปโหลดใหม่"
        ) from None


def _integer(text: str, column: str) -> int | None:
    value = _clean(text).replace(",", "").replace(" ", "")
    if not value:
        return None
    if not re.fullmatch(r"-?\d+", value):
        raise RowError(column, "ต้องเป็นจำนวนเต็ม เช่น 12")
    return int(value)


def _decimal(text: str, column: str) -> Decimal | None:
    value = _clean(text).replace(",", "").replace(" ", "")
    if not value:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise RowError(column, "ต้องเป็นตัวเลข เช่น 1,248,500 หรือ 3.5") from None
    if not number.is_finite():
        raise RowError(column, "ต้องเป็นตัวเลข เช่น 1,248,500 หรือ 3.5")
    return number


def _choice(text: str, choices: type[models.TextChoices], column: str, *, required: bool) -> str:
    value = _clean(text)
    if not value:
        if required:
            raise RowError(column, "ต้องระบุ")
        return ""
    by_label = {_key(str(label)): code for code, label in choices.choices}
    by_code = {code: code for code in choices.values}
    found = by_label.get(_key(value)) or by_code.get(value)
    if not found:
        allowed = " / ".join(str(label) for label in choices.labels)
        raise RowError(column, f"“{value}” ไม่ใช่ค่าที่ใช้ได้ (ใช้ได้: {allowed})")
    return found


def _cell(cells: list[str], positions: dict[str, int], name: str) -> str:
    index = positions.get(_key(name))
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _place_name(text: str, prefixes: tuple[str, ...]) -> str:
    value = _clean(text)
    for prefix in prefixes:
        if value.startswith(prefix):
            return value[len(prefix) :].strip()
    return value


def _same_village(a: str, b: str) -> bool:
    def bare(name: str) -> str:
        name = _key(name)
        return name[4:] if name.startswith("บ้าน") else name

    return bare(a) == bare(b)


class Importer:
    """Checks a CSV file for one program and fiscal year on behalf of one user."""

    def __init__(self, program: Program, year: int, user: AbstractBaseUser) -> None:
        self.program = program
        self.year = year
        self.user = user
        self.required, self.optional = HEADERS[program.kind]
        self.communities = {(c.district, c.tambon, c.moo): c for c in Community.objects.all()}
        self.editable = set(policy.editable_districts(user, District.values))
        # What the file may update, read once rather than row by row.
        self.participations = {
            p.community_id: p for p in Participation.objects.for_program(program).in_fiscal_year(year)
        }
        self.groups = {(g.community_id, g.name): g for g in ProducerGroup.objects.all()}
        self.sales = {s.group_id: s for s in OtopSales.objects.filter(fiscal_year=year)}
        self.ratings = {(r.group_id, r.selection_year): r for r in OtopRating.objects.all()}

    def preview(self, text: str) -> ImportPreview:
        preview = ImportPreview(self.program, self.year, columns=[*self.required, *self.optional])
        reader = csv.reader(io.StringIO(text))
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            preview.file_errors.append("ไฟล์ว่าง — ใส่หัวตารางในแถวแรก แล้วข้อมูลตั้งแต่แถวที่ 2")
            return preview
        positions = {_key(cell): index for index, cell in enumerate(header)}
        missing = [name for name in self.required if _key(name) not in positions]
        if missing:
            preview.file_errors.append("ไม่พบคอลัมน์: " + ", ".join(f"“{name}”" for name in missing))
            return preview
        seen: dict[tuple, int] = {}
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(preview.rows) >= MAX_ROWS:
                preview.file_errors.append(f"ไฟล์มีข้อมูลเกิน {MAX_ROWS:,} แถว — แบ่งเป็นหลายไฟล์")
                break
            row = ImportRow(line=line, values={name: _cell(cells, positions, name) for name in preview.columns})
            self._check(row, seen)
            preview.rows.append(row)
        if not preview.rows and not preview.file_errors:
            preview.file_errors.append("ไม่มีข้อมูลในไฟล์ — ใส่ข้อมูลตั้งแต่แถวที่ 2")
        return preview

    def _check(self, row: ImportRow, seen: dict[tuple, int]) -> None:
        cell_errors: list[RowError] = []
        row.community = self._community(row, cell_errors)
        if row.community is not None:
            key = self._duplicate_key(row)
            if key in seen:
                cell_errors.append(RowError(NAME, f"ซ้ำกับแถวที่ {seen[key]}"))
            else:
                seen[key] = row.line
        if row.community is not None and not cell_errors:
            if self.program.kind == Program.Kind.OTOP:
                self._otop(row, cell_errors)
            else:
                self._participation(row, cell_errors)
        row.errors = [f"{error.column}: {error.message}" if error.column else error.message for error in cell_errors]

    def _duplicate_key(self, row: ImportRow) -> tuple:
        if self.program.kind == Program.Kind.OTOP:
            return (row.community.pk, _key(row.values[GROUP]))
        return (row.community.pk,)

    def _community(self, row: ImportRow, errors: list[RowError]) -> Community | None:
        district = _place_name(row.values[DISTRICT], ("อำเภอ", "อ."))
        tambon = _place_name(row.values[TAMBON], ("ตำบล", "ต."))
        try:
            moo = _integer(row.values[MOO], MOO)
        except RowError as error:
            errors.append(error)
            return None
        if district not in District.values:
            errors.append(RowError(DISTRICT, f"“{district}” ไม่ใช่อำเภอของจังหวัดลำพูน"))
            return None
        if district not in self.editable:
            errors.append(RowError(DISTRICT, f"ท่านไม่มีสิทธิ์แก้ไขข้อมูลของอำเภอ{district}"))
            return None
        if not tambon or moo is None:
            errors.append(RowError(TAMBON if not tambon else MOO, "ต้องระบุ"))
            return None
        community = self.communities.get((district, tambon, moo))
        if community is None:
            errors.append(RowError(MOO, f"ไม่พบหมู่ที่ {moo} ตำบล{tambon} อำเภอ{district} ในทะเบียนหมู่บ้าน — ให้ผู้ดูแลระบบเพิ่มก่อน"))
            return None
        name = _clean(row.values[NAME])
        if name and not _same_village(name, community.name):
            errors.append(RowError(NAME, f"หมู่ที่ {moo} ตำบล{tambon} คือ {community.name} ไม่ใช่ “{name}”"))
            return None
        return community

    def _participation(self, row: ImportRow, errors: list[RowError]) -> None:
        kind = self.program.kind
        existing = self.participations.get(row.community.pk)
        record = existing or Participation(community=row.community, program=self.program, fiscal_year=self.year)
        before = {name: getattr(record, name) for name in FIELD_COLUMNS if hasattr(record, name)}
        parsers = {
            HOUSEHOLDS: ("households", _integer),
            PLOTS: ("plots", _integer),
            AREA: ("area_rai", _decimal),
            PARTICIPANTS: ("participants", _integer),
        }
        for column, (attr, parse) in parsers.items():
            if column in row.values:
                try:
                    setattr(record, attr, parse(row.values[column], column))
                except RowError as error:
                    errors.append(error)
        try:
            if STATUS in row.values and (row.values[STATUS] or kind == Program.Kind.GENERAL):
                record.status = _choice(
                    row.values[STATUS], Participation.Status, STATUS, required=kind == Program.Kind.GENERAL
                )
            if WATER in row.values:
                record.water_status = _choice(row.values[WATER], Participation.WaterStatus, WATER, required=True)
        except RowError as error:
            errors.append(error)
        if ACTIVITIES in row.values:
            record.activities = row.values[ACTIVITIES]
        if NOTE in row.values:
            record.note = row.values[NOTE]
        if errors:
            return
        record.updated_by = self.user
        self._validate(record, errors)
        row.is_new = existing is None
        row.changes = _changes(record, before) if existing else []
        row.records = [record]

    def _otop(self, row: ImportRow, errors: list[RowError]) -> None:
        name = _clean(row.values[GROUP])
        if not name:
            errors.append(RowError(GROUP, "ต้องระบุชื่อกลุ่ม"))
            return
        group = self.groups.get((row.community.pk, name))
        is_new_group = group is None
        group = group or ProducerGroup(community=row.community, name=name)
        before_group = {"products": group.products, "category": group.category}
        group.products = _clean(row.values[PRODUCTS])
        try:
            group.category = _choice(row.values[CATEGORY], ProducerGroup.Category, CATEGORY, required=True)
            amount = _decimal(row.values[SALES], SALES)
            stars = _integer(row.values.get(STARS, ""), STARS)
            selection = _integer(row.values.get(SELECTION, ""), SELECTION)
        except RowError as error:
            errors.append(error)
            return
        if amount is None:
            errors.append(RowError(SALES, "ต้องระบุยอดจำหน่าย (ใส่ 0 ถ้าไม่มี)"))
        if stars is not None and selection is None:
            errors.append(RowError(SELECTION, "มีระดับดาวแล้ว ต้องระบุปีที่คัดสรร (พ.ศ.)"))
        if selection is not None and stars is None:
            errors.append(RowError(STARS, "มีปีที่คัดสรรแล้ว ต้องระบุระดับดาว 1–5"))
        if errors:
            return
        self._validate(group, errors)
        sales = (None if is_new_group else self.sales.get(group.pk)) or OtopSales(
            group=None if is_new_group else group, fiscal_year=self.year
        )
        before_sales = sales.amount
        sales.amount = amount
        self._validate(sales, errors, exclude=["group"] if is_new_group else None)
        records: list[models.Model] = [group, sales]
        changes = _changes(group, before_group) if not is_new_group else []
        if before_sales is not None and before_sales != amount:
            changes.append((SALES, thai.number(before_sales), thai.number(amount)))
        if stars is not None:
            rating = (None if is_new_group else self.ratings.get((group.pk, selection))) or OtopRating(
                group=None if is_new_group else group, selection_year=selection
            )
            if rating.pk and rating.stars != stars:
                changes.append((STARS, str(rating.stars), str(stars)))
            rating.stars = stars
            self._validate(rating, errors, exclude=["group"] if is_new_group else None)
            records.append(rating)
        row.is_new = is_new_group or sales.pk is None
        row.changes = changes
        row.records = records

    def _validate(self, record: models.Model, errors: list[RowError], exclude: list[str] | None = None) -> None:
        try:
            record.full_clean(exclude=exclude)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = FIELD_COLUMNS.get(name, "")
                errors.extend(RowError(column, str(message)) for message in messages)


def _changes(record: models.Model, before: dict[str, object]) -> list[tuple[str, str, str]]:
    """(column, old, new) for each figure the row changes, for the preview."""
    changes = []
    for name, old in before.items():
        new = getattr(record, name)
        if (old or "") != (new or "") and name in FIELD_COLUMNS:
            changes.append((FIELD_COLUMNS[name], _shown(record, name, old), _shown(record, name, new)))
    return changes


def _shown(record: models.Model, name: str, value: object) -> str:
    if value in (None, ""):
        return "—"
    field_ = record._meta.get_field(name)
    if field_.choices:
        return str(dict(field_.flatchoices).get(value, value))
    if isinstance(value, int | Decimal):
        return thai.number(value)
    return str(value)


def template_csv(program: Program) -> str:
    """A header row (and one example row) staff can fill in with a spreadsheet."""
    required, optional = HEADERS[program.kind]
    buffer = io.StringIO()
    writer = spreadsheet.writer(buffer)
    writer.writerow([*required, *optional])
    return buffer.getvalue()
