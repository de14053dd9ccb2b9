"""Generate meetings, directives and follow-up reports at scale for benchmarks (bench/).

Deterministic: the same --meetings and --seed give the same records. The text is realistic Thai built
from the phrases a Community Development Office writes (programs, villages, districts, people's names
from the Thai name lists (lib/thai.py) — fictional combinations, not real people). Rows are written with
bulk_create in batches of 1,000 meetings; each batch's search documents are made by the functions the
save signals and `reindex` use (meeting_parts, directive_parts, document, engine.write) from the records
just written, so the index is the one saving each record would give (tests/meetings/test_seed_bench.py
checks it against `reindex`). On PostgreSQL a large load writes the documents with COPY into the table
without its GIN index, builds that once at the end, then runs VACUUM ANALYZE.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from directives.models import Directive, DirectiveUpdate
from lamphun_portal.lib import thai
from meetings.demo.loader import load_demo
from meetings.models import AgendaItem, Attendance, Meeting, Office, Person
from programs.models import Program
from search import engine as search_engine
from search import index as search_index
from search.models import Kind, SearchDocument

DIRECTIVES_PER_MEETING = 5
BATCH_MEETINGS = 1000
FIRST_DAY = dt.date(2015, 10, 1)  # fiscal year 2559
DAYS = 3652  # ten fiscal years
VILLAGES = [
    "บ้านหนองช้างคืน",
    "บ้านป่าเห็ว",
    "บ้านทาดอยแง่ม",
    "บ้านแม่ลาน",
    "บ้านหล่ายแก้ว",
    "บ้านสันป่าฝ้าย",
    "บ้านดงหลวง",
    "บ้านศรีเตี้ย",
    "บ้านหนองปลาขาว",
    "บ้านห้วยไซ",
    "บ้านแพะต้นยาง",
    "บ้านทากาศ",
    "บ้านม่วงโตน",
    "บ้านแม่ตืน",
    "บ้านวังดิน",
    "บ้านนาทราย",
    "บ้านปวงคำ",
    "บ้านก้อทุ่ง",
    "บ้านหนองเงือก",
    "บ้านมะกอก",
    "บ้านสันริมปิง",
    "บ้านเหมืองง่า",
    "บ้านต้นธง",
    "บ้านอุโมงค์",
]
TOPICS = [
    "การขับเคลื่อนงานพัฒนาชุมชนประจำเดือน",
    "การติดตามผลการดำเนินงานตามแผนปฏิบัติราชการ",
    "การชี้แจงแนวทางการดำเนินงาน",
    "การเตรียมความพร้อมการจัดงานแสดงและจำหน่ายสินค้า",
    "การคัดสรรสุดยอดหนึ่งตำบลหนึ่งผลิตภัณฑ์",
    "การส่งเสริมกองทุนหมู่บ้านและชุมชนเมือง",
    "การจัดทำแผนพัฒนาหมู่บ้าน",
    "การบริหารจัดการน้ำรอบพื้นที่ฝาย",
]
ACTIONS = [
    "เร่งรัดการเบิกจ่ายงบประมาณ",
    "ลงพื้นที่ติดตามความก้าวหน้า",
    "รายงานผลการดำเนินงาน",
    "ประสานงานกับองค์กรปกครองส่วนท้องถิ่น",
    "จัดเวทีประชาคมหมู่บ้าน",
    "สำรวจข้อมูลครัวเรือนเป้าหมาย",
    "ส่งเสริมการตลาดผลิตภัณฑ์ชุมชน",
    "ถอดบทเรียนครัวเรือนต้นแบบ",
    "ปรับปรุงฐานข้อมูลกลุ่มผู้ผลิต",
]
DEADLINES = ["ภายในสิ้นเดือนนี้", "ภายในไตรมาสนี้", "ก่อนการประชุมครั้งต่อไป", "ภายใน 30 วัน", "โดยด่วน"]
POSITIONS = [
    "พัฒนาการอำเภอ",
    "นักวิชาการพัฒนาชุมชนชำนาญการ",
    "นักวิชาการพัฒนาชุมชนปฏิบัติการ",
    "เจ้าพนักงานพัฒนาชุมชนชำนาญงาน",
]
STATUSES = [
    Directive.Status.DONE,
    Directive.Status.DONE,
    Directive.Status.IN_PROGRESS,
    Directive.Status.ACKNOWLEDGED,
    Directive.Status.CANCELLED,
]


class Command(BaseCommand):
    help = "สร้างข้อมูลการประชุมจำนวนมากสำหรับวัดประสิทธิภาพ (ทำซ้ำได้ผลเหมือนเดิม)"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--meetings", type=int, default=1000, help="จำนวนการประชุมที่จะสร้าง")
        parser.add_argument("--seed", type=int, default=4, help="ค่าเริ่มต้นของตัวสุ่ม")

    def handle(self, *args: Any, meetings: int, seed: int, **options: Any) -> None:
        started = time.monotonic()
        if connection.vendor == "postgresql":
            # A bulk load that can be run again: no need to wait for each commit to reach the disk.
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO off")
        load_demo(with_users=True)
        rng = random.Random(seed)
        offices = list(Office.objects.filter(kind__in=[Office.Kind.PROVINCIAL_OFFICE, Office.Kind.DISTRICT_OFFICE]))
        people = self._people(rng, offices)
        programs = list(Program.objects.order_by("code"))
        # Meeting numbers continue from what each office already has in each year (unique per office and year).
        numbers = {
            (row["organizer"], row["number_year"]): row["last"] or 0
            for row in Meeting.objects.values("organizer", "number_year").annotate(last=Max("number"))
        }
        # On PostgreSQL a load that at least doubles the data writes the documents (600,000 at 100,000
        # meetings) into the table without its GIN index and builds it once at the end: much faster than
        # adding every word of every document to it one by one.
        rebuild = connection.vendor == "postgresql" and meetings >= Meeting.objects.count()
        if rebuild:
            self._drop_search_indexes()
        try:
            for start in range(0, meetings, BATCH_MEETINGS):
                count = min(BATCH_MEETINGS, meetings - start)
                self._batch(rng, start, count, meetings, offices, people, programs, numbers)
                if (start // BATCH_MEETINGS) % 10 == 9:
                    self.stdout.write(f"  {start + count:,} การประชุม ({time.monotonic() - started:.0f} วินาที)")
        finally:
            if rebuild:
                self.stdout.write(f"  สร้างดัชนีค้นหา ({time.monotonic() - started:.0f} วินาที)")
                self._create_search_indexes()
        if connection.vendor == "postgresql":
            self._analyze()
        self.stdout.write(
            f"สร้างแล้ว: การประชุม {meetings:,} รายการ ข้อสั่งการ {meetings * DIRECTIVES_PER_MEETING:,} รายการ "
            f"ใน {time.monotonic() - started:.0f} วินาที"
        )

    def _drop_search_indexes(self) -> None:
        with connection.cursor() as cursor:
            # IF EXISTS: a run that was killed before rebuilding it is simply run again.
            cursor.execute(f'DROP INDEX IF EXISTS "{search_engine.VECTOR_INDEX}"')

    def _create_search_indexes(self) -> None:
        with connection.cursor() as cursor:
            # One build over every document: give it memory (this session only).
            cursor.execute("SET maintenance_work_mem TO '512MB'")
            cursor.execute(search_engine.CREATE_VECTOR_INDEX)

    def _analyze(self) -> None:
        """Fresh statistics (and, outside a transaction, the visibility map) for the planner."""
        tables = [
            model._meta.db_table
            for model in (Meeting, Directive, Attendance, AgendaItem, DirectiveUpdate, SearchDocument)
        ] + [Meeting.programs.through._meta.db_table, Directive.programs.through._meta.db_table]
        tables.append(Directive.responsible_offices.through._meta.db_table)
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f'{command} "{table}"')

    def _people(self, rng: random.Random, offices: list[Office]) -> dict[int, list[Person]]:
        male, female = sorted(thai.male_given_names()), sorted(thai.female_given_names())
        families = sorted(thai.family_names())
        existing = Person.objects.filter(position__startswith="[bench]").count()
        if not existing:
            rows = []
            for office in offices:
                for _ in range(12):
                    is_male = rng.random() < 0.5
                    rows.append(
                        Person(
                            title="นาย" if is_male else rng.choice(["นาง", "นางสาว"]),
                            first_name=rng.choice(male if is_male else female),
                            last_name=rng.choice(families),
                            position=f"[bench] {rng.choice(POSITIONS)}",
                            office=office,
                        )
                    )
            for person in rows:
                person.sort_key = thai.sort_key(person.collation_text())
            Person.objects.bulk_create(rows)
        pool: dict[int, list[Person]] = {}
        for person in Person.objects.filter(position__startswith="[bench]").order_by("pk"):
            pool.setdefault(person.office_id, []).append(person)
        return pool

    @transaction.atomic
    def _batch(
        self,
        rng: random.Random,
        start: int,
        count: int,
        total: int,
        offices: list[Office],
        people: dict[int, list[Person]],
        programs: list[Program],
        numbers: dict[tuple[int, int], int],
    ) -> None:
        tz = timezone.get_default_timezone()
        rows = []
        for index in range(start, start + count):
            organizer = rng.choice(offices)
            day = FIRST_DAY + dt.timedelta(days=(index * DAYS) // max(total, 1))
            starts_at = dt.datetime.combine(day, dt.time(rng.choice([9, 10, 13]), rng.choice([0, 30])), tzinfo=tz)
            program = rng.choice(programs)
            village = rng.choice(VILLAGES)
            place = organizer.district or "เมืองลำพูน"
            meeting = Meeting(
                title=f"การประชุม{rng.choice(TOPICS)} {program.name} สำนักงานพัฒนาชุมชนอำเภอ{place}",
                organizer=organizer,
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=3),
                venue=rng.choice([f"ห้องประชุม{organizer.name}", f"ศาลาอเนกประสงค์{village}", f"หอประชุมอำเภอ{place}"]),
                chair=rng.choice(people[organizer.pk]),
                summary=(
                    f"ที่ประชุมรับทราบผลการดำเนินงาน{program.name} ของ{village} อำเภอ{place} "
                    f"และร่วมกันพิจารณา{rng.choice(ACTIONS)} เพื่อให้บรรลุเป้าหมายตามแผนปฏิบัติราชการ"
                ),
                attendee_count=rng.randint(12, 120),
                status=Meeting.Status.PUBLISHED,
            )
            # bulk_create skips Meeting.save(): set what save() would.
            meeting.fiscal_year = thai.fiscal_year(starts_at)
            meeting.numbering = organizer.meeting_numbering
            meeting.number_year = meeting.numbering_year()
            key = (organizer.pk, meeting.number_year)
            numbers[key] = numbers.get(key, 0) + 1
            meeting.number = numbers[key]
            meeting.program_choice = program
            meeting.village = village
            rows.append(meeting)
        Meeting.objects.bulk_create(rows)
        attendances, agenda, directives = self._children(rng, rows, offices, people, programs)
        self._index(rows, attendances, agenda, directives)

    def _index(
        self,
        meetings: list[Meeting],
        attendances: dict[int, list[Attendance]],
        agenda: dict[int, list[AgendaItem]],
        directives: list[Directive],
    ) -> None:
        """The batch's search documents, from the records just written (no need to read them back).

        The same functions as search_index.index_meetings / index_directives (which the save signals call) turn
        each record's text into its document: only the related records are handed over instead of prefetched.
        The records are new, so there are no old documents to delete.
        """
        documents = [
            search_index.document(
                Kind.MEETING,
                meeting.pk,
                meeting,
                search_index.meeting_parts(
                    meeting,
                    attendances=attendances[meeting.pk],
                    programs=[meeting.program_choice],
                    agenda_items=agenda[meeting.pk],
                ),
            )
            for meeting in meetings
        ]
        documents += [
            search_index.document(
                Kind.DIRECTIVE,
                directive.pk,
                directive.meeting,
                search_index.directive_parts(directive, programs=[directive.meeting.program_choice]),
            )
            for directive in directives
        ]
        search_engine.write(documents)

    def _children(
        self,
        rng: random.Random,
        meetings: list[Meeting],
        offices: list[Office],
        people: dict[int, list[Person]],
        programs: list[Program],
    ) -> tuple[dict[int, list[Attendance]], dict[int, list[AgendaItem]], list[Directive]]:
        """Write each meeting's attendances, agenda, programs, directives and follow-ups; return them."""
        meeting_attendances: dict[int, list[Attendance]] = {}
        meeting_agenda: dict[int, list[AgendaItem]] = {}
        meeting_programs, directives = [], []
        for meeting in meetings:
            members = rng.sample(people[meeting.organizer_id], 3)
            attendances = [Attendance(meeting=meeting, order=1, person=meeting.chair, role=Attendance.Role.CHAIR)]
            attendances += [Attendance(meeting=meeting, order=order, person=p) for order, p in enumerate(members, 2)]
            attendances.append(
                Attendance(meeting=meeting, order=5, group_name="ผู้นำชุมชนและคณะกรรมการหมู่บ้าน", headcount=25)
            )
            meeting_attendances[meeting.pk] = attendances
            meeting_agenda[meeting.pk] = [
                AgendaItem(meeting=meeting, order=1, heading="เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
                AgendaItem(meeting=meeting, order=2, heading=f"ผลการดำเนินงาน{meeting.program_choice.name}"),
            ]
            meeting_programs.append(Meeting.programs.through(meeting=meeting, program=meeting.program_choice))
            for order in range(1, DIRECTIVES_PER_MEETING + 1):
                responsible = rng.choice(offices)
                directive = Directive(
                    meeting=meeting,
                    order=order,
                    issued_by=meeting.chair,
                    text=(
                        f"ให้{responsible.name}{rng.choice(ACTIONS)}{meeting.program_choice.name} "
                        f"ใน{rng.choice(VILLAGES)} {rng.choice(DEADLINES)}"
                    ),
                    due_date=meeting.starts_at.date() + dt.timedelta(days=rng.choice([15, 30, 60, 90])),
                    priority=rng.choice(list(Directive.Priority.values)),
                    status=rng.choice(STATUSES),
                )
                directive.responsible_choice = responsible
                directives.append(directive)
        Attendance.objects.bulk_create([row for rows in meeting_attendances.values() for row in rows], batch_size=2000)
        AgendaItem.objects.bulk_create([row for rows in meeting_agenda.values() for row in rows], batch_size=2000)
        Meeting.programs.through.objects.bulk_create(meeting_programs, batch_size=2000)
        Directive.objects.bulk_create(directives, batch_size=2000)
        Directive.programs.through.objects.bulk_create(
            [Directive.programs.through(directive=d, program=d.meeting.program_choice) for d in directives],
            batch_size=2000,
        )
        Directive.responsible_offices.through.objects.bulk_create(
            [Directive.responsible_offices.through(directive=d, office=d.responsible_choice) for d in directives],
            batch_size=2000,
        )
        DirectiveUpdate.objects.bulk_create(
            [
                DirectiveUpdate(
                    directive=d,
                    office=d.responsible_choice,
                    reported_on=d.meeting.starts_at.date() + dt.timedelta(days=14),
                    note=f"{d.responsible_choice.short_name or d.responsible_choice.name} รายงานความคืบหน้า "
                    f"ดำเนินการแล้วร้อยละ {rng.choice([25, 50, 75, 100])}",
                    new_status=d.status,
                )
                for d in directives
                if d.status != Directive.Status.ACKNOWLEDGED
            ],
            batch_size=2000,
        )
        return meeting_attendances, meeting_agenda, directives
