"""What the API answers for each record: the fields clients read (kept as they are; clients depend on them)."""

from __future__ import annotations

from rest_framework import serializers

from directives.models import Directive, DirectiveUpdate
from meetings.models import Meeting
from programs.models import Program


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
