import datetime as dt

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from directives.models import Directive
from meetings.demo import data
from meetings.models import Meeting

BKK = timezone.get_default_timezone()


def _snapshot() -> dict[str, list[tuple]]:
    return {
        model._meta.label: sorted(model.objects.values_list(*[f.attname for f in model._meta.concrete_fields]))
        for model in apps.get_app_config("meetings").get_models()
    }


def test_load_demo_twice_changes_nothing(db: None, settings: object) -> None:
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = _snapshot()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _snapshot() == first
    assert Meeting.objects.count() == 1 + len(data.OTHER_MEETINGS)


def test_seed_meeting_is_structured(demo: Meeting) -> None:
    meeting = demo
    assert meeting.chair.full_name == "นายวรยุทธ เนาวรัตน์"
    assert meeting.chair.position == "ผู้ว่าราชการจังหวัดลำพูน"
    assert meeting.venue == "ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน"
    assert timezone.localtime(meeting.starts_at) == dt.datetime(2020, 11, 17, 10, 0, tzinfo=BKK)
    assert meeting.fiscal_year == 2564
    assert meeting.attendee_count == 57
    assert meeting.organizer.name == "สำนักงานพัฒนาชุมชนจังหวัดลำพูน"
    assert meeting.summary.startswith("พช.ลำพูน : จัดประชุมเตรียมความพร้อม")
    assert "Visited" not in meeting.summary

    roles = {(a.label, a.role, a.presence) for a in meeting.attendances.all()}
    assert ("นางสาวศศิธร อินทกุล", "inspector", "invited") in roles
    assert ("นายเจริญ สีวาโย", "presenter", "present") in roles
    assert ("เจ้าหน้าที่พัฒนาชุมชนทุกระดับ", "member", "present") in roles
    assert ("พัฒนาการอำเภอ", "member", "present") in roles

    assert meeting.agenda_items.count() == 4
    directives = list(meeting.directives.prefetch_related("programs", "responsible_offices"))
    assert len(directives) == 6
    assert all(d.issued_by == meeting.chair for d in directives)

    def programs_of(start: str) -> list[str]:
        directive = next(d for d in directives if d.text.startswith(start))
        return sorted(p.code for p in directive.programs.all())

    assert programs_of("การขับเคลื่อนการดำเนินงานพัฒนาคุณภาพชีวิต") == ["khok-nong-na"]
    assert programs_of("การดำเนินงาน ชุมชนน้ำพัชรธรรม") == ["nam-phatcharatham"]
    assert programs_of("การสร้างความเข้มแข็งให้กับหมู่บ้านชุมชน") == ["khok-nong-na", "otop"]
    assert programs_of("กรมการพัฒนาชุมชนได้ร่วมกับคณะกรรมการการเลือกตั้ง") == ["democracy"]
    care = next(d for d in directives if d.text.startswith("ขอให้ทางข้าราชการ"))
    assert {o.name for o in care.responsible_offices.all()} >= {"เหล่ากาชาดจังหวัดลำพูน", "กำนัน ผู้ใหญ่บ้าน"}
    # Every directive is the post's own words.
    flat_post = " ".join(data.SEED_POST.split())
    assert all(d.text in flat_post for d in directives)


def test_demo_covers_fiscal_years_and_follow_up_states(demo: Meeting) -> None:
    assert set(Meeting.objects.values_list("fiscal_year", flat=True)) == {2563, 2564, 2565, 2566}
    assert Directive.objects.overdue().exists()
    assert Directive.objects.filter(status="done").exists()
    assert Meeting.objects.filter(status="draft").exists()


def test_demo_users_only_when_debug(db: None, settings: object) -> None:
    from django.contrib.auth.models import User

    settings.DEBUG = False
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not User.objects.exists()
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    staff1 = User.objects.get(username="staff1")
    assert staff1.check_password("lamphun-demo")
    assert staff1.person.office.name == "สำนักงานพัฒนาชุมชนจังหวัดลำพูน"
    assert User.objects.get(username="district1").person.office.district == "แม่ทา"
    assert {g.name for g in User.objects.get(username="official1").groups.all()} == {"ผู้บริหาร"}
