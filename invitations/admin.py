from django.contrib import admin

from .models import Invitation, InvitationAttendee, InvitationLetter, InvitedPerson, MeetingDocument


class AttendeeInline(admin.TabularInline):
    model = InvitationAttendee
    extra = 0


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "office", "answer", "answered_at"]
    list_filter = ["answer"]
    inlines = [AttendeeInline]
    raw_id_fields = ["meeting"]


@admin.register(InvitationLetter)
class InvitationLetterAdmin(admin.ModelAdmin):
    list_display = ["subject", "number", "dated", "sent_at"]
    raw_id_fields = ["meeting"]


admin.site.register(InvitedPerson)
admin.site.register(MeetingDocument)
