"""Django admin for programs, the village register and program records (admins add villages here)."""

from django.contrib import admin

from lamphun_portal.admin_columns import year_column
from programs.models import Community, OtopRating, OtopSales, Participation, ProducerGroup, Program


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code", "description"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name", "moo", "tambon", "district", "households"]
    list_filter = ["district"]
    search_fields = ["name", "tambon", "district"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = [
        "community",
        "program",
        "fiscal_year_shown",
        "status",
        "households",
        "plots",
        "area_rai",
        "participants",
    ]
    list_filter = ["program", "fiscal_year", "community__district", "status"]
    search_fields = ["community__name", "community__tambon", "note", "activities"]
    autocomplete_fields = ["community"]
    list_select_related = ["community", "program"]
    readonly_fields = ["updated_by", "updated_at"]
    fiscal_year_shown = year_column("fiscal_year", Participation._meta.get_field("fiscal_year").verbose_name)


class OtopRatingInline(admin.TabularInline):
    model = OtopRating
    extra = 0


class OtopSalesInline(admin.TabularInline):
    model = OtopSales
    extra = 0


@admin.register(ProducerGroup)
class ProducerGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "community", "category", "products"]
    list_filter = ["category", "community__district"]
    search_fields = ["name", "products", "community__name"]
    autocomplete_fields = ["community"]
    list_select_related = ["community"]
    inlines = [OtopRatingInline, OtopSalesInline]
