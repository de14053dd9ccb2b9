"""The choices an admin makes when exporting."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .documents import PrintOptions


class ExportOptionsForm(forms.Form):
    thai_digits = forms.BooleanField(label=_("ใช้เลขไทย (๑ ๒ ๓)"), required=False)
    pdfa = forms.BooleanField(label=_("ไฟล์สำหรับจัดเก็บถาวร (PDF/A-3b)"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # The office's default digits (settings.PORTAL_THAI_DIGITS) come ticked on a fresh form.
        self.fields["thai_digits"].initial = bool(settings.PORTAL_THAI_DIGITS)

    def options(self) -> PrintOptions:
        """The ticked options; an unbound form gives the office's defaults."""
        if not self.is_bound:
            return PrintOptions.default()
        data = self.cleaned_data if self.is_valid() else {}
        return PrintOptions(thai_digits=bool(data.get("thai_digits")), pdfa=bool(data.get("pdfa")))
