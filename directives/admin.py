"""Django admin for directives and their progress reports (admins only)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from directives.models import Directive, DirectiveUpdate


class DirectiveUpdateInline(admin.TabularInline):
    model = DirectiveUpdate
    extra = 0
    autocomplete_fields = ["office"]


@admin.register(Directive)
class DirectiveAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "issued_by", "due_date", "priority", "status"]
    list_filter = ["status", "priority", "programs", "responsible_offices", "meeting__fiscal_year"]
    search_fields = ["text", "meeting__title", "issued_by__first_name", "issued_by__last_name"]
    autocomplete_fields = ["meeting", "issued_by", "programs", "responsible_offices", "agenda_item"]
    list_select_related = ["meeting", "issued_by"]
    inlines = [DirectiveUpdateInline]


@admin.register(DirectiveUpdate)
class DirectiveUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["directive", "office", "reported_on", "new_status", "author"]
    list_filter = ["new_status", "office"]
    search_fields = ["note", "directive__text"]
    autocomplete_fields = ["directive", "office", "author"]
