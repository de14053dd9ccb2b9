"""Pages of the time before a meeting: scheduling it, its invitation page (letter, documents, answers), an office's
answer, the letter as PDF, and each person's private calendar feed. Every question of who may goes to
lamphun_portal/policy.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from lamphun_portal import policy
from meetings import forms as meeting_forms
from meetings.models import Meeting, MeetingSubmission
from meetings.services import AlreadySubmittedError

from . import calendar, documents, forms, services
from .models import CalendarFeed, Invitation, InvitationLetter


@login_required
def schedule(request: HttpRequest) -> HttpResponse:
    """นัดประชุม: a meeting called ahead, its invitees, its draft agenda and its letter on one page."""
    policy.require(request.user, policy.Action.RECORD)
    offices = policy.recording_offices(request.user)
    meeting = Meeting(status=Meeting.Status.SCHEDULED)
    own = policy.office_of(request.user)
    if own is not None:
        meeting.organizer = own
    data = request.POST if request.method == "POST" else None
    form = forms.ScheduleForm(
        data, instance=meeting, organizers=offices, people=meeting_forms.person_choices(), programs=[]
    )
    agenda = forms.agenda_formset(data)
    if data is not None and form.has_error(NON_FIELD_ERRORS, meeting_forms.ALREADY_SUBMITTED):
        submission = MeetingSubmission.objects.of_token(form.cleaned_data["submission_token"])
        return _already_scheduled(request, submission.meeting if submission else None)
    if data is not None and all([form.is_valid(), agenda.is_valid()]):
        headings = forms.agenda_headings(agenda)
        if not headings:
            form.add_error(None, "กรุณากรอกระเบียบวาระอย่างน้อยหนึ่งวาระ")
        else:
            saved = _save_schedule(request, form, headings)
            if saved is not None:
                return saved
    return render(
        request,
        "invitations/schedule.html",
        {"form": form, "agenda": agenda, "has_errors": data is not None},
    )


def _save_schedule(request: HttpRequest, form: forms.ScheduleForm, headings: list[str]) -> HttpResponse | None:
    data = form.cleaned_data
    letter = services.LetterValues(
        number=data["letter_number"].strip(),
        dated=data["letter_date"],
        subject=documents.invitation_subject(form.instance.title)[:300],
        salutation=data["salutation"].strip(),
        body=data["letter_body"].strip(),
        signer=data["signer"],
        contact=data["contact"].strip(),
    )
    try:
        meeting = services.schedule_meeting(
            meeting=form.save(commit=False),
            agenda=headings,
            offices=list(data["offices"]),
            people=list(data["people"]),
            letter=letter,
            submission_token=data.get("submission_token"),
            user=request.user,
        )
    except AlreadySubmittedError as submitted:
        return _already_scheduled(request, submitted.meeting)
    except IntegrityError:
        form.add_error(None, "บันทึกไม่สำเร็จ ข้อมูลซ้ำกับที่มีอยู่แล้ว กรุณาตรวจสอบครั้งที่ประชุม")
        return None
    except ValidationError as error:
        form.add_error(None, " ".join(error.messages))
        return None
    messages.success(request, f"นัดประชุม “{meeting.title}” แล้ว ตรวจหนังสือเชิญแล้วกด “ส่งหนังสือเชิญ”")
    return redirect("invitations:meeting", meeting.pk)


def _already_scheduled(request: HttpRequest, meeting: Meeting | None) -> HttpResponse:
    if meeting is None:
        messages.info(request, "แบบฟอร์มนี้บันทึกไปแล้ว ระบบไม่ได้นัดประชุมซ้ำ (การประชุมที่บันทึกไว้ถูกลบไปแล้ว)")
        return redirect("meetings:list")
    messages.info(request, f"แบบฟอร์มนี้บันทึกไปแล้ว ระบบไม่ได้นัดประชุมซ้ำ นี่คือการประชุม “{meeting.title}”")
    return redirect("invitations:meeting", meeting.pk)


def _invitation_page(
    request: HttpRequest, meeting: Meeting, upload: Any = None, invite: Any = None, status: int = 200
) -> HttpResponse:
    invitations = list(meeting.invitations.select_related("office", "answered_by").prefetch_related("attendees"))
    answerable = {invitation.pk for invitation in policy.answerable_invitations(request.user, meeting)}
    may_invite = policy.allows(request.user, policy.Action.INVITE, meeting)
    context = {
        "meeting": meeting,
        "letter": InvitationLetter.objects.filter(meeting=meeting).select_related("signer", "sent_by").first(),
        "invitations": [(invitation, invitation.pk in answerable) for invitation in invitations],
        "people": list(meeting.invited_people.select_related("person")),
        "documents": list(meeting.documents.all()),
        "upload": upload if upload is not None else (forms.DocumentForm() if may_invite else None),
        "invite": invite if invite is not None else (forms.InviteMoreForm() if may_invite else None),
        "may_invite": may_invite,
        "agenda": list(meeting.agenda_items.all()),
        "answered": sum(1 for invitation in invitations if invitation.answer != Invitation.Answer.PENDING),
    }
    return render(request, "invitations/meeting.html", context, status=status)


@login_required
@require_GET
def meeting_invitations(request: HttpRequest, pk: int) -> HttpResponse:
    """The invitation page of a meeting: the letter, the documents, who is invited and what each answered."""
    meeting = policy.get_meeting_for_user(request.user, pk)
    return _invitation_page(request, meeting)


@login_required
@require_POST
def invite_more(request: HttpRequest, pk: int) -> HttpResponse:
    """เชิญเพิ่ม: offices and people invited after the meeting was scheduled."""
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.INVITE)
    form = forms.InviteMoreForm(request.POST)
    if not form.is_valid():
        return _invitation_page(request, meeting, invite=form, status=400)
    try:
        added = services.invite_more(
            meeting=meeting, offices=list(form.cleaned_data["offices"]), people=list(form.cleaned_data["people"])
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _invitation_page(request, meeting, invite=form, status=400)
    if added:
        messages.success(request, f"เชิญเพิ่ม {added} ราย กด “ส่งหนังสือเชิญ” เพื่อแจ้งหน่วยงานที่เชิญเพิ่ม")
    else:
        messages.info(request, "หน่วยงานและบุคคลที่เลือกได้รับเชิญอยู่แล้ว")
    return redirect("invitations:meeting", meeting.pk)


@login_required
@require_POST
def upload_document(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.INVITE)
    form = forms.DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _invitation_page(request, meeting, upload=form, status=400)
    try:
        document = services.add_document(meeting=meeting, upload=form.cleaned_data["file"], user=request.user)
    except ValidationError as error:
        form.add_error("file", error)
        return _invitation_page(request, meeting, upload=form, status=400)
    messages.success(request, f"เพิ่มเอกสาร “{document.name}” แล้ว")
    return redirect("invitations:meeting", meeting.pk)


@login_required
@require_GET
def document(request: HttpRequest, pk: int) -> FileResponse:
    """A document of the meeting, to those who may read the meeting (its invitees too); always as a download."""
    item = policy.get_document_for_user(request.user, pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("ไม่พบไฟล์") from error
    response = FileResponse(handle, as_attachment=True, filename=item.name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The invitation letter as PDF (a page of two; rendered on request, it is small)."""
    meeting = policy.get_meeting_for_user(request.user, pk)
    record = get_object_or_404(InvitationLetter.objects.select_related("signer"), meeting=meeting)
    content = documents.letter_pdf(meeting, record)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="invitation-{meeting.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    """ส่งหนังสือเชิญ: each invited office is notified (portal, e-mail, LINE)."""
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.INVITE)
    try:
        told = services.send_invitations(meeting=meeting, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if told:
            messages.success(request, f"ส่งหนังสือเชิญถึง {told} หน่วยงานแล้ว")
        else:
            messages.info(request, "ทุกหน่วยงานที่เชิญได้รับหนังสือเชิญแล้ว ระบบไม่ได้ส่งซ้ำ")
    return redirect("invitations:meeting", meeting.pk)


@login_required
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    """An invited office answers: who will come (names and positions), or that it will not."""
    invitation = policy.get_invitation_for_user(request.user, pk, policy.Action.ANSWER)
    data = request.POST if request.method == "POST" else None
    earlier = [{"name": a.name, "position": a.position} for a in invitation.attendees.all()]
    initial = {"answer": invitation.answer, "note": invitation.note} if invitation.answered_at else None
    form = forms.AnswerForm(data, initial=initial)
    rows = forms.attendee_formset(data, initial=earlier)
    if data is not None and all([form.is_valid(), rows.is_valid()]):
        attend = form.cleaned_data["answer"] == Invitation.Answer.ATTEND
        typed = forms.typed_attendees(rows)
        if attend and not typed:
            form.add_error(None, "กรุณากรอกชื่อและตำแหน่งของผู้ที่จะเข้าประชุมอย่างน้อยหนึ่งคน")
        elif not attend and typed:
            form.add_error(None, "เลือก “ไม่เข้าร่วมประชุม” แล้ว กรุณาลบรายชื่อผู้เข้าประชุมออก หรือเลือก “เข้าร่วมประชุม”")
        else:
            try:
                services.answer_invitation(
                    invitation=invitation,
                    attend=attend,
                    attendees=[services.Attendee(name, position) for name, position in typed],
                    note=form.cleaned_data["note"].strip(),
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                messages.success(request, f"บันทึกการตอบรับของ{invitation.office.name}แล้ว")
                return redirect("invitations:meeting", invitation.meeting_id)
    return render(
        request,
        "invitations/answer.html",
        {"invitation": invitation, "meeting": invitation.meeting, "form": form, "rows": rows},
        status=400 if data is not None else 200,
    )


# --- The private calendar feed ------------------------------------------------------------------------------


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's own calendar (no login: the secret in the address is the key): the meetings they may read,
    scheduled ones they are invited to or organise included. A wrong or renewed-away token finds nothing."""
    record = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if record is None or not record.user.is_active:
        raise Http404("ไม่พบปฏิทินนี้")
    content = calendar.private_calendar(request, record.user)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="my-meetings.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def renew_feed(request: HttpRequest) -> HttpResponse:
    """A new private calendar address; the old one stops working."""
    policy.require(request.user, policy.Action.READ)
    created = not CalendarFeed.objects.filter(user=request.user).exists()
    services.renew_feed(user=request.user)
    if created:
        messages.success(request, "สร้างที่อยู่ปฏิทินส่วนตัวแล้ว นำไปเพิ่มในแอปปฏิทินได้เลย")
    else:
        messages.success(request, "เปลี่ยนที่อยู่ปฏิทินส่วนตัวแล้ว ที่อยู่เดิมใช้ไม่ได้อีก กรุณาเพิ่มที่อยู่ใหม่ในแอปปฏิทิน")
    return redirect("accounts:profile")
