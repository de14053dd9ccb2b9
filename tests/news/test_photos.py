"""Photos of a meeting: staff upload them (checked for size and real type), the public sees them once published."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from helpers import picture, upload
from PIL import Image

from meetings.models import Meeting
from news.models import MeetingPhoto


def _photos_url(meeting: Meeting) -> str:
    return reverse("news:meeting_photos", args=[meeting.pk])


def test_staff_uploads_a_photo_that_shows_on_the_public_post(personas, demo, client):
    staff = personas.client_for(personas.staff)
    response = staff.post(_photos_url(demo), {"image": upload(), "caption": "ผู้ว่าราชการจังหวัดลำพูนกล่าวเปิดการประชุม"})
    assert response.status_code == 302
    photo = MeetingPhoto.objects.get(meeting=demo)
    assert photo.uploaded_by == personas.staff
    page = client.get(reverse("news:detail", args=[demo.pk])).content.decode()
    assert reverse("news:photo", args=[photo.pk]) in page
    assert "ผู้ว่าราชการจังหวัดลำพูนกล่าวเปิดการประชุม" in page
    served = client.get(reverse("news:photo", args=[photo.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(b"".join(served.streaming_content))).format == "PNG"


def test_photos_of_an_unpublished_meeting_are_404_publicly(personas, demo, client):
    personas.client_for(personas.staff).post(_photos_url(demo), {"image": upload()})
    photo = MeetingPhoto.objects.get(meeting=demo)
    demo.status = Meeting.Status.DRAFT
    demo.save(update_fields=["status"])
    assert client.get(reverse("news:photo", args=[photo.pk])).status_code == 404
    # Staff still see it on the photos page.
    assert personas.client_for(personas.official).get(reverse("news:staff_photo", args=[photo.pk])).status_code == 200


def test_too_large_photo_is_refused_in_thai_next_to_the_field(personas, demo, settings):
    settings.NEWS_PHOTO_MAX_BYTES = 1000
    big = picture(size=(400, 400))
    assert len(big) > 1000
    response = personas.client_for(personas.staff).post(_photos_url(demo), {"image": upload(content=big)})
    assert response.status_code == 200
    assert "ไฟล์ใหญ่เกินไป" in response.content.decode()
    assert not MeetingPhoto.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("notes.pdf", b"%PDF-1.4 not a picture", "application/pdf"),
        ("fake.png", b"<script>alert(1)</script>", "image/png"),  # declared a picture, is not one
        ("photo.png", picture("JPEG"), "image/png"),  # a JPEG declared as PNG
        ("anim.gif", picture("GIF"), "image/gif"),
    ],
)
def test_files_that_are_not_allowed_pictures_are_refused(personas, demo, name, content, content_type):
    response = personas.client_for(personas.staff).post(
        _photos_url(demo), {"image": upload(name, content, content_type)}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert any(text in page for text in ["รับเฉพาะไฟล์", "ไม่ใช่ภาพ", "เนื้อไฟล์ไม่ใช่", "ไม่ตรงกับชนิดไฟล์"])
    assert not MeetingPhoto.objects.exists()


def test_location_metadata_is_stripped_from_uploads(personas, demo):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x013B] = "ช่างภาพ ตัวอย่าง"  # Artist
    original = picture("JPEG", exif=exif.tobytes())
    assert Image.open(io.BytesIO(original)).getexif()
    personas.client_for(personas.staff).post(_photos_url(demo), {"image": upload("p.jpg", original, "image/jpeg")})
    photo = MeetingPhoto.objects.get(meeting=demo)
    with photo.image.open("rb") as handle:
        assert not dict(Image.open(handle).getexif())
    assert photo.image.name.endswith(".jpg") and "p.jpg" not in photo.image.name


def test_staff_of_another_office_cannot_add_photos(personas, demo):
    response = personas.client_for(personas.district_staff).post(_photos_url(demo), {"image": upload()})
    assert response.status_code == 403
    assert not MeetingPhoto.objects.exists()


def test_staff_delete_a_photo(personas, demo):
    staff = personas.client_for(personas.staff)
    staff.post(_photos_url(demo), {"image": upload()})
    photo = MeetingPhoto.objects.get()
    assert (
        personas.client_for(personas.district_staff).post(reverse("news:delete_photo", args=[photo.pk])).status_code
        == 403
    )
    assert staff.post(reverse("news:delete_photo", args=[photo.pk])).status_code == 302
    assert not MeetingPhoto.objects.exists()


def test_large_photo_keeps_its_real_proportions_on_the_page(personas, demo, client):
    """width/height attributes reserve the space; a thousands separator (1,200) would make the picture 1 pixel wide."""
    big = upload("big.png", picture(size=(1200, 800)))
    personas.client_for(personas.staff).post(_photos_url(demo), {"image": big})
    for url in [reverse("news:detail", args=[demo.pk]), reverse("news:list")]:
        page = client.get(url).content.decode()
        assert 'width="1200" height="800"' in page, url


def test_an_empty_submission_asks_for_a_file_in_thai(personas, demo):
    response = personas.client_for(personas.staff).post(_photos_url(demo), {})
    assert "กรุณาเลือกไฟล์ภาพ" in response.content.decode()
    assert not MeetingPhoto.objects.exists()


def test_photos_of_another_offices_draft_are_403_for_staff(personas, demo):
    draft = Meeting.objects.get(status=Meeting.Status.DRAFT, organizer__district="บ้านโฮ่ง")
    photo = MeetingPhoto.objects.create(meeting=draft, image=upload("draft.png"))
    url = reverse("news:staff_photo", args=[photo.pk])
    assert personas.client_for(personas.district_staff).get(url).status_code == 403
    assert personas.client_for(personas.admin).get(url).status_code == 200
