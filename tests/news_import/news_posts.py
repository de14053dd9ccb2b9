"""News posts in the office website's genre (news_posts/*.txt), written for the importer's tests, and what each states.

Every person, village and meeting here is fictional. Each post phrases dates, times, venues, chairs and
headcounts its own way, and some leave fields out: those must come back empty (None / "" / []).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

FOLDER = Path(__file__).with_name("news_posts")


def post_text(name: str) -> str:
    return (FOLDER / name).read_text(encoding="utf-8")


# (file name, expected fields). Keys left out of an expectation are not checked for that post.
POSTS: list[tuple[str, dict[str, object]]] = [
    (
        "01-thai-digits-abbreviated-month-weekday.txt",
        {
            "title": "ประชุมชี้แจงแนวทางการคัดเลือกครัวเรือนเป้าหมาย โครงการ โคก หนอง นา โมเดล",
            "date": dt.date(2021, 1, 6),
            "time": dt.time(13, 30),
            "venue": "ห้องประชุมที่ว่าการอำเภอแม่ทา",
            "chair_name": "นายสมศักดิ์ แก้วประเสริฐ",
            "chair_position": "นายอำเภอแม่ทา",
            "attendee_count": 35,
            "programs": ["khok-nong-na"],
            "attendee_groups": ["ปลัดอำเภอ", "กำนัน", "ผู้ใหญ่บ้าน", "ครัวเรือนผู้สมัคร"],
            "directives": [
                "ขอให้คัดเลือกครัวเรือนที่มีความตั้งใจจริง และมีพื้นที่ไม่น้อยกว่า ๓ ไร่",
                "ขอให้สำนักงานพัฒนาชุมชนอำเภอแม่ทาลงพื้นที่ตรวจสอบแปลงทุกแปลงก่อนส่งรายชื่อ",
            ],
            "office_prefix": "พช.อ.แม่ทา",
        },
    ),
    (
        "02-no-weekday-colon-time-position-only-chair-no-speech.txt",
        {
            "title": "ประชุมติดตามการดำเนินงานกองทุนแม่ของแผ่นดิน บ้านแม่ลาน",
            "date": dt.date(2021, 1, 5),
            "time": dt.time(9, 0),
            "venue": "ศาลาอเนกประสงค์ บ้านแม่ลาน หมู่ที่ 4 ตำบลลี้",
            "chair_name": "",
            "chair_position": "พัฒนาการอำเภอลี้",
            "attendee_count": 40,
            "programs": [],
            "attendee_groups": ["คณะกรรมการกองทุนแม่ของแผ่นดิน", "อาสาพัฒนา"],
            "directives": [],
        },
    ),
    (
        "03-no-time-no-count-acting-title.txt",
        {
            "date": dt.date(2021, 2, 12),
            "time": None,
            "venue": "ศาลาการเปรียญวัดห้วยกาน ตำบลศรีเตี้ย",
            "chair_name": "ว่าที่ร้อยตรีธีรวัฒน์ คำปัน",
            "chair_position": "ปลัดอำเภอบ้านโฮ่ง",
            "attendee_count": None,
            "programs": ["nam-phatcharatham"],
            "attendee_groups": [],
            "directives": ["ขอให้คณะกรรมการจัดเวรดูแลฝายทุกสัปดาห์ และบันทึกระดับน้ำส่งสำนักงานพัฒนาชุมชนอำเภอทุกสิ้นเดือน"],
        },
    ),
    (
        "04-online-meeting-no-venue-time-range-total.txt",
        {
            "title": "ประชุมชี้แจงการขับเคลื่อนการส่งเสริมการเรียนรู้ประชาธิปไตย ผ่านระบบการประชุมทางไกล",
            "date": dt.date(2021, 3, 23),
            "time": dt.time(13, 30),
            "venue": "",
            "chair_name": "นายอนุชา พรหมเสน",
            "chair_position": "พัฒนาการจังหวัดลำพูน",
            "attendee_count": 120,
            "programs": ["democracy"],
            "attendee_groups": ["พัฒนาการอำเภอ", "เจ้าหน้าที่พัฒนาชุมชนทุกระดับ"],
            "directives": [],
        },
    ),
    (
        "05-date-range-honoured-chair-long-position-total-over-groups.txt",
        {
            "date": dt.date(2021, 4, 8),
            "time": dt.time(8, 30),
            "venue": "โรงแรมลำพูนริเวอร์วิว อำเภอเมืองลำพูน จังหวัดลำพูน",
            "chair_name": "นางสาวกัลยา ธรรมวงศ์",
            "chair_position": "ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาเศรษฐกิจฐานราก สำนักงานพัฒนาชุมชนจังหวัดลำพูน",
            "attendee_count": 45,
            "target_group": "ผู้ผลิตผู้ประกอบการ OTOP",
            "programs": ["otop"],
            "directives": [
                "ขอให้ผู้ประกอบการนำความรู้ด้านการออกแบบบรรจุภัณฑ์ไปปรับใช้กับสินค้าของกลุ่ม",
                "ขอให้ทุกกลุ่มลงทะเบียนขายสินค้าบนช่องทางออนไลน์ภายในเดือนมิถุนายน",
            ],
        },
    ),
    (
        "06-plain-headline-monthly-meeting-single-digit-hour.txt",
        {
            "title": "ประชุมประจำเดือนพฤษภาคม 2564 สำนักงานพัฒนาชุมชนอำเภอป่าซาง",
            "date": dt.date(2021, 5, 24),
            "time": dt.time(9, 30),
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอป่าซาง",
            "chair_name": "นางพิมพ์ชนก ใจเย็น",
            "chair_position": "พัฒนาการอำเภอป่าซาง",
            "attendee_count": 9,
            "programs": [],
            "attendee_groups": ["เจ้าหน้าที่สำนักงานพัฒนาชุมชนอำเภอป่าซาง"],
            "directives": [
                "ขอให้เร่งรัดการเบิกจ่ายงบประมาณไตรมาสที่ 3 ให้ได้ตามเป้าหมาย",
                "ขอให้ติดตามหนี้ค้างชำระกองทุนชุมชนให้เป็นปัจจุบัน",
                "การจัดเก็บข้อมูลความจำเป็นพื้นฐานต้องแล้วเสร็จภายในเดือนนี้",
            ],
            "office_prefix": "",
        },
    ),
    (
        "07-no-headline-one-paragraph-thai-digit-time.txt",
        {
            "title": "ประชุมคณะทำงานจัดทำแผนชุมชน",
            "date": dt.date(2021, 6, 10),
            "time": dt.time(10, 0),
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน",
            "chair_name": "นายปกรณ์ ศรีบุญเรือง",
            "chair_position": "หัวหน้ากลุ่มงานยุทธศาสตร์การพัฒนาชุมชน",
            "attendee_count": 18,
            "attendee_groups": ["ผู้แทนจากทุกอำเภอ"],
            "directives": [],
        },
    ),
    (
        "08-doctor-title-venue-ends-at-purpose-numbered-points.txt",
        {
            "date": dt.date(2021, 7, 1),
            "time": dt.time(13, 0),
            "venue": "ห้องประชุมเวียงหริภุญชัย ศาลากลางจังหวัดลำพูน",
            "chair_name": "ดร.วิชัย ทองสุข",
            "chair_position": "รองผู้ว่าราชการจังหวัดลำพูน",
            "attendee_count": 16,
            "programs": ["sufficiency-economy"],
            "directives": [
                "ขอให้ทุกอำเภอคัดเลือกหมู่บ้านที่มีผลการดำเนินงานต่อเนื่องอย่างน้อย 3 ปี",
                "ขอให้จัดทำแผนพัฒนาหมู่บ้านร่วมกับส่วนราชการในพื้นที่",
            ],
        },
    ),
    (
        "09-name-that-starts-like-an-office-no-time-no-count.txt",
        {
            "date": dt.date(2021, 8, 17),
            "time": None,
            "venue": "หอประชุมอำเภอเวียงหนองล่อง",
            "chair_name": "นายกฤษดา บุญเรือง",
            "chair_position": "นายอำเภอเวียงหนองล่อง",
            "attendee_count": None,
            "programs": [],
            "attendee_groups": ["คณะกรรมการพัฒนาสตรีระดับอำเภอ"],
            "directives": [],
        },
    ),
    (
        "10-straight-quotes-venue-run-into-next-word-thousands.txt",
        {
            "date": dt.date(2021, 9, 3),
            "time": dt.time(9, 0),
            "venue": "หอประชุมโรงเรียนบ้านธิวิทยา",
            "chair_name": "นางสาวรัตนาภรณ์ มูลเมือง",
            "chair_position": "พัฒนาการอำเภอบ้านธิ",
            "attendee_count": 1250,
            "attendee_groups": ["สมาชิกกองทุนจากทุกหมู่บ้าน"],
            "directives": ["ขอให้คณะกรรมการทุกกองทุนจัดทำบัญชีให้เป็นปัจจุบันและเปิดเผยต่อสมาชิก"],
        },
    ),
    (
        "11-another-speaker-quoted-before-the-chair.txt",
        {
            "date": dt.date(2022, 3, 9),
            "time": dt.time(9, 30),
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดลำพูน",
            "chair_name": "นายวีระพงษ์ อินต๊ะ",
            "chair_position": "พัฒนาการจังหวัดลำพูน",
            "attendee_count": 14,
            "attendee_groups": ["พัฒนาการอำเภอ", "หัวหน้ากลุ่มงาน"],
            "directives": [
                "ขอให้ทุกอำเภอเร่งรัดตัวชี้วัดที่ยังไม่ผ่านเกณฑ์ และรายงานผลภายในวันที่ 31 มีนาคม 2565",
            ],
        },
    ),
    (
        "12-little-stated.txt",
        {
            "title": "ประชุมคณะทำงานศูนย์เรียนรู้ชุมชน",
            "date": None,
            "time": None,
            "venue": "",
            "chair_name": "",
            "chair_position": "",
            "attendee_count": None,
            "target_group": "",
            "programs": [],
            "attendee_groups": [],
            "directives": [],
        },
    ),
]
