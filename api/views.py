"""Read-only JSON API under /api/v1/: meetings, directives with their follow-up trail, programs.

Session or token authentication; the same roles as the pages (an account without a role is refused).
The same filters as the directive list, and `q` for Thai search (meetings/search.py). Each parameter is
declared once in meetings/api_params.py, which both checks it and describes it in the OpenAPI schema.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import viewsets
from rest_framework.exceptions import NotFound

from api.params import (
    FISCAL_YEAR,
    OVERDUE,
    PROGRAM,
    ApiPagination,
    ApiSchema,
    checked_id,
    choice_param,
    documented,
    id_param,
    read_query,
    search_param,
)
from api.permissions import IsReader
from api.serializers import DirectiveSerializer, MeetingSerializer, ProgramSerializer
from directives.forms import DirectiveFilterForm
from directives.models import Directive
from directives.queries import filter_directives
from lamphun_portal import policy
from meetings.models import Meeting
from meetings.queries import whole_meetings
from programs.models import Program
from search.models import Kind
from search.query import matching_ids
from search.words import query_words

MEETING_QUERY = search_param(_("ค้นหาภาษาไทย (คำในชื่อ เนื้อหา ชื่อบุคคล สถานที่) ไม่เกิน 200 ตัวอักษร"))
MEETING_FILTERS = [
    MEETING_QUERY,
    FISCAL_YEAR,
    PROGRAM,
    choice_param("status", Meeting.Status.values, _("สถานะของรายงานการประชุม"), _("สถานะไม่ถูกต้อง กรุณาเลือกจากรายการ")),
    id_param("organizer", _("รหัสหน่วยงานที่จัดประชุม"), _("รหัสหน่วยงานต้องเป็นจำนวนเต็มบวก ไม่เกิน 18 หลัก")),
]
DIRECTIVE_FILTERS = [
    MEETING_QUERY,
    FISCAL_YEAR,
    PROGRAM,
    choice_param("status", Directive.Status.values, _("สถานะของข้อสั่งการ"), _("สถานะไม่ถูกต้อง กรุณาเลือกจากรายการ")),
    id_param("office", _("รหัสหน่วยงานรับผิดชอบ"), _("รหัสหน่วยงานต้องเป็นจำนวนเต็มบวก ไม่เกิน 18 หลัก")),
    id_param("issuer", _("รหัสบุคคลผู้สั่งการ"), _("รหัสผู้สั่งการต้องเป็นจำนวนเต็มบวก ไม่เกิน 18 หลัก")),
    OVERDUE,
    choice_param(
        "sort",
        [value for value, _label in DirectiveFilterForm.SORTS],
        _("การเรียงลำดับ (ค่าเริ่มต้น -meeting_date: วันประชุมล่าสุดก่อน)"),
        _("การเรียงลำดับไม่ถูกต้อง กรุณาเลือกจากรายการ"),
    ),
]
PROGRAM_FILTERS = [search_param(_("ค้นหาในชื่อโครงการ ไม่เกิน 200 ตัวอักษร"))]


def _ranked(queryset: QuerySet, query: str, kind: int) -> QuerySet:
    return queryset.filter(pk__in=matching_ids(query, kind)) if query.strip() else queryset


def _filter_meetings(meetings: QuerySet[Meeting], filters: dict[str, Any]) -> QuerySet[Meeting]:
    """The meetings list's filters, already checked by read_query (an unknown program or office matches nothing)."""
    if "fiscal_year" in filters:
        meetings = meetings.in_fiscal_year(filters["fiscal_year"])
    if "status" in filters:
        meetings = meetings.filter(status=filters["status"])
    if "program" in filters:
        meetings = meetings.filter(programs__code=filters["program"])
    if "organizer" in filters:
        meetings = meetings.filter(organizer_id=filters["organizer"])
    return _ranked(meetings, filters.get("q", "").strip(), Kind.MEETING).order_by("-starts_at", "-pk")


def _filter_directives_by_query(directives: QuerySet[Directive], filters: dict[str, Any]) -> QuerySet[Directive]:
    """The directive list's filters, checked by read_query; ids and program codes that match nothing give nothing."""
    if "program" in filters:
        directives = directives.filter(programs__code=filters["program"])
    others = {name: value for name, value in filters.items() if name != "program"}
    return filter_directives(directives, {**others, "q": filters.get("q", "").strip()})


class ReadOnlyApiViewSet(viewsets.ReadOnlyModelViewSet):
    """What every endpoint shares: the readers' permission, strict page numbers and ids, Thai 404s."""

    permission_classes = [IsReader]
    pagination_class = ApiPagination
    schema = ApiSchema()
    # Every id reaches the view, which answers a JSON 404 for one that is not a positive integer
    # (with DRF's default "[^/.]+" an id such as "1.5" met Django's HTML 404 page).
    lookup_value_regex = "[^/]+"
    not_found = _("ไม่พบรายการนี้")

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if self.lookup_field in self.kwargs:
            self.kwargs[self.lookup_field] = checked_id(self.kwargs[self.lookup_field], self.not_found)

    def handle_exception(self, exc: Exception) -> Any:
        if isinstance(exc, Http404):
            exc = NotFound(self.not_found)
        return super().handle_exception(exc)


MEETING_NOT_FOUND = _("ไม่พบการประชุมนี้")
DIRECTIVE_NOT_FOUND = _("ไม่พบข้อสั่งการนี้")
PROGRAM_NOT_FOUND = _("ไม่พบโครงการนี้")


@documented(
    tag=_("การประชุม"),
    listing=_("รายการการประชุม (ล่าสุดก่อน)"),
    detail=_("การประชุมหนึ่งรายการ"),
    filters=MEETING_FILTERS,
    serializer=MeetingSerializer,
    id_description=_("รหัสการประชุม"),
    not_found=MEETING_NOT_FOUND,
)
class MeetingViewSet(ReadOnlyApiViewSet):
    serializer_class = MeetingSerializer
    not_found = MEETING_NOT_FOUND

    def get_queryset(self) -> QuerySet[Meeting]:
        if self.action != "list":
            # One meeting: read as the page and the PDF read it (meetings/queries.py).
            return policy.readable_meetings(self.request.user, whole_meetings())
        meetings = policy.readable_meetings(
            self.request.user, Meeting.objects.select_related("organizer", "chair").prefetch_related("programs")
        )
        return _filter_meetings(meetings, read_query(self.request.query_params, MEETING_FILTERS))


@documented(
    tag=_("ข้อสั่งการ"),
    listing=_("รายการข้อสั่งการ พร้อมผลการติดตาม"),
    detail=_("ข้อสั่งการหนึ่งรายการ พร้อมผลการติดตาม"),
    filters=DIRECTIVE_FILTERS,
    serializer=DirectiveSerializer,
    id_description=_("รหัสข้อสั่งการ"),
    not_found=DIRECTIVE_NOT_FOUND,
)
class DirectiveViewSet(ReadOnlyApiViewSet):
    serializer_class = DirectiveSerializer
    not_found = DIRECTIVE_NOT_FOUND

    def get_queryset(self) -> QuerySet[Directive]:
        directives = policy.readable_directives(
            self.request.user,
            Directive.objects.select_related("meeting", "issued_by").prefetch_related(
                "responsible_offices",
                "programs",
                Prefetch(
                    "updates",
                    policy.readable_directive_updates(self.request.user)
                    .select_related("office")
                    .order_by("reported_on", "pk"),
                ),
            ),
        )
        if self.action != "list":
            return directives
        return _filter_directives_by_query(directives, read_query(self.request.query_params, DIRECTIVE_FILTERS))

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "today": timezone.localdate()}


@documented(
    tag=_("โครงการ"),
    listing=_("รายการโครงการ/งาน"),
    detail=_("โครงการหนึ่งรายการ"),
    filters=PROGRAM_FILTERS,
    serializer=ProgramSerializer,
    id_description=_("รหัสโครงการ (ตัวเลข)"),
    not_found=PROGRAM_NOT_FOUND,
)
class ProgramViewSet(ReadOnlyApiViewSet):
    serializer_class = ProgramSerializer
    not_found = PROGRAM_NOT_FOUND

    def get_queryset(self) -> QuerySet[Program]:
        programs = Program.objects.order_by("sort_key")
        if self.action != "list":
            return programs
        query = read_query(self.request.query_params, PROGRAM_FILTERS).get("q", "").strip()
        if query:
            # A handful of programs: matching their names directly is cheaper than the index.
            programs = programs.filter(name__icontains=query) | programs.filter(
                name__icontains=" ".join(query_words(query))
            )
        return programs
