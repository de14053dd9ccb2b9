"""Django admin for every model, in Thai, with search and filters (admins only)."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from directives.models import Directive
from history import services as history
from lamphun_portal.admin_columns import year_column
from lamphun_portal.lib import thai
from meetings.models import AgendaItem, Attendance, Meeting, Office, Person

admin.site.site_header = _("ระบบบันทึกการประชุม พช.ลำพูน – จัดการระบบ")
admin.site.site_title = _("ระบบบันทึกการประชุม พช.ลำพูน – จัดการระบบ")
admin.site.index_title = _("ผู้ดูแลระบบ")


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "meeting_numbering"]
    list_filter = ["kind", "meeting_numbering"]
    search_fields = ["name", "short_name", "district"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "position", "office", "user"]
    list_filter = ["office"]
    search_fields = ["first_name", "last_name", "position"]
    autocomplete_fields = ["office", "user"]
    list_select_related = ["office", "user"]

    @admin.display(description=_("ชื่อ-นามสกุล"), ordering="first_name")
    def full_name(self, person: Person) -> str:
        return person.full_name


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "substitute_for"]


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    autocomplete_fields = ["presenter"]


class DirectiveInline(admin.StackedInline):
    model = Directive
    extra = 0
    autocomplete_fields = ["issued_by", "programs", "responsible_offices"]
    fk_name = "meeting"


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "be_starts_at", "organizer", "fiscal_year_shown", "attendee_count", "status"]
    list_filter = ["status", "fiscal_year", "organizer"]
    search_fields = ["title", "venue", "summary", "chair__first_name", "chair__last_name"]
    autocomplete_fields = ["organizer", "chair", "minute_taker", "minutes_checker", "programs"]
    # The status moves only through the lifecycle steps on the meeting's page, which record who and when.
    readonly_fields = ["status", "fiscal_year_shown", "version", "created_at", "updated_at"]
    fiscal_year_shown = year_column("fiscal_year", Meeting._meta.get_field("fiscal_year").verbose_name)
    date_hierarchy = "starts_at"
    list_select_related = ["organizer"]
    inlines = [AttendanceInline, AgendaItemInline, DirectiveInline]

    def save_model(self, request: HttpRequest, obj: Meeting, form: Any, change: bool) -> None:
        if change:
            # Also when reverting to an older version here: its status and version number are not brought back.
            current = Meeting.objects.select_for_update().get(pk=obj.pk)
            obj.status, obj.version = current.status, current.version + 1
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Meeting) -> None:
        # Through the history service, so the meeting can be restored whole (/meetings/deleted/).
        history.delete_meeting(meeting=obj, user=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Meeting]) -> None:
        for meeting in queryset:
            history.delete_meeting(meeting=meeting, user=request.user)

    @admin.display(description=_("วันที่ประชุม"), ordering="starts_at")
    def be_starts_at(self, meeting: Meeting) -> str:
        return f"{thai.be_date(meeting.starts_at)} {thai.thai_time(meeting.starts_at)}"


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting"]
    search_fields = ["heading", "discussion", "resolution"]
    autocomplete_fields = ["meeting", "presenter"]


@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "role", "presence", "headcount"]
    list_filter = ["role", "presence"]
    search_fields = ["group_name", "person__first_name", "person__last_name"]
    autocomplete_fields = ["meeting", "person", "substitute_for"]
