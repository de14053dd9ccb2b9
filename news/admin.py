from django.contrib import admin

from .models import MeetingPhoto


@admin.register(MeetingPhoto)
class MeetingPhotoAdmin(admin.ModelAdmin):
    list_display = ["meeting", "caption", "order", "uploaded_at"]
    list_select_related = ["meeting"]
    raw_id_fields = ["meeting"]
    readonly_fields = ["uploaded_by", "uploaded_at"]
