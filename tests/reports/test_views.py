"""Export pages: only admins export; every view checked for every role."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from report_pdf_text import body_text, squash

from meetings.models import Meeting
from reports.models import ExportJob, RenderedPdf

# (persona attribute, expected status) for everyone but admins: exports are for admins only.
NOT_ADMINS = [("staff", 403), ("district_staff", 403), ("official", 403), ("outsider", 403)]


def anonymous_is_sent_to_login(response: object) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.fixture
def admin_client(personas: object) -> Client:
    return personas.client_for(personas.admin)


def urls(demo: Meeting, personas: object) -> list[tuple[str, str]]:
    job = ExportJob.objects.create(kind="fiscal_year_book", fiscal_year=2564, requested_by=personas.admin)
    rendered = RenderedPdf.objects.create(
        kind="minutes", meeting=demo, options="x", digest="0" * 64, filename="a.pdf", content=b"%PDF-", size=5
    )
    return [
        ("get", reverse("reports:index")),
        ("post", reverse("reports:export_meeting", args=[demo.pk])),
        ("post", reverse("reports:export_fiscal_year", args=[2564])),
        ("get", reverse("reports:job", args=[job.pk])),
        ("get", reverse("reports:download", args=[rendered.pk])),
    ]


def test_every_reports_view_is_for_admins_only(demo: Meeting, personas: object) -> None:
    for method, url in urls(demo, personas):
        assert anonymous_is_sent_to_login(getattr(Client(), method)(url)), url
        for persona, status in NOT_ADMINS:
            response = getattr(personas.client_for(getattr(personas, persona)), method)(url)
            assert response.status_code == status, (persona, url)
        response = getattr(personas.client_for(personas.admin), method)(url)
        assert response.status_code in (200, 302), url
    # The refused requests neither queued nor rendered anything: the admin's book request joined the
    # queued job, the admin's minutes export rendered one PDF.
    assert ExportJob.objects.count() == 1
    assert RenderedPdf.objects.count() == 2


def test_meeting_page_shows_the_download_button_to_admins_only(demo: Meeting, personas: object) -> None:
    url = demo.get_absolute_url()
    export_url = reverse("reports:export_meeting", args=[demo.pk])
    assert export_url in personas.client_for(personas.admin).get(url).content.decode()
    for persona in ("staff", "district_staff", "official"):
        page = personas.client_for(getattr(personas, persona)).get(url)
        if page.status_code == 200:
            assert export_url not in page.content.decode(), persona


def test_nav_link_for_admins_only(demo: Meeting, personas: object) -> None:
    index = reverse("reports:index")
    assert index in personas.client_for(personas.admin).get(reverse("meetings:list")).content.decode()
    assert index not in personas.client_for(personas.official).get(reverse("meetings:list")).content.decode()


def test_admin_downloads_the_minutes(demo: Meeting, admin_client: Client, tmp_path: Path) -> None:
    response = admin_client.post(reverse("reports:export_meeting", args=[demo.pk]), {"thai_digits": ""})
    rendered = RenderedPdf.objects.get(meeting=demo)
    assert response.status_code == 302 and response["Location"] == rendered.get_absolute_url()
    download = admin_client.get(response["Location"])
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''" in download["Content-Disposition"]
    text = squash(body_text(download.content, tmp_path))
    assert squash("รายงานการประชุมเตรียมความพร้อมการขับเคลื่อนกิจกรรมพัฒนาชุมชน") in text


def test_thai_digits_choice_is_honoured(demo: Meeting, admin_client: Client, tmp_path: Path) -> None:
    response = admin_client.post(reverse("reports:export_meeting", args=[demo.pk]), {"thai_digits": "on"})
    text = body_text(admin_client.get(response["Location"]).content, tmp_path)
    assert "๑๗ พฤศจิกายน ๒๕๖๓" in text


def test_unknown_meeting_is_404(personas: object) -> None:
    response = personas.client_for(personas.admin).post(reverse("reports:export_meeting", args=[999999]))
    assert response.status_code == 404


def test_big_meeting_goes_to_the_background(
    demo: Meeting, admin_client: Client, monkeypatch: pytest.MonkeyPatch, run_tasks: Callable[[], int]
) -> None:
    from reports import services

    monkeypatch.setattr(services, "SYNC_RENDER_MAX_HTML", 1000)
    response = admin_client.post(reverse("reports:export_meeting", args=[demo.pk]))
    job = ExportJob.objects.get(meeting=demo)
    assert response["Location"] == job.get_absolute_url()
    assert not RenderedPdf.objects.exists()  # the request did not render
    page = admin_client.get(job.get_absolute_url()).content.decode()
    assert "รอคิว" in page and "<progress" in page and 'hx-trigger="every 1s"' in page
    run_tasks()
    fragment = admin_client.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment
    assert "สร้างไฟล์เสร็จแล้ว" in fragment and RenderedPdf.objects.get().get_absolute_url() in fragment
    assert "hx-trigger" not in fragment  # polling stops


def test_fiscal_year_book_job_from_the_index(
    demo: Meeting, admin_client: Client, tmp_path: Path, run_tasks: Callable[[], int]
) -> None:
    index = admin_client.get(reverse("reports:index")).content.decode()
    assert reverse("reports:export_fiscal_year", args=[2564]) in index
    response = admin_client.post(reverse("reports:export_fiscal_year", args=[2564]), {"pdfa": "on"})
    job = ExportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.kind, job.fiscal_year, job.pdfa, job.status) == ("fiscal_year_book", 2564, True, "queued")
    # Asking again while it is queued does not queue it twice.
    admin_client.post(reverse("reports:export_fiscal_year", args=[2564]), {"pdfa": "on"})
    assert ExportJob.objects.count() == 1
    run_tasks()
    job.refresh_from_db()
    assert job.status == "done" and job.progress == 100 and job.result.pages > 3
    text = squash(body_text(admin_client.get(job.result.get_absolute_url()).content, tmp_path))
    assert squash("ตารางสรุปข้อสั่งการและสถานะการดำเนินงาน") in text


def test_index_empty_state(db: None, django_user_model: type[User]) -> None:
    admin = django_user_model.objects.create_superuser("root", password="x-long-password-1")
    client = Client()
    client.force_login(admin)
    page = client.get(reverse("reports:index")).content.decode()
    assert "ยังไม่มีการประชุม" in page
