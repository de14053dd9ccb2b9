"""Admins set each office's notification e-mail and LINE group, and read the delivery log."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.template.defaultfilters import linebreaksbr

from lamphun_portal import policy

from .models import Delivery, OfficeChannels


@admin.register(OfficeChannels)
class OfficeChannelsAdmin(admin.ModelAdmin):
    list_display = ["office", "email", "line_group_id"]
    search_fields = ["office__name", "email"]
    autocomplete_fields = ["office"]
    list_select_related = ["office"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The delivery log: read-only, what went where, how many tries, and why one failed."""

    list_display = ["created_at", "office", "channel", "address", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "channel", "office"]
    search_fields = ["address", "digest__subject", "office__name"]
    list_select_related = ["office"]
    date_hierarchy = "created_at"
    fields = [
        "office",
        "channel",
        "address",
        "status",
        "attempts",
        "next_attempt_at",
        "claimed_at",
        "sent_at",
        "last_error",
        "retry_key",
        "subject",
        "message",
        "created_at",
    ]
    readonly_fields = fields

    @admin.display(description="หัวเรื่อง")
    def subject(self, delivery: Delivery) -> str:
        return delivery.digest.subject

    @admin.display(description="ข้อความ")
    def message(self, delivery: Delivery) -> str:
        digest = delivery.digest
        return linebreaksbr(digest.line_text if delivery.channel == Delivery.Channel.LINE else digest.body, True)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return policy.can_read_delivery_log(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Delivery | None = None) -> bool:
        return policy.can_read_delivery_log(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Delivery | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Delivery | None = None) -> bool:
        return False
