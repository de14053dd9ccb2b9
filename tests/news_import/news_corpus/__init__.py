"""Real public news posts about meetings of Thai community-development offices, with hand-checked fields.

Each post is the opening of a public web page (a provincial or district office of the Community Development
Department, the department itself, or a provincial news page reporting such a meeting), kept as it was written:
glued words, doubled spaces, emoji, Thai digits, typing slips and all. Page furniture that is not part of the post
(a site's "today" date widget, menus) is left out, and a post is cut where the stored copy of the page was cut.

Privacy: every real person's name in a stored post (and in its expected fields) has been replaced with a fictional
Thai name of the same shape (the same title or rank, a first name and a surname), keeping the position and
everything else as written. The same real person gets the same fictional name in every post. The only real names
kept are the public officials named in the seed meeting (นายวรยุทธ เนาวรัตน์, นายเจริญ สีวาโย), and royal titles.
Source addresses of posts on the offices' WordPress sites are given up to their date path (the office and the day
of the post); the slug after it repeats the headline in percent-encoded Thai.

Expected fields, as a staff member reading the post would record them:
- date: the day of the meeting (ISO), the first day when a range is given; None when the post states no date.
- time: the start time (HH:MM); None when not stated.
- chair_name / chair_position: the person the post says presides (เป็นประธาน..., ประธานการประชุม); the name with
  its title glued as Thai writes it (นายวรยุทธ เนาวรัตน์), and the position written with it. A chair named by position
  only has chair_name "". A post that names no one as presiding (an officer "จัดประชุม", "ร่วมประชุม") has both "".
- venue: the place as written after ณ / ที่ / จาก; "" when the post names none.
- attendee_count: the number of people the post says took part; None when it gives none (counts of units,
  groups, baht or plots are not headcounts).
A list holds every reading a careful reader could defend (a venue written once short and once in full).

SPLIT: "dev" posts are the ones the parser's rules were written against; "held_out" posts (chosen at random
before the parser was rebuilt) are only measured, in tests/meetings/test_import_corpus.py.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent
FIELDS = ("date", "time", "chair_name", "chair_position", "venue", "attendee_count")


def post_text(name: str) -> str:
    return (FOLDER / name).read_text(encoding="utf-8")


# (file, source address, split, expected fields)
CORPUS: list[tuple[str, str, str, dict[str, object]]] = [
    (
        "01-chachoengsao-2563-08-26-elephant-committee.txt",
        "https://chachoengsao.cdd.go.th/2020/08/27/",
        "dev",
        {
            "date": "2020-08-26",
            "time": "10:00",
            "chair_name": "นายสุรเชษฐ์ ทองพนาวัลย์",
            "chair_position": "อธิบดีกรมการพัฒนาชุมชน",
            "venue": "ห้องประชุม 5001 ชั้น 5 กรมการพัฒนาชุมชน",
            "attendee_count": None,
        },
    ),
    (
        "02-khokcharoen-2564-04-23-khok-nong-na.txt",
        "https://district.cdd.go.th/khokcharoen/2021/04/26/",
        "dev",
        {
            "date": "2021-04-23",
            "time": None,
            "chair_name": "นายวีรวัฒน์ สุขเกษมศรี",
            "chair_position": "นายอำเภอโคกเจริญ",
            "venue": "หอประชุมอำเภอโคกเจริญชั้นล่าง",
            "attendee_count": None,
        },
    ),
    (
        "03-suratthani-2569-03-09-monthly-meeting.txt",
        "https://khirirat.cdd.go.th/th/content/category/detail/id/8/iid/334103",
        "dev",
        {
            "date": "2026-03-09",
            "time": "08:30",
            "chair_name": "นายสมพร ศักดิ์ธนากุล",
            "chair_position": "พัฒนาการจังหวัดสุราษฎร์ธานี",
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดสุราษฎร์ธานี ศาลากลางจังหวัดสุราษฎร์ธานี",
            "attendee_count": None,
        },
    ),
    (
        "04-prachinburi-2564-10-08-policy-vdo-conference.txt",
        "https://prachin.cdd.go.th/2021/10/08/",
        "held_out",
        {
            "date": "2021-10-08",
            "time": "09:00",
            "chair_name": "นายชาญวิทย์ บุญญาภิรมย์",
            "chair_position": "อธิบดีกรมการพัฒนาชุมชน",
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดปราจีนบุรี ศูนย์ราชการจังหวัดปราจีนบุรี ชั้น 3",
            "attendee_count": None,
        },
    ),
    (
        "05-roiet-2566-06-12-community-standard-committee.txt",
        "https://www.thanjainews2017.com/2023/06/blog-post_407.html",
        "dev",
        {
            "date": "2023-06-12",
            "time": "13:30",
            "chair_name": "นายกิตติพันธ์ เรืองวิริยะกุล",
            "chair_position": "รองผู้ว่าราชการจังหวัดร้อยเอ็ด",
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดร้อยเอ็ด",
            "attendee_count": None,
        },
    ),
    (
        "06-ayutthaya-2565-05-23-community-standard-workshop.txt",
        "https://ayutthaya.cdd.go.th/2022/05/23/2305651",
        "held_out",
        {
            "date": "2022-05-23",
            "time": "09:30",
            "chair_name": "นายธีรยุทธ พึ่งบุญสนอง",
            "chair_position": "พัฒนาการจังหวัดพระนครศรีอยุธยา",
            "venue": "ห้องประชุมอโยธยา ชั้น 3 อาคาร 4 ชั้น ศาลากลางจังหวัดพระนครศรีอยุธยา",
            "attendee_count": None,
        },
    ),
    (
        "07-chachoengsao-2564-02-16-women-committee.txt",
        "https://chachoengsao.cdd.go.th/2021/02/16/",
        "held_out",
        {
            "date": "2021-02-16",
            "time": "13:30",
            "chair_name": "นางสุนันทา ปิยะวงศ์ทอง",
            "chair_position": "ประธานคณะกรรมการพัฒนาสตรีจังหวัดฉะเชิงเทรา",
            "venue": "ห้องประชุมสุนทรพิพิธ ชั้น 3 ศาลากลางจังหวัดฉะเชิงเทรา",
            "attendee_count": None,
        },
    ),
    (
        "08-lamphun-2564-10-28-basic-needs-data.txt",
        "https://region3.prd.go.th/region3_ci/prlamphun/news/40161",
        "dev",
        {
            "date": "2021-10-28",
            "time": "09:30",
            "chair_name": "นายวรยุทธ เนาวรัตน์",
            "chair_position": "ผู้ว่าราชการจังหวัดลำพูน",
            "venue": "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน",
            "attendee_count": None,
        },
    ),
    (
        "09-phitsanulok-basic-needs-data-partners.txt",
        "http://focusphitsanulok.com/?p=15549",
        "dev",
        {
            "date": None,
            "time": None,
            "chair_name": "ว่าที่ร้อยตรีอภิสิทธิ์ คงสมบูรณ์ชัย",
            "chair_position": "หัวหน้ากลุ่มงานสารสนเทศการพัฒนาชุมชน สำนักงานพัฒนาชุมชนจังหวัดพิษณุโลก",
            "venue": "โรงแรมหรรษนันท์ อำเภอเมือง จังหวัดพิษณุโลก",
            "attendee_count": None,
        },
    ),
    (
        "10-phetchaburi-2560-basic-needs-data.txt",
        "https://phetchaburi.cdd.go.th/services/%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5%E0%B8%84%E0%B8%A7%E0%B8%B2%E0%B8%A1%E0%B8%88%E0%B8%B3%E0%B9%80%E0%B8%9B%E0%B9%87%E0%B8%99%E0%B8%9E%E0%B8%B7%E0%B9%89%E0%B8%99%E0%B8%90%E0%B8%B2-3",
        "dev",
        {
            "date": None,
            "time": None,
            "chair_name": "",
            "chair_position": "",
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดเพชรบุรี",
            "attendee_count": None,
        },
    ),
    (
        "11-sukhothai-2564-07-06-mother-fund-network.txt",
        "https://sukhothai.cdd.go.th/2021/07/06/",
        "dev",
        {
            "date": "2021-07-06",
            "time": "10:30",
            "chair_name": "นายเกรียงไกร บุญประคอง",
            "chair_position": "พัฒนาการจังหวัดสุโขทัย",
            "venue": "",
            "attendee_count": None,
        },
    ),
    (
        "12-khlongyai-2568-11-06-mother-fund-workshop.txt",
        "https://khlongyai.cdd.go.th/th/content/category/detail/id/8/iid/284717",
        "dev",
        {
            "date": "2025-11-06",
            "time": "13:00",
            "chair_name": "",
            "chair_position": "",
            "venue": "ห้องประชุมที่ว่าการอำเภอคลองใหญ่ (ชั้น 2) ตำบลคลองใหญ่ อำเภอคลองใหญ่ จังหวัดตราด",
            "attendee_count": None,
        },
    ),
    (
        "13-phetchabun-2562-10-10-otop-products.txt",
        "http://thainews.prd.go.th/th/news/detail/TCATG191010204951618",
        "dev",
        {
            "date": "2019-10-10",
            "time": "09:30",
            "chair_name": "นายไพโรจน์ ศรีสวัสดิ์วงศา",
            "chair_position": "รองผู้ว่าราชการจังหวัดเพชรบูรณ์",
            "venue": (
                "ห้องประชุม สำนักงานพัฒนาชุมชนจังหวัดเพชรบูรณ์ ชั้น 3 อาคาร 2 ศาลากลางจังหวัดเพชรบูรณ์ อำเภอเมืองเพชรบูรณ์ จังหวัดเพชรบูรณ์"
            ),
            "attendee_count": None,
        },
    ),
    (
        "14-khonkaen-2563-07-17-otop-network.txt",
        "https://www.eventesan.com/archives/1414",
        "dev",
        {
            "date": "2020-07-17",
            "time": "09:00",
            "chair_name": "",
            "chair_position": "",
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดขอนแก่น (ชั้น 2) ศาลากลางจังหวัดขอนแก่น",
            "attendee_count": None,
        },
    ),
    (
        "15-khonkaen-2563-06-11-sufficiency-committee.txt",
        "https://www.eventesan.com/archives/291",
        "held_out",
        {
            "date": "2020-06-11",
            "time": "10:00",
            "chair_name": "นายชัยณรงค์ เพชรรัตนากร",
            "chair_position": "รองผู้ว่าราชการจังหวัดขอนแก่น",
            "venue": "ห้องประชุมพระธาตุขามแก่น (ชั้น 2) ศาลากลางจังหวัดขอนแก่น",
            "attendee_count": None,
        },
    ),
    (
        "16-department-2560-12-06-sufficiency-support-team.txt",
        "https://chumchon.cdd.go.th/2017/12/09/",
        "dev",
        {
            "date": "2017-12-06",
            "time": None,
            "chair_name": "",
            "chair_position": "",
            "venue": "ห้องแซฟไฟร์ 101-104 อิมแพค เมืองทองธานี",
            "attendee_count": 314,
        },
    ),
    (
        "17-khonkaen-2563-10-12-otop-centre-board.txt",
        "https://www.eventesan.com/archives/2692",
        "dev",
        {
            "date": "2020-10-12",
            "time": "11:00",
            "chair_name": "นายชัยณรงค์ เพชรรัตนากร",
            "chair_position": "รองผู้ว่าราชการจังหวัดขอนแก่น",
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดขอนแก่น (ชั้น 2) ศาลากลางจังหวัดขอนแก่น",
            "attendee_count": None,
        },
    ),
    (
        "18-khonkaen-2560-10-03-royal-ceremony-preparation.txt",
        "http://khonkaen.cdd.go.th/en/2017/10/03/031025603",
        "held_out",
        {
            "date": "2017-10-03",
            "time": "14:00",
            "chair_name": "นายบุญเลิศ ธาราวัฒนกุล",
            "chair_position": "ผู้ว่าราชการจังหวัดขอนแก่น",
            "venue": ["ห้องประชุมพระธาตุขามแก่น", "ห้องประชุมพระธาตุขามแก่น จังหวัดขอนแก่น"],
            "attendee_count": None,
        },
    ),
    (
        "19-khonkaen-2563-11-27-royal-visit-preparation.txt",
        "https://www.eventesan.com/archives/4074",
        "dev",
        {
            "date": "2020-11-27",
            "time": "10:00",
            "chair_name": "นายอรรถพล ศรีวิชัยกุล",
            "chair_position": "รองผู้ว่าราชการจังหวัดขอนแก่น",
            "venue": "ห้องประชุมพระธาตุขามแก่น ศาลากลางจังหวัดขอนแก่น ชั้น 2",
            "attendee_count": None,
        },
    ),
    (
        "20-khonkaen-2563-12-29-interior-heads.txt",
        "https://www.eventesan.com/archives/5486",
        "dev",
        {
            "date": "2020-12-29",
            "time": "07:30",
            "chair_name": "นายบุญเลิศ ธาราวัฒนกุล",
            "chair_position": "ผู้ว่าราชการจังหวัดขอนแก่น",
            "venue": "ห้องประชุมเสียงแคน ชั้น 2 ศาลากลางจังหวัดขอนแก่น",
            "attendee_count": None,
        },
    ),
    (
        "21-ubon-2565-06-24-women-committee.txt",
        "https://ubon.cdd.go.th/2022/06/24/",
        "dev",
        {
            "date": "2022-06-24",
            "time": "13:00",
            "chair_name": ["นางอรุณี ทองเจริญสุข", "นายสุรพล แก้วมณีโชติ"],
            "chair_position": ["ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาชุมชน", "พัฒนาการจังหวัดอุบลราชธานี"],
            "venue": "ห้องประชุมศูนย์ศึกษาและพัฒนาชุมชนจังหวัดอุบลราชธานี อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี",
            "attendee_count": None,
        },
    ),
    (
        "22-suratthani-2565-11-24-women-committee-thai-digits.txt",
        "https://suratthani.cdd.go.th/2022/11/25/",
        "held_out",
        {
            "date": "2022-11-24",
            "time": "09:30",
            "chair_name": "นางพรรณี ศรีสุวรรณรัตน์",
            "chair_position": [
                "ประธานคณะกรรมการพัฒนาสตรีจังหวัดสุราษฎร์ธานี (กพสจ.)",
                "ประธานคณะกรรมการพัฒนาสตรีจังหวัดสุราษฎร์ธานี",
            ],
            "venue": [
                "ห้องประชุมเทศบาลตำบลบ้านเชี่ยวหลาน",
                "ห้องประชุมเทศบาลตำบลบ้านเชี่ยวหลาน ตำบลเขาพัง อำเภอบ้านตาขุน จังหวัดสุราษฎร์ธานี",
            ],
            "attendee_count": 58,
        },
    ),
    (
        "23-khonkaen-2563-08-14-minister-khok-nong-na-workshop.txt",
        "https://www.eventesan.com/archives/1864",
        "dev",
        {
            "date": "2020-08-14",
            "time": "09:00",
            "chair_name": "พลเอกวิชิต ชาญณรงค์ฤทธิ์",
            "chair_position": "รัฐมนตรีว่าการกระทรวงมหาดไทย",
            "venue": "โรงแรมรามาการ์เด้นส์ ชั้น 4 ห้องคอนเวนชั่น เขตหลักสี่ กรุงเทพมหานคร",
            "attendee_count": None,
        },
    ),
    (
        "24-sisaket-2565-06-17-outstanding-activity-committee.txt",
        "https://new.sisaket.go.th/25864/",
        "held_out",
        {
            "date": "2022-06-17",
            "time": "11:30",
            "chair_name": "นางสาวกัญญารัตน์ พูลสวัสดิ์วงศ์",
            "chair_position": "รองผู้ว่าราชการจังหวัด",
            "venue": "ห้องประชุมสุริยวรมัน ที่ทำการปกครองจังหวัด ศาลากลางจังหวัดศรีสะเกษ ชั้น 3",
            "attendee_count": None,
        },
    ),
    (
        "25-ratchaburi-2565-05-25-outstanding-activity-panel.txt",
        "https://ratchaburi.cdd.go.th/2022/05/25/",
        "dev",
        {
            "date": "2022-05-25",
            "time": "09:00",
            "chair_name": "นางปราณี วิเศษสุวรรณภูมิ",
            "chair_position": "พัฒนาการจังหวัดราชบุรี",
            "venue": "ห้องประชุมหลวงยกกระบัตร ชั้น 3 ศาลากลางจังหวัดราชบุรี",
            "attendee_count": None,
        },
    ),
    (
        "26-kapoe-2565-01-24-volunteer-leaders.txt",
        "https://district.cdd.go.th/kapoe/2022/01/26/",
        "dev",
        {
            "date": "2022-01-24",
            "time": None,
            "chair_name": "",
            "chair_position": "",
            "venue": "สำนักงานพัฒนาชุมชนอำเภอกะเปอร์ อ.กะเปอร์ จ.ระนอง",
            "attendee_count": None,
        },
    ),
    (
        "27-trang-2568-09-01-savings-group-selection.txt",
        "https://trang.cdd.go.th/th/content/category/detail/id/74/iid/260459",
        "dev",
        {
            "date": "2025-09-01",
            "time": None,
            "chair_name": "",
            "chair_position": "",
            "venue": "สำนักงานพัฒนาชุมชนจังหวัดตรัง ศาลากลางจังหวัดตรัง",
            "attendee_count": None,
        },
    ),
    (
        "28-maehongson-2563-06-29-department-monthly-meeting.txt",
        "https://maehongson.cdd.go.th/2020/06/30/",
        "dev",
        {
            "date": "2020-06-29",
            "time": "13:30",
            "chair_name": "นายสุรเชษฐ์ ทองพนาวัลย์",
            "chair_position": "อธิบดีกรมการพัฒนาชุมชน",
            "venue": "ห้องประชุมวีดิทัศน์ทางไกล (Video Conference Room) ศาลากลางจังหวัดแม่ฮ่องสอน",
            "attendee_count": None,
        },
    ),
    (
        "29-phayao-2565-05-20-otop-product-champion.txt",
        "https://phayao.cdd.go.th/2022/05/20/",
        "held_out",
        {
            "date": "2022-05-20",
            "time": "08:30",
            "chair_name": "นายณรงค์ศักดิ์ บุญยืนยง",
            "chair_position": "ผู้ว่าราชการจังหวัดพะเยา",
            "venue": "",
            "attendee_count": None,
        },
    ),
    (
        "30-ayutthaya-2565-05-24-otop-product-champion-committee.txt",
        "https://www.thailandplus.tv/archives/540225",
        "held_out",
        {
            "date": "2022-05-24",
            "time": "13:00",
            "chair_name": "นางสาวศิริลักษณ์ อมรเวชกุล",
            "chair_position": "รองผู้ว่าราชการจังหวัดพระนครศรีอยุธยา",
            "venue": "ห้องประชุมบึงพระราม ศาลาจังหวัดพระนครศรีอยุธยา",
            "attendee_count": None,
        },
    ),
    (
        "31-chaiyaphum-2558-02-24-sufficiency-villages.txt",
        "https://www.publicpostonline.net/1504",
        "dev",
        {
            "date": "2015-02-24",
            "time": None,
            "chair_name": "นายวิชัย รุ่งโรจน์ธนากร",
            "chair_position": "รองอธิบดีกรมการพัฒนาชุมชน",
            "venue": "โรงแรมชัยภูมิปาร์ค ตำบลบ้านเล่า อำเภอเมือง จังหวัดชัยภูมิ",
            "attendee_count": 104,
        },
    ),
    (
        "32-department-2563-03-25-monthly-meeting.txt",
        "http://www.cdd.go.th/content/630325",
        "dev",
        {
            "date": "2020-03-25",
            "time": None,
            "chair_name": "นายสุรเชษฐ์ ทองพนาวัลย์",
            "chair_position": "อธิบดีกรมการพัฒนาชุมชน",
            "venue": "ห้องประชุม War Room ชั้น 5 กรมการพัฒนาชุมชน",
            "attendee_count": None,
        },
    ),
    (
        "33-udon-2564-09-28-minister-video-conference.txt",
        "https://udon.cdd.go.th/2021/09/28/vcs",
        "dev",
        {
            "date": "2021-09-28",
            "time": "14:00",
            "chair_name": "",
            "chair_position": "รัฐมนตรีว่าการกระทรวงมหาดไทย",
            "venue": "ห้องประชุมราชสีห์ ศาลาว่าการกระทรวงมหาดไทย",
            "attendee_count": None,
        },
    ),
    (
        "34-phrae-poverty-eradication-meeting.txt",
        "https://www.thaireference.com/%e0%b8%88-%e0%b9%81%e0%b8%9e%e0%b8%a3%e0%b9%88-%e0%b9%80%e0%b8%94%e0%b8%b4%e0%b8%99%e0%b8%ab%e0%b8%99%e0%b9%89%e0%b8%b2-%e0%b8%82%e0%b8%b1%e0%b8%9a%e0%b9%80%e0%b8%84%e0%b8%a5%e0%b8%b7%e0%b9%88/",
        "dev",
        {
            "date": None,
            "time": None,
            "chair_name": "นางสาวอัญชลี ธนพัฒน์ศิริ",
            "chair_position": "รองผู้ว่าราชการจังหวัดแพร่",
            "venue": "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดแพร่ ชั้น 4 ศาลากลางจังหวัดแพร่",
            "attendee_count": None,
        },
    ),
    (
        "35-chiangmai-2564-02-23-women-fund-subcommittee.txt",
        "https://chiangmai.cdd.go.th/2021/02/23/31214",
        "dev",
        {
            "date": "2021-02-23",
            "time": "13:30",
            "chair_name": "นายปรีชา วงศ์ไชยสิทธิ์",
            "chair_position": "รองผู้ว่าราชการจังหวัดเชียงใหม่",
            "venue": (
                "ห้องประชุม สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่ อาคารอำนวยการ (ชั้น 5) ศาลากลางจังหวัดเชียงใหม่"
                " อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่"
            ),
            "attendee_count": None,
        },
    ),
    (
        "36-phuket-2562-11-14-women-fund-subcommittee.txt",
        "http://thainews.prd.go.th/th/news/detail/TCATG191114171325135",
        "held_out",
        {
            "date": "2019-11-14",
            "time": "09:30",
            "chair_name": "นายสุทธิพร เกตุแก้ววิเศษ",
            "chair_position": "รองผู้ว่าราชการจังหวัดภูเก็ต",
            "venue": "ห้องประชุมศาลากลาง",
            "attendee_count": None,
        },
    ),
    (
        "37-samutsongkhram-2563-10-28-department-meeting.txt",
        "https://district.cdd.go.th/bangkhonthi/2020/10/28/",
        "dev",
        {
            "date": "2020-10-28",
            "time": None,
            "chair_name": "นายสุรเชษฐ์ ทองพนาวัลย์",
            "chair_position": "อธิบดีกรมการพัฒนาชุมชน",
            "venue": "ห้องประชุม War Room ชั้น 5 กรมการพัฒนาชุมชน ศูนย์ราชการเฉลิมพระเกียรติฯ หลักสี่ กรุงเทพมหานคร",
            "attendee_count": None,
        },
    ),
    (
        "38-samutprakan-2565-01-14-poverty-fund-village.txt",
        "https://samutprakan.cdd.go.th/2022/01/14/",
        "held_out",
        {
            "date": "2022-01-14",
            "time": "10:00",
            "chair_name": "",
            "chair_position": "",
            "venue": "ที่ทำการผู้ใหญ่บ้าน หมู่ที่ 1 บ้านขุนสมุทรไทย ตำบลนาเกลือ อำเภอพระสมุทรเจดีย์ จังหวัดสมุทรปราการ",
            "attendee_count": None,
        },
    ),
    (
        "39-ratchaburi-2565-12-15-poverty-project-network.txt",
        "https://www.thanjainews2017.com/2022/12/blog-post_521.html",
        "held_out",
        {
            "date": "2022-12-15",
            "time": "13:00",
            "chair_name": "",
            "chair_position": "",
            "venue": "ห้องประชุมบางสองร้อย ชั้น 3 ศาลากลางจังหวัดราชบุรี",
            "attendee_count": None,
        },
    ),
    (
        "40-suratthani-2564-11-11-vulnerable-households.txt",
        "https://suratthani.cdd.go.th/2021/11/12/",
        "held_out",
        {
            "date": "2021-11-11",
            "time": "13:30",
            "chair_name": "",
            "chair_position": "",
            "venue": "ห้องประชุมสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสุราษฎร์ธานี",
            "attendee_count": None,
        },
    ),
    (
        "41-chonburi-2561-12-26-star-otop-committee.txt",
        "https://www.thepattayanews.co.th/2018/12/28/",
        "dev",
        {
            "date": "2018-12-26",
            "time": None,
            "chair_name": "นายอนุวัฒน์ ศรีสมบูรณ์ผล",
            "chair_position": "รองผู้ว่าราชการจังหวัดชลบุรี",
            "venue": "ห้องประชุมบ่อทอง ชั้น1 โรงแรมชลอินเตอร์ อำเภอเมืองชลบุรี จังหวัดชลบุรี",
            "attendee_count": None,
        },
    ),
    (
        "42-phichit-2563-11-23-otop-city-briefing.txt",
        "https://phichit.cdd.go.th/2020/11/24/",
        "held_out",
        {
            "date": "2020-11-23",
            "time": "13:00",
            "chair_name": "",
            "chair_position": "",
            "venue": "",
            "attendee_count": None,
        },
    ),
]
