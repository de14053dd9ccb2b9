"""Read-only JSON API under /api/v1/: meetings, directives with their follow-up trail, programs.

Session or token authentication; the same roles as the pages (an account without a role is refused).
The same filters as the directive list, and `q` for Thai search (meetings/search.py).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from lamphun_portal import policy

from . import search
from .api_permissions import IsReader
from .directive_filters import filter_directives
from .directive_forms import MAX_ID_DIGITS, MAX_QUERY_LENGTH, NULL_CHARACTERS, QUERY_TOO_LONG, DirectiveFilterForm
from .models import Directive, DirectiveUpdate, Meeting, Program, SearchToken


class MeetingSerializer(serializers.ModelSerializer):
    organizer = serializers.CharField(source="organizer.name")
    chair = serializers.SerializerMethodField()
    programs = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    number_label = serializers.CharField()
    url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "number_label",
            "organizer",
            "starts_at",
            "ends_at",
            "venue",
            "fiscal_year",
            "chair",
            "attendee_count",
            "status",
            "programs",
            "url",
        ]

    def get_chair(self, meeting: Meeting) -> str | None:
        return meeting.chair.full_name if meeting.chair_id else None


class DirectiveUpdateSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.name")

    class Meta:
        model = DirectiveUpdate
        fields = ["id", "reported_on", "office", "note", "new_status"]


class DirectiveMeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ["id", "title", "starts_at", "fiscal_year"]


class DirectiveSerializer(serializers.ModelSerializer):
    meeting = DirectiveMeetingSerializer()
    issued_by = serializers.SerializerMethodField()
    responsible_offices = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    programs = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    is_overdue = serializers.SerializerMethodField()
    updates = DirectiveUpdateSerializer(many=True)

    class Meta:
        model = Directive
        fields = [
            "id",
            "text",
            "meeting",
            "issued_by",
            "responsible_offices",
            "programs",
            "due_date",
            "priority",
            "status",
            "is_overdue",
            "updates",
        ]

    def get_issued_by(self, directive: Directive) -> str | None:
        return directive.issued_by.full_name if directive.issued_by_id else None

    def get_is_overdue(self, directive: Directive) -> bool:
        return directive.is_overdue(self.context.get("today"))


class ProgramSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Program
        fields = ["id", "code", "name", "description", "kind", "url"]


def _search_query(params: Any) -> str:
    """The ``q`` parameter, refused with a Thai message when it is longer than any real search."""
    query = params.get("q", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        raise ValidationError({"q": [QUERY_TOO_LONG]})
    if "\x00" in query:
        raise ValidationError({"q": [NULL_CHARACTERS]})
    return query


def _ranked(queryset: QuerySet, query: str, kind: int) -> QuerySet:
    return queryset.filter(pk__in=search.ranked_ids(query, kind)) if query.strip() else queryset


QUERY = OpenApiParameter("q", OpenApiTypes.STR, description="ค้นหาภาษาไทย (คำในชื่อ เนื้อหา ชื่อบุคคล สถานที่)")


@extend_schema_view(
    list=extend_schema(
        parameters=[
            QUERY,
            OpenApiParameter("fiscal_year", OpenApiTypes.INT, description="ปีงบประมาณ พ.ศ. เช่น 2564"),
            OpenApiParameter("program", OpenApiTypes.STR, description="รหัสโครงการ เช่น khok-nong-na"),
            OpenApiParameter("status", OpenApiTypes.STR, enum=Meeting.Status.values),
            OpenApiParameter("organizer", OpenApiTypes.INT, description="รหัสหน่วยงานที่จัดประชุม"),
        ]
    )
)
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    permission_classes = [IsReader]

    def get_queryset(self) -> QuerySet[Meeting]:
        meetings = policy.readable_meetings(
            self.request.user, Meeting.objects.select_related("organizer", "chair").prefetch_related("programs")
        )
        if self.action != "list":
            return meetings
        params = self.request.query_params
        query = _search_query(params)
        errors = {}
        if params.get("fiscal_year"):
            if not (params["fiscal_year"].isdigit() and len(params["fiscal_year"]) == 4):
                errors["fiscal_year"] = [_("ปีงบประมาณต้องเป็นตัวเลข ปี พ.ศ. เช่น 2564")]
            else:
                meetings = meetings.in_fiscal_year(int(params["fiscal_year"]))
        if params.get("status"):
            if params["status"] not in Meeting.Status.values:
                errors["status"] = [_("สถานะไม่ถูกต้อง")]
            meetings = meetings.filter(status=params["status"])
        if params.get("program"):
            meetings = meetings.filter(programs__code=params["program"])
        if params.get("organizer"):
            if not (params["organizer"].isdigit() and len(params["organizer"]) <= MAX_ID_DIGITS):
                errors["organizer"] = [_("รหัสหน่วยงานต้องเป็นตัวเลข")]
            else:
                meetings = meetings.filter(organizer_id=int(params["organizer"]))
        if errors:
            raise ValidationError(errors)
        return _ranked(meetings, query, SearchToken.Kind.MEETING).order_by("-starts_at", "-pk")


@extend_schema_view(
    list=extend_schema(
        parameters=[
            QUERY,
            OpenApiParameter("fiscal_year", OpenApiTypes.INT, description="ปีงบประมาณ พ.ศ. เช่น 2564"),
            OpenApiParameter("program", OpenApiTypes.STR, description="รหัสโครงการ เช่น khok-nong-na"),
            OpenApiParameter("status", OpenApiTypes.STR, enum=Directive.Status.values),
            OpenApiParameter("office", OpenApiTypes.INT, description="รหัสหน่วยงานรับผิดชอบ"),
            OpenApiParameter("issuer", OpenApiTypes.INT, description="รหัสบุคคลผู้สั่งการ"),
            OpenApiParameter("overdue", OpenApiTypes.BOOL, description="เฉพาะที่เลยกำหนด"),
            OpenApiParameter("sort", OpenApiTypes.STR, enum=[value for value, _ in DirectiveFilterForm.SORTS]),
        ]
    )
)
class DirectiveViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DirectiveSerializer
    permission_classes = [IsReader]

    def get_queryset(self) -> QuerySet[Directive]:
        directives = policy.readable_directives(
            self.request.user,
            Directive.objects.select_related("meeting", "issued_by").prefetch_related(
                "responsible_offices",
                "programs",
                Prefetch("updates", DirectiveUpdate.objects.select_related("office").order_by("reported_on", "pk")),
            ),
        )
        if self.action != "list":
            return directives
        form = DirectiveFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        return filter_directives(directives, form.cleaned_data)

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "today": timezone.localdate()}


@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("q", OpenApiTypes.STR, description="ชื่อโครงการ")]))
class ProgramViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProgramSerializer
    permission_classes = [IsReader]

    def get_queryset(self) -> QuerySet[Program]:
        programs = Program.objects.order_by("sort_key")
        query = _search_query(self.request.query_params) if self.action == "list" else ""
        if query:
            # A handful of programs: matching their names directly is cheaper than the index.
            programs = programs.filter(name__icontains=query) | programs.filter(
                name__icontains=" ".join(search.query_words(query))
            )
        return programs
