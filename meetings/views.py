"""Meeting pages: the list, the minutes, the one-page form, lifecycle steps, and adding a person inline."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from directives.models import CarriedDirective, Directive
from directives.views import carried_forward_form
from lamphun_portal import policy
from meetings.models import Attendance, Meeting, MeetingSubmission, Office

from . import forms, services
from .queries import attendance_groups, whole_meeting

PAGE_SIZE = 20


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.Action.READ)
    meetings = policy.readable_meetings(request.user)
    years = list(meetings.order_by("-fiscal_year").values_list("fiscal_year", flat=True).distinct())
    offices = Office.objects.filter(pk__in=meetings.values("organizer"))
    filters = forms.MeetingFilterForm(request.GET or None, years=years, offices=offices)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["fiscal_year"]:
            meetings = meetings.in_fiscal_year(data["fiscal_year"])
        if data["office"]:
            meetings = meetings.filter(organizer=data["office"])
        if data["status"]:
            meetings = meetings.filter(status=data["status"])
    meetings = meetings.select_related("organizer", "chair").order_by("-starts_at", "-pk")
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "page": page,
            "filters": filters,
            "filtered": any(request.GET.get(name) for name in ("fiscal_year", "office", "status")),
            "query": query.urlencode(),
        },
    )


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk)
    return render(request, "meetings/meeting_detail.html", detail_context(request, meeting))


def detail_context(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    """What the meeting page shows (also when a step of the minutes shows it again with its errors)."""
    meeting = whole_meeting(meeting.pk)
    groups = attendance_groups(meeting.attendances.all())
    return {
        "meeting": meeting,
        "present": groups.present,
        "absent": groups.absent,
        "invited": groups.invited,
        "transitions": policy.allowed_transitions(request.user, meeting),
    }


def _form_choices(offices: Any, near: Office | None = None) -> dict[str, forms.Choices]:
    """The pickers' lists; offices nearest to ``near`` (the user's office) first."""
    return {
        "people": forms.person_choices(),
        "offices": forms.office_choices(near=near),
        "programs": forms.program_choices(),
        "organizers": forms.offices_nearest_first(offices, near),
    }


def _bound_forms(request: HttpRequest, meeting: Meeting, offices: Any) -> dict[str, Any]:
    """The meeting form and its three formsets, bound to the POST when there is one."""
    choices = _form_choices(offices, policy.office_of(request.user))
    data = request.POST if request.method == "POST" else None
    row_people = {"people": choices["people"]}
    return {
        "form": forms.MeetingForm(
            data,
            instance=meeting,
            organizers=choices["organizers"],
            people=choices["people"],
            programs=choices["programs"],
        ),
        "attendance": forms.AttendanceFormSet(
            data,
            instance=meeting,
            prefix="attendance",
            form_kwargs=row_people,
            queryset=Attendance.objects.filter(meeting=meeting.pk).select_related("person"),
        ),
        "agenda": forms.AgendaFormSet(data, instance=meeting, prefix="agenda", form_kwargs=row_people),
        "directives": forms.DirectiveFormSet(
            data,
            instance=meeting,
            prefix="directives",
            form_kwargs={k: choices[k] for k in ("people", "offices", "programs")},
            queryset=Directive.objects.filter(meeting=meeting.pk).select_related("agenda_item"),
        ),
    }


def _already_saved(request: HttpRequest, meeting: Meeting | None) -> HttpResponse:
    """The same new-meeting form sent again: show the meeting the first sending made."""
    if meeting is None:
        messages.info(request, "แบบฟอร์มนี้บันทึกไปแล้ว ระบบไม่ได้สร้างการประชุมซ้ำ (การประชุมที่บันทึกไว้ถูกลบไปแล้ว)")
        return redirect("meetings:list")
    messages.info(request, f"แบบฟอร์มนี้บันทึกไปแล้ว ระบบไม่ได้สร้างการประชุมซ้ำ นี่คือการประชุม “{meeting.title}” ที่บันทึกไว้")
    return redirect(meeting)


def _carried_form(request: HttpRequest, meeting: Meeting, offices: Any) -> Any:
    """The open directives of the organising office's earlier meetings, offered to be taken up again."""
    office = meeting.organizer if meeting.organizer_id else None
    chosen = request.POST.get("organizer", "") if request.method == "POST" else ""
    if chosen.isdigit() and len(chosen) <= 18:
        office = offices.filter(pk=int(chosen)).first() or office
    carried = {}
    if meeting.pk:
        links = CarriedDirective.objects.filter(agenda_item__meeting=meeting).select_related("directive__meeting")
        carried = {link.directive_id: link.resolution for link in links}
    form = carried_forward_form(
        request.POST if request.method == "POST" else None,
        user=request.user,
        office=office,
        before=meeting.starts_at,
        carried=carried,
    )
    form.office = office
    return form


def _edit(request: HttpRequest, meeting: Meeting, offices: Any) -> HttpResponse:
    parts = _bound_forms(request, meeting, offices)
    carried = _carried_form(request, meeting, offices)
    context: dict[str, Any] = {
        "meeting": meeting,
        "person_form": forms.PersonForm(prefix="new_person"),
        "carried": carried,
        **parts,
    }
    if request.method == "POST" and parts["form"].has_error(NON_FIELD_ERRORS, forms.ALREADY_SUBMITTED):
        submission = MeetingSubmission.objects.of_token(parts["form"].cleaned_data["submission_token"])
        return _already_saved(request, submission.meeting if submission else None)
    if request.method == "POST" and all([forms.validate_together(**parts), carried.is_valid()]):
        values = forms.submitted_meeting(**parts)
        values["carried"] = carried.rows() if carried.was_shown() else None
        try:
            saved = services.save_meeting(**values, user=request.user)
        except services.AlreadySubmittedError as submitted:
            return _already_saved(request, submitted.meeting)
        except services.StaleMeetingError as stale:
            # Keep everything typed; the next save, made knowingly, goes on top of the newer version.
            context["stale"] = stale
            parts["form"].data = parts["form"].data.copy()
            parts["form"].data["version"] = stale.meeting.version
        except IntegrityError:
            parts["form"].add_error(None, "บันทึกไม่สำเร็จ ข้อมูลซ้ำกับที่มีอยู่แล้ว กรุณาตรวจสอบครั้งที่ประชุม")
        else:
            messages.success(request, f"บันทึกการประชุม “{saved.title}” แล้ว")
            return redirect(saved)
    context["has_errors"] = request.method == "POST"
    return render(request, "meetings/meeting_form.html", context, status=409 if "stale" in context else 200)


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.Action.RECORD)
    offices = policy.recording_offices(request.user)
    meeting = Meeting()
    own = policy.office_of(request.user)
    if own is not None:
        meeting.organizer = own
    return _edit(request, meeting, offices)


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk, policy.Action.EDIT)
    offices = policy.recording_offices(request.user) | Office.objects.filter(pk=meeting.organizer_id)
    return _edit(request, meeting, offices.distinct())


@login_required
@require_POST
def meeting_transition(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policy.get_meeting_for_user(request.user, pk)
    to_status = request.POST.get("to_status", "")
    if to_status not in policy.allowed_transitions(request.user, meeting):
        raise PermissionDenied
    try:
        services.transition_meeting(meeting=meeting, to_status=to_status, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"เปลี่ยนสถานะรายงานการประชุมเป็น “{meeting.get_status_display()}” แล้ว")
    return redirect(meeting)


@login_required
@require_POST
def person_create(request: HttpRequest) -> JsonResponse:
    """Add a person from the meeting form (fetch); answers the new option or the Thai errors per field."""
    policy.require(request.user, policy.Action.RECORD)
    form = forms.PersonForm(request.POST, prefix="new_person")
    if not form.is_valid():
        return JsonResponse({"errors": {name: list(errs) for name, errs in form.errors.items()}}, status=422)
    person = form.save()
    return JsonResponse({"id": person.pk, "label": forms.person_label(person)}, status=201)
