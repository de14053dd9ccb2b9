"""The minutes' steps on the meeting page: send to the checker, check, certify, answer a circulation, sign,
publish; the stored PDFs; the minutes as a Word file.

Each step is a POST from the panel of the meeting page (templates/minutes/_panel.html). Bad input shows the
meeting page again with the Thai error beside the form and what was typed kept (status 400).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from lamphun_portal import policy
from lamphun_portal.lib import thai
from meetings.models import Meeting
from meetings.views import detail_context
from reports import word as word_export

from . import forms, services


def _again(
    request: HttpRequest, meeting: Meeting, name: str, form: Any, error: ValidationError | None = None
) -> HttpResponse:
    """The meeting page again, the step's form bound to what was typed, with its Thai errors (400)."""
    form.is_valid()  # errors of the fields first, then the step's own
    if error is not None:
        for message in error.messages:
            form.add_error(None, message)
    context = detail_context(request, meeting)
    context["minutes_forms"] = {name: form}
    return render(request, "meetings/meeting_detail.html", context, status=400)


def _done(request: HttpRequest, meeting: Meeting, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(meeting)


@login_required
@require_POST
def send_for_check(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.SEND_FOR_CHECK)
    form = forms.SendForCheckForm(request.POST, checkers=policy.possible_checkers(request.user, meeting))
    if not form.is_valid():
        return _again(request, meeting, "send", form)
    try:
        services.send_for_checking(meeting=meeting, checker=form.cleaned_data["checker"], user=request.user)
    except ValidationError as error:
        return _again(request, meeting, "send", form, error)
    return _done(request, meeting, f"ส่งรายงานการประชุมให้ {forms.checker_label(form.cleaned_data['checker'])} ตรวจแล้ว")


@login_required
@require_POST
def check(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.CHECK)
    form = forms.CheckForm(request.POST)
    if not form.is_valid():
        return _again(request, meeting, "check", form)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.check_minutes(
            meeting=meeting, user=request.user, approve=approve, comment=form.cleaned_data["comment"]
        )
    except ValidationError as error:
        return _again(request, meeting, "check", form, error)
    return _done(request, meeting, "ตรวจรายงานการประชุมแล้ว" if approve else "ส่งรายงานการประชุมกลับให้แก้ไขแล้ว")


@login_required
@require_POST
def certify_at_next_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.CERTIFY)
    form = forms.CertifyForm(request.POST)
    if not form.is_valid():
        return _again(request, meeting, "certify", form)
    try:
        certification = services.certify_at_next_meeting(
            meeting=meeting,
            outcome=form.cleaned_data["outcome"],
            amendments=form.cleaned_data["amendments"],
            user=request.user,
        )
    except ValidationError as error:
        return _again(request, meeting, "certify", form, error)
    when = thai.be_date(certification.certifying_meeting.starts_at)
    return _done(request, meeting, f"บันทึกการรับรองในการประชุมวันที่ {when} แล้ว")


@login_required
@require_POST
def start_circulation(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.CERTIFY)
    try:
        certification = services.start_circulation(meeting=meeting, user=request.user)
    except ValidationError as error:
        return _again(request, meeting, "circulate", forms.NoticeForm({}), error)
    return _done(request, meeting, f"เวียนรับรองรายงานการประชุมถึงผู้รับรอง {certification.answers.count()} คนแล้ว")


@login_required
@require_POST
def answer_circulation(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.ANSWER_CIRCULATION)
    form = forms.AnswerForm(request.POST)
    if not form.is_valid():
        return _again(request, meeting, "answer", form)
    try:
        services.answer_circulation(
            meeting=meeting,
            user=request.user,
            answer=form.cleaned_data["answer"],
            amendment=form.cleaned_data["amendment"],
        )
    except ValidationError as error:
        return _again(request, meeting, "answer", form, error)
    return _done(request, meeting, "บันทึกคำตอบการเวียนรับรองของท่านแล้ว")


@login_required
@require_POST
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.SIGN)
    form = forms.SignForm(request.POST, roles=services.roles_to_sign(request.user, meeting))
    if not form.is_valid():
        return _again(request, meeting, "sign", form)
    try:
        signature = services.sign(
            meeting=meeting,
            user=request.user,
            role=form.cleaned_data["role"],
            typed_name=form.cleaned_data["typed_name"],
        )
    except ValidationError as error:
        return _again(request, meeting, "sign", form, error)
    return _done(request, meeting, f"ลงนามในฐานะ{signature.get_role_display()}แล้ว")


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.PUBLISH)
    try:
        stored = services.publish(meeting=meeting, user=request.user)
    except ValidationError as error:
        return _again(request, meeting, "publish", forms.NoticeForm({}), error)
    return _done(request, meeting, f"เผยแพร่รายงานการประชุมแล้ว (ฉบับเผยแพร่ที่ {stored.number})")


@require_GET
def published_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """A stored PDF exactly as published: public while its meeting is published (see policy)."""
    try:
        stored = policy.get_published_minutes_for_user(request.user, pk)
    except PermissionDenied:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise
    response = HttpResponse(bytes(stored.content), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=stored.filename)
    response["Content-Length"] = str(stored.size)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def word(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes as a Word file, in the official form, to finish editing in Word or LibreOffice."""
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.EXPORT_WORD)
    content, filename = word_export.minutes_docx(meeting)
    response = HttpResponse(content, content_type=word_export.CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
