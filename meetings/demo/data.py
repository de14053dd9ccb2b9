"""Demo data: the seed meeting of 17 November 2563 as the news post states it, and further meetings.

Only the seed's people are real public officials, with the positions the post gives them. Everyone
else here is fictional, as are the other meetings, so that every page has something to show.
"""

from pathlib import Path

SEED_POST = (Path(__file__).with_name("lamphun-meeting-2563-11-17.txt")).read_text(encoding="utf-8").strip()

PROVINCIAL = "สำนักงานพัฒนาชุมชนจังหวัดลำพูน"
DEPARTMENT = "กรมการพัฒนาชุมชน"
PROVINCE = "จังหวัดลำพูน"
DISTRICTS = ["เมืองลำพูน", "แม่ทา", "บ้านโฮ่ง", "ลี้", "ทุ่งหัวช้าง", "ป่าซาง", "บ้านธิ", "เวียงหนองล่อง"]
PARTNERS = [
    "กำนัน ผู้ใหญ่บ้าน",
    "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำพูน",
    "แม่บ้านมหาดไทยจังหวัดลำพูน",
    "เหล่ากาชาดจังหวัดลำพูน",
    "สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดลำพูน",
]


def district_office(district: str) -> str:
    return f"สำนักงานพัฒนาชุมชนอำเภอ{district}"


# (code, name, description)
PROGRAMS = [
    (
        "khok-nong-na",
        "โคก หนอง นา โมเดล",
        "โครงการพัฒนาคุณภาพชีวิตตามหลักทฤษฎีใหม่ ประยุกต์สู่ โคก หนอง นา โมเดล",
    ),
    (
        "nam-phatcharatham",
        "ชุมชนน้ำพัชรธรรม",
        "การพัฒนาชุมชนรอบพื้นที่ฝายพัชรธรรม ต้นแบบการบริหารจัดการน้ำ ตามพระดำริ",
    ),
    ("otop", "OTOP หนึ่งตำบล หนึ่งผลิตภัณฑ์", "การส่งเสริมกลุ่มผู้ผลิตผู้ประกอบการ OTOP"),
    (
        "sufficiency-economy",
        "ปรัชญาของเศรษฐกิจพอเพียง",
        "การขับเคลื่อนการพัฒนาตามหลักปรัชญาของเศรษฐกิจพอเพียง หมู่บ้านเศรษฐกิจพอเพียง",
    ),
    (
        "democracy",
        "ส่งเสริมการเรียนรู้ประชาธิปไตย",
        "เผยแพร่ระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข ร่วมกับคณะกรรมการการเลือกตั้ง",
    ),
]

# key -> (title, first name, last name, position, office)
PEOPLE = {
    # Public officials named in the seed post, with the positions it gives them.
    "governor": ("นาย", "วรยุทธ", "เนาวรัตน์", "ผู้ว่าราชการจังหวัดลำพูน", PROVINCE),
    "inspector": ("นางสาว", "ศศิธร", "อินทกุล", "ผู้ตรวจราชการกรมการพัฒนาชุมชน", DEPARTMENT),
    "pdo": ("นาย", "เจริญ", "สีวาโย", "พัฒนาการจังหวัดลำพูน", PROVINCIAL),
    # Fictional staff of the portal's demo.
    "staff1": ("นางสาว", "กนกวรรณ", "ศรีสุข", "นักวิชาการพัฒนาชุมชนชำนาญการ", PROVINCIAL),
    "official1": (
        "นาง",
        "วิไลวรรณ",
        "ทองดี",
        "ผู้อำนวยการกลุ่มงานยุทธศาสตร์การพัฒนาชุมชน",
        PROVINCIAL,
    ),
    "admin1": ("นาย", "ประเสริฐ", "บุญมา", "เจ้าพนักงานธุรการชำนาญงาน", PROVINCIAL),
    "district1": ("นาย", "ธนากร", "คำมา", "นักวิชาการพัฒนาชุมชนปฏิบัติการ", district_office("แม่ทา")),
    "deputy": ("นาง", "อรุณี", "แสงคำ", "ผู้อำนวยการกลุ่มงานส่งเสริมและพัฒนาชุมชน", PROVINCIAL),
    "economy": (
        "นาย",
        "สุรเชษฐ์",
        "ไชยวงค์",
        "ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาเศรษฐกิจฐานราก",
        PROVINCIAL,
    ),
    "clerk": ("นางสาว", "เบญจมาศ", "ปัญญาดี", "เจ้าพนักงานพัฒนาชุมชนปฏิบัติงาน", PROVINCIAL),
    "cdo_maetha": ("นาย", "ชยพล", "อินทร์แก้ว", "พัฒนาการอำเภอแม่ทา", district_office("แม่ทา")),
    "cdo_li": ("นาง", "พรทิพย์", "สุวรรณ", "พัฒนาการอำเภอลี้", district_office("ลี้")),
    "cdo_banhong": ("นาย", "ณัฐวุฒิ", "ธรรมสอน", "พัฒนาการอำเภอบ้านโฮ่ง", district_office("บ้านโฮ่ง")),
    "cdo_pasang": ("นางสาว", "ฐิติมา", "เรือนคำ", "พัฒนาการอำเภอป่าซาง", district_office("ป่าซาง")),
    "cdo_wiang": ("นาย", "ไพโรจน์", "ฤทธิ์เดช", "พัฒนาการอำเภอเวียงหนองล่อง", district_office("เวียงหนองล่อง")),
    "cdo_mueang": ("นาง", "เสาวลักษณ์", "โอภาส", "พัฒนาการอำเภอเมืองลำพูน", district_office("เมืองลำพูน")),
    "maetha_staff": ("นาง", "ลำดวน", "ใจมา", "นักวิชาการพัฒนาชุมชนชำนาญการ", district_office("แม่ทา")),
}

DEMO_USERS = {
    # username: (person key, role, is_superuser)
    "staff1": ("staff1", "เจ้าหน้าที่", False),
    "district1": ("district1", "เจ้าหน้าที่", False),
    "official1": ("official1", "ผู้บริหาร", False),
    "admin1": ("admin1", "ผู้ดูแลระบบ", True),
}
DEMO_PASSWORD = "lamphun-demo"


def _seed_part(start: str, end: str) -> str:
    """The words of the seed post from `start` to `end` inclusive, spaces folded."""
    text = " ".join(SEED_POST.split())
    first = text.index(start)
    last = text.index(end, first) + len(end)
    return text[first:last]


ALL_DISTRICT_OFFICES = [district_office(d) for d in DISTRICTS]

SEED_MEETING = {
    "title": (
        "ประชุมเตรียมความพร้อมการขับเคลื่อนกิจกรรมพัฒนาชุมชน ตามแผนปฏิบัติราชการกรมการพัฒนาชุมชน "
        "และจังหวัดลำพูน ประจำปีงบประมาณ พ.ศ. 2564"
    ),
    "organizer": PROVINCIAL,
    "number": None,
    "starts_at": (2020, 11, 17, 10, 0),
    "ends_at": None,
    "venue": "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน",
    "chair": "governor",
    "minute_taker": None,
    "minutes_checker": None,
    "objective": _seed_part("เป็นการเปิดโอกาสให้ได้ทบทวน", "ให้บรรลุเป้าหมาย"),
    "summary": SEED_POST,
    "target_group": "พัฒนาการอำเภอ และเจ้าหน้าที่พัฒนาชุมชนทุกระดับ",
    "attendee_count": 57,
    "status": "published",
    "programs": ["khok-nong-na", "nam-phatcharatham", "otop", "sufficiency-economy", "democracy"],
    "attendance": [
        {"person": "governor", "role": "chair"},
        {"person": "pdo", "role": "presenter"},
        {"group": "ผู้อำนวยการกลุ่มงาน สำนักงานพัฒนาชุมชนจังหวัดลำพูน"},
        {"group": "พัฒนาการอำเภอ"},
        {"group": "เจ้าหน้าที่พัฒนาชุมชนทุกระดับ"},
        {"person": "inspector", "role": "inspector", "presence": "invited"},
    ],
    "agenda": [
        {
            "heading": (
                "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ: แนวทางการขับเคลื่อนจังหวัดลำพูน "
                "และนโยบายการดำเนินงานจังหวัดลำพูน ประจำปีงบประมาณ พ.ศ. 2564"
            ),
            "presenter": "governor",
            "discussion": _seed_part("ขอให้มุ่งเน้นในประเด็น", "จึงขอฝากทางสำนักงานพัฒนาชุมชนจังหวัดลำพูนดำเนินการ"),
            "resolution": "ที่ประชุมรับทราบ",
        },
        {
            "heading": "วัตถุประสงค์ของการประชุม และผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2563",
            "presenter": "pdo",
            "discussion": _seed_part("การประชุมครั้งนี้ เป็นการเปิดโอกาส", "หลักปรัชญาของเศรษฐกิจพอเพียง"),
            "resolution": "ที่ประชุมรับทราบ",
        },
        {
            "heading": (
                "แนวทางการดำเนินงานขับเคลื่อนกิจกรรมการพัฒนาชุมชนตามแผนปฏิบัติราชการกรมการพัฒนาชุมชน"
                "และจังหวัดลำพูน ประจำปีงบประมาณ พ.ศ. 2564"
            ),
            "presenter": None,
            "discussion": _seed_part("ได้ให้แต่ละกลุ่มงาน ชี้แจง", "ประจำปีงบประมาณ พ.ศ. 2564"),
            "resolution": "ที่ประชุมรับทราบแนวทางการดำเนินงาน",
        },
        {
            "heading": "ข้อสังเกตและคำแนะนำของผู้ตรวจราชการกรมการพัฒนาชุมชน",
            "presenter": "inspector",
            "discussion": _seed_part("ท่านผู้ตรวจราชการกรมการพัฒนาชุมชน ได้ให้ข้อสังเกต", "ในการปฏิบัติงานต่อไป"),
            "resolution": "ที่ประชุมรับทราบ",
        },
    ],
    # Each point of the governor's speech, as the post words it, on agenda item 1.
    "directives": [
        {
            "text": _seed_part("ขอให้มุ่งเน้นในประเด็น", "เทิดทูนสถาบันกษัตริย์"),
            "programs": [],
            "offices": [PROVINCIAL, *ALL_DISTRICT_OFFICES],
            "status": "in_progress",
        },
        {
            "text": _seed_part("การขับเคลื่อนการดำเนินงานพัฒนาคุณภาพชีวิต", "โคก หนอง นา โมเดล"),
            "programs": ["khok-nong-na"],
            "offices": [PROVINCIAL, *ALL_DISTRICT_OFFICES],
            "status": "in_progress",
            "updates": [
                (
                    (2021, 3, 31),
                    district_office("แม่ทา"),
                    "คัดเลือกครัวเรือนเป้าหมายและจัดอบรมครัวเรือนต้นแบบ ครบตามแผนไตรมาสที่ 2",
                    "in_progress",
                ),
            ],
        },
        {
            "text": _seed_part("การดำเนินงาน ชุมชนน้ำพัชรธรรม", "เป็นต้นแบบของการบริหารจัดการน้ำ"),
            "programs": ["nam-phatcharatham"],
            "offices": [PROVINCIAL],
            "status": "acknowledged",
        },
        {
            "text": _seed_part("ขอให้ทางข้าราชการเป็นที่พึ่ง", "เข้าไปดูแล"),
            "programs": [],
            "offices": [PROVINCIAL, *PARTNERS[:4]],
            "status": "done",
            "updates": [
                (
                    (2021, 6, 30),
                    PROVINCIAL,
                    "ประสานกำนัน ผู้ใหญ่บ้าน และภาคีเครือข่าย ลงพื้นที่ดูแลผู้ด้อยโอกาสและผู้สูงอายุครบทุกอำเภอ",
                    "done",
                ),
            ],
        },
        {
            "text": _seed_part("การสร้างความเข้มแข็งให้กับหมู่บ้านชุมชน", "สามารถยืนด้วยตนเองได้"),
            "programs": ["khok-nong-na", "otop"],
            "offices": [PROVINCIAL, *ALL_DISTRICT_OFFICES],
            "status": "in_progress",
        },
        {
            "text": _seed_part("กรมการพัฒนาชุมชนได้ร่วมกับคณะกรรมการการเลือกตั้ง", "ดำเนินการ"),
            "programs": ["democracy"],
            "offices": [PROVINCIAL, PARTNERS[4]],
            "status": "done",
        },
    ],
}

# Further meetings (fictional), fiscal years 2563–2566, across districts.
OTHER_MEETINGS = [
    {
        "title": "ประชุมประจำเดือนสิงหาคม 2563 สำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        "organizer": PROVINCIAL,
        "number": 11,
        "starts_at": (2020, 8, 25, 9, 30),
        "ends_at": (2020, 8, 25, 12, 0),
        "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        "chair": "deputy",
        "minute_taker": "clerk",
        "minutes_checker": "official1",
        "objective": "ติดตามผลการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. 2563",
        "target_group": "ข้าราชการและเจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        "attendee_count": 24,
        "status": "published",
        "programs": ["sufficiency-economy"],
        "attendance": [
            {"person": "deputy", "role": "chair"},
            {"person": "economy"},
            {"person": "official1"},
            {"person": "staff1", "presence": "absent", "reason": "ลาป่วย"},
            {"group": "เจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัดลำพูน", "headcount": 20},
            {"person": "clerk", "role": "minute_taker"},
        ],
        "agenda": [
            {
                "heading": "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
                "presenter": "deputy",
                "discussion": "การเร่งรัดการเบิกจ่ายงบประมาณให้เป็นไปตามเป้าหมายของกรมการพัฒนาชุมชน",
                "resolution": "ที่ประชุมรับทราบ",
            },
            {
                "heading": "เรื่องเพื่อพิจารณา: แผนการจัดงานหมู่บ้านเศรษฐกิจพอเพียงต้นแบบ",
                "presenter": "economy",
                "discussion": "เสนอให้จัดเวทีแลกเปลี่ยนเรียนรู้หมู่บ้านเศรษฐกิจพอเพียงต้นแบบ อำเภอละ 1 หมู่บ้าน",
                "resolution": "ที่ประชุมเห็นชอบ",
            },
        ],
        "directives": [
            {
                "text": "เร่งรัดการเบิกจ่ายงบประมาณที่เหลือให้แล้วเสร็จก่อนสิ้นปีงบประมาณ",
                "issued_by": "deputy",
                "programs": [],
                "offices": [PROVINCIAL, *ALL_DISTRICT_OFFICES],
                "due": (2020, 9, 30),
                "priority": "urgent",
                "status": "done",
                "updates": [
                    ((2020, 9, 29), PROVINCIAL, "เบิกจ่ายได้ร้อยละ 99.2 ของงบประมาณที่ได้รับ", "done"),
                ],
            },
            {
                "text": "คัดเลือกหมู่บ้านเศรษฐกิจพอเพียงต้นแบบ อำเภอละ 1 หมู่บ้าน เพื่อจัดเวทีแลกเปลี่ยนเรียนรู้",
                "issued_by": "deputy",
                "programs": ["sufficiency-economy"],
                "offices": ALL_DISTRICT_OFFICES,
                "due": (2020, 9, 15),
                "status": "done",
                "updates": [((2020, 9, 14), district_office("ป่าซาง"), "คัดเลือกบ้านหนองหนาม หมู่ที่ 2", "done")],
            },
        ],
    },
    {
        "title": "ประชุมคณะทำงานขับเคลื่อนโครงการพัฒนาคุณภาพชีวิตตามหลักทฤษฎีใหม่ ประยุกต์สู่ โคก หนอง นา โมเดล อำเภอแม่ทา",
        "organizer": district_office("แม่ทา"),
        "number": 1,
        "starts_at": (2021, 1, 14, 13, 30),
        "ends_at": (2021, 1, 14, 16, 0),
        "venue": "ห้องประชุมที่ว่าการอำเภอแม่ทา",
        "chair": "cdo_maetha",
        "minute_taker": "maetha_staff",
        "minutes_checker": "cdo_maetha",
        "objective": "ชี้แจงแนวทางการคัดเลือกครัวเรือนเป้าหมายโครงการ โคก หนอง นา โมเดล",
        "target_group": "คณะทำงานระดับอำเภอ และผู้นำชุมชน",
        "attendee_count": 18,
        "status": "certified",
        "programs": ["khok-nong-na"],
        "attendance": [
            {"person": "cdo_maetha", "role": "chair"},
            {"person": "district1", "role": "presenter"},
            {"person": "maetha_staff", "role": "minute_taker"},
            {"group": "ผู้นำชุมชนตำบลทากาศ", "headcount": 10},
        ],
        "agenda": [
            {
                "heading": "เรื่องเพื่อทราบ: แนวทางการดำเนินโครงการ โคก หนอง นา โมเดล ปีงบประมาณ พ.ศ. 2564",
                "presenter": "district1",
                "discussion": "ชี้แจงหลักเกณฑ์การคัดเลือกครัวเรือนและพื้นที่แปลงตัวอย่าง ขนาดไม่น้อยกว่า 3 ไร่",
                "resolution": "ที่ประชุมรับทราบ",
            },
        ],
        "directives": [
            {
                "text": "สำรวจและยืนยันครัวเรือนเป้าหมายโคกหนองนา ตำบลทากาศ ให้ครบ 12 ครัวเรือน",
                "issued_by": "cdo_maetha",
                "programs": ["khok-nong-na"],
                "offices": [district_office("แม่ทา")],
                "due": (2021, 2, 28),
                "priority": "high",
                "status": "in_progress",
                "updates": [((2021, 2, 20), district_office("แม่ทา"), "ยืนยันแล้ว 9 ครัวเรือน", "in_progress")],
            },
            {
                "text": "จัดทำแผนการขุดปรับพื้นที่แปลงตัวอย่างร่วมกับเจ้าของแปลง",
                "issued_by": "cdo_maetha",
                "programs": ["khok-nong-na"],
                "offices": [district_office("แม่ทา")],
                "due": (2021, 4, 30),
                "status": "acknowledged",
            },
        ],
    },
    {
        "title": "ประชุมติดตามการดำเนินงานกลุ่มผู้ผลิตผู้ประกอบการ OTOP อำเภอลี้",
        "organizer": district_office("ลี้"),
        "number": 2,
        "starts_at": (2021, 3, 10, 9, 0),
        "ends_at": (2021, 3, 10, 12, 0),
        "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอลี้",
        "chair": "cdo_li",
        "objective": "ติดตามยอดจำหน่ายและการพัฒนาผลิตภัณฑ์ OTOP",
        "target_group": "ผู้ผลิตผู้ประกอบการ OTOP อำเภอลี้",
        "attendee_count": 30,
        "status": "published",
        "programs": ["otop"],
        "attendance": [
            {"person": "cdo_li", "role": "chair"},
            {"group": "ผู้ผลิตผู้ประกอบการ OTOP อำเภอลี้", "headcount": 28},
        ],
        "agenda": [
            {
                "heading": "เรื่องเพื่อพิจารณา: การเตรียมผลิตภัณฑ์เข้าร่วมงาน OTOP City",
                "presenter": "cdo_li",
                "discussion": "กลุ่มผ้าทอกะเหรี่ยงและกลุ่มลำไยอบแห้งพร้อมส่งผลิตภัณฑ์เข้าร่วมงาน",
                "resolution": "ที่ประชุมเห็นชอบให้ส่งผลิตภัณฑ์ 5 กลุ่ม",
            },
        ],
        "directives": [
            {
                "text": "ส่งรายชื่อผลิตภัณฑ์ OTOP ที่เข้าร่วมงาน OTOP City ให้จังหวัดภายในกำหนด",
                "issued_by": "cdo_li",
                "programs": ["otop"],
                "offices": [district_office("ลี้")],
                "due": (2021, 3, 31),
                "status": "done",
                "updates": [((2021, 3, 25), district_office("ลี้"), "ส่งรายชื่อ 5 ผลิตภัณฑ์แล้ว", "done")],
            },
            {
                "text": "พัฒนาบรรจุภัณฑ์ลำไยอบแห้งให้ได้มาตรฐาน มผช.",
                "issued_by": "cdo_li",
                "programs": ["otop"],
                "offices": [district_office("ลี้")],
                "due": (2021, 9, 30),
                "status": "in_progress",
            },
        ],
    },
    {
        "title": "ประชุมประจำเดือนตุลาคม 2564 สำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        "organizer": PROVINCIAL,
        "number": 1,
        "starts_at": (2021, 10, 26, 9, 30),
        "ends_at": (2021, 10, 26, 12, 0),
        "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน",
        "chair": "deputy",
        "minute_taker": "clerk",
        "minutes_checker": "official1",
        "objective": "มอบนโยบายและแผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2565",
        "target_group": "พัฒนาการอำเภอ และผู้อำนวยการกลุ่มงาน",
        "attendee_count": 14,
        "status": "published",
        "programs": ["khok-nong-na", "otop"],
        "attendance": [
            {"person": "deputy", "role": "chair"},
            {"person": "economy", "role": "presenter"},
            {"person": "cdo_mueang"},
            {"person": "cdo_li", "presence": "absent", "reason": "ติดราชการอำเภอ"},
            {"person": "maetha_staff", "presence": "substitute", "substitute_for": "cdo_maetha"},
            {"person": "cdo_banhong"},
            {"person": "cdo_pasang"},
            {"person": "cdo_wiang"},
            {"person": "clerk", "role": "minute_taker"},
            {"person": "district1", "presence": "invited"},
        ],
        "agenda": [
            {
                "heading": "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
                "presenter": "deputy",
                "discussion": "แผนปฏิบัติราชการกรมการพัฒนาชุมชน ประจำปีงบประมาณ พ.ศ. 2565",
                "resolution": "ที่ประชุมรับทราบ",
            },
            {
                "heading": "เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว",
                "presenter": "economy",
                "discussion": "ผลการคัดเลือกหมู่บ้านเศรษฐกิจพอเพียงต้นแบบ ครบ 8 อำเภอ",
                "resolution": "ที่ประชุมรับทราบ",
            },
        ],
        "directives": [
            {
                "text": "รายงานผลการดำเนินงานโครงการ โคก หนอง นา โมเดล ทุกวันที่ 25 ของเดือน",
                "issued_by": "deputy",
                "programs": ["khok-nong-na"],
                "offices": ALL_DISTRICT_OFFICES,
                "due": (2022, 9, 25),
                "status": "in_progress",
            },
            {
                "text": "ส่งเสริมการจำหน่ายสินค้า OTOP ผ่านช่องทางออนไลน์ อำเภอละไม่น้อยกว่า 10 กลุ่ม",
                "issued_by": "economy",
                "programs": ["otop"],
                "offices": ALL_DISTRICT_OFFICES,
                "due": (2022, 3, 31),
                "priority": "high",
                "status": "acknowledged",
            },
        ],
    },
    {
        "title": "ประชุมขับเคลื่อนการดำเนินงานชุมชนน้ำพัชรธรรม อำเภอบ้านโฮ่ง",
        "organizer": district_office("บ้านโฮ่ง"),
        "number": 1,
        "starts_at": (2022, 2, 8, 13, 30),
        "ends_at": (2022, 2, 8, 15, 30),
        "venue": "ศาลาอเนกประสงค์ บ้านห้วยกาน หมู่ที่ 5 ตำบลศรีเตี้ย",
        "chair": "cdo_banhong",
        "objective": "วางแผนการบริหารจัดการน้ำของชุมชนรอบฝายพัชรธรรม",
        "target_group": "คณะกรรมการหมู่บ้าน และกลุ่มผู้ใช้น้ำ",
        "attendee_count": 35,
        "status": "draft",
        "programs": ["nam-phatcharatham"],
        "attendance": [
            {"person": "cdo_banhong", "role": "chair"},
            {"group": "คณะกรรมการหมู่บ้าน", "headcount": 15},
            {"group": "กลุ่มผู้ใช้น้ำ", "headcount": 19},
        ],
        "agenda": [
            {
                "heading": "เรื่องเพื่อพิจารณา: แผนการดูแลรักษาฝายและแหล่งน้ำของชุมชน",
                "presenter": "cdo_banhong",
                "discussion": "กำหนดเวรดูแลฝายและบันทึกระดับน้ำรายสัปดาห์",
                "resolution": "ที่ประชุมเห็นชอบ",
            },
        ],
        "directives": [
            {
                "text": "จัดตั้งกลุ่มผู้ใช้น้ำและกำหนดกติกาการใช้น้ำของชุมชนน้ำพัชรธรรม",
                "issued_by": "cdo_banhong",
                "programs": ["nam-phatcharatham"],
                "offices": [district_office("บ้านโฮ่ง")],
                "due": (2022, 4, 30),
                "status": "in_progress",
            },
        ],
    },
    {
        "title": "ประชุมเตรียมความพร้อมการขับเคลื่อนกิจกรรมพัฒนาชุมชน ประจำปีงบประมาณ พ.ศ. 2566",
        "organizer": PROVINCIAL,
        "number": 2,
        "starts_at": (2022, 11, 15, 9, 0),
        "ends_at": (2022, 11, 15, 16, 0),
        "venue": "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน",
        "chair": "deputy",
        "minute_taker": "clerk",
        "minutes_checker": "official1",
        "objective": "ทบทวนผลการดำเนินงานปีงบประมาณ พ.ศ. 2565 และวางแนวทางปีงบประมาณ พ.ศ. 2566",
        "target_group": "พัฒนาการอำเภอ และเจ้าหน้าที่พัฒนาชุมชนทุกระดับ",
        "attendee_count": 60,
        "status": "published",
        "programs": ["khok-nong-na", "nam-phatcharatham", "otop"],
        "attendance": [
            {"person": "deputy", "role": "chair"},
            {"person": "economy", "role": "presenter"},
            {"person": "official1", "role": "presenter"},
            {"group": "พัฒนาการอำเภอ", "headcount": 8},
            {"group": "เจ้าหน้าที่พัฒนาชุมชนทุกระดับ", "headcount": 48},
            {"person": "clerk", "role": "minute_taker"},
        ],
        "agenda": [
            {
                "heading": "เรื่องเพื่อทราบ: ผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2565",
                "presenter": "official1",
                "discussion": "ผลการดำเนินงานตามตัวชี้วัดของกรมการพัฒนาชุมชนผ่านเกณฑ์ทุกตัวชี้วัด",
                "resolution": "ที่ประชุมรับทราบ",
            },
            {
                "heading": "เรื่องเพื่อพิจารณา: แนวทางการขับเคลื่อน ประจำปีงบประมาณ พ.ศ. 2566",
                "presenter": "economy",
                "discussion": "เน้นการต่อยอดแปลง โคก หนอง นา และการเพิ่มยอดจำหน่าย OTOP",
                "resolution": "ที่ประชุมเห็นชอบ",
            },
        ],
        "directives": [
            {
                "text": "ติดตามและให้คำแนะนำครัวเรือนโคกหนองนาที่ยังไม่ดำเนินการปลูกพืชตามแผน",
                "issued_by": "deputy",
                "programs": ["khok-nong-na"],
                "offices": ALL_DISTRICT_OFFICES,
                "due": (2023, 3, 31),
                "priority": "high",
                "status": "in_progress",
            },
            {
                "text": "ขยายผลชุมชนน้ำพัชรธรรมไปยังหมู่บ้านใกล้เคียงอย่างน้อย 2 หมู่บ้าน",
                "issued_by": "deputy",
                "programs": ["nam-phatcharatham"],
                "offices": [district_office("บ้านโฮ่ง"), district_office("ลี้")],
                "due": (2023, 9, 30),
                "status": "acknowledged",
            },
            {
                "text": "จัดทำทะเบียนกลุ่ม OTOP ที่มีศักยภาพส่งออก",
                "issued_by": "economy",
                "programs": ["otop"],
                "offices": [PROVINCIAL],
                "due": (2023, 1, 31),
                "status": "cancelled",
                "updates": [((2023, 1, 10), PROVINCIAL, "ยกเลิก เนื่องจากกรมฯ จัดทำทะเบียนกลางแล้ว", "cancelled")],
            },
        ],
    },
    {
        "title": "ประชุมสรุปผลการดำเนินงานโครงการ โคก หนอง นา โมเดล อำเภอป่าซาง",
        "organizer": district_office("ป่าซาง"),
        "number": 3,
        "starts_at": (2023, 6, 20, 9, 30),
        "ends_at": (2023, 6, 20, 12, 0),
        "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอป่าซาง",
        "chair": "cdo_pasang",
        "objective": "สรุปผลผลิตของแปลง โคก หนอง นา และปัญหาอุปสรรค",
        "target_group": "ครัวเรือนต้นแบบ โคก หนอง นา",
        "attendee_count": 22,
        "status": "draft",
        "programs": ["khok-nong-na", "sufficiency-economy"],
        "attendance": [
            {"person": "cdo_pasang", "role": "chair"},
            {"group": "ครัวเรือนต้นแบบ โคก หนอง นา", "headcount": 20},
        ],
        "agenda": [
            {
                "heading": "เรื่องเพื่อทราบ: ผลผลิตของแปลงตัวอย่าง",
                "presenter": "cdo_pasang",
                "discussion": "แปลงส่วนใหญ่มีน้ำเพียงพอ ปลูกพืชผักสวนครัวและเลี้ยงปลาได้ผลดี",
                "resolution": "ที่ประชุมรับทราบ",
            },
        ],
        "directives": [
            {
                "text": "ประสานสำนักงานเกษตรอำเภอจัดอบรมการทำปุ๋ยหมักให้ครัวเรือนโคกหนองนา",
                "issued_by": "cdo_pasang",
                "programs": ["khok-nong-na"],
                "offices": [district_office("ป่าซาง")],
                "due": (2023, 8, 31),
                "status": "acknowledged",
            },
        ],
    },
    {
        "title": "ประชุมส่งเสริมการเรียนรู้ประชาธิปไตยและเศรษฐกิจพอเพียง อำเภอเวียงหนองล่อง",
        "organizer": district_office("เวียงหนองล่อง"),
        "number": 2,
        "starts_at": (2023, 8, 17, 13, 0),
        "ends_at": (2023, 8, 17, 16, 30),
        "venue": "หอประชุมอำเภอเวียงหนองล่อง",
        "chair": "cdo_wiang",
        "objective": "เผยแพร่ระบอบประชาธิปไตยและขยายผลหมู่บ้านเศรษฐกิจพอเพียง",
        "target_group": "ผู้นำชุมชนและอาสาพัฒนา",
        "attendee_count": 45,
        "status": "certified",
        "programs": ["democracy", "sufficiency-economy"],
        "attendance": [
            {"person": "cdo_wiang", "role": "chair"},
            {"group": "ผู้นำชุมชนและอาสาพัฒนา", "headcount": 44},
        ],
        "agenda": [
            {
                "heading": "เรื่องเพื่อพิจารณา: กิจกรรมหมู่บ้านประชาธิปไตยต้นแบบ",
                "presenter": "cdo_wiang",
                "discussion": "คัดเลือกหมู่บ้านต้นแบบตำบลละ 1 หมู่บ้าน",
                "resolution": "ที่ประชุมเห็นชอบ",
            },
        ],
        "directives": [
            {
                "text": "จัดเวทีประชาคมเผยแพร่ระบอบประชาธิปไตยร่วมกับ กกต. ให้ครบทุกตำบล",
                "issued_by": "cdo_wiang",
                "programs": ["democracy"],
                "offices": [district_office("เวียงหนองล่อง"), PARTNERS[4]],
                "due": (2023, 12, 31),
                "status": "in_progress",
            },
        ],
    },
]
