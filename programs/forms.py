"""Forms of the program pages: they only validate."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lamphun_portal.lib.uploads import UploadValidator
from programs import importers
from programs.models import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, Participation, Program


def _fiscal_year_field(initial: int | None = None) -> forms.IntegerField:
    message = _("ใส่ปีงบประมาณเป็นปี พ.ศ. เช่น 2564")
    return forms.IntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"),
        initial=initial,
        min_value=MIN_FISCAL_YEAR,
        max_value=MAX_FISCAL_YEAR,
        error_messages={
            "required": _("ระบุปีงบประมาณ"),
            "invalid": message,
            "min_value": message,
            "max_value": message,
        },
    )


class CsvUploadForm(forms.Form):
    fiscal_year = _fiscal_year_field()
    file = forms.FileField(
        label=_("ไฟล์ CSV"),
        help_text=_("ไฟล์ CSV แบบ UTF-8 (บันทึกจาก Excel เป็น “CSV UTF-8”) แถวแรกเป็นหัวตารางภาษาไทย"),
        error_messages={"required": _("เลือกไฟล์ CSV ที่จะอัปโหลด"), "empty": _("ไฟล์ว่าง ไม่มีข้อมูล")},
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise ValidationError(_("ต้องเป็นไฟล์ .csv — ใน Excel เลือกบันทึกเป็น “CSV UTF-8”"))
        if upload.size > importers.MAX_BYTES:
            raise ValidationError(_("ไฟล์ใหญ่เกิน 2 MB — แบ่งเป็นหลายไฟล์"))
        try:
            text = importers.decode(upload.read())
        except ValueError as error:
            raise ValidationError(str(error)) from None
        # The bytes, not the name: binary content renamed .csv is refused too (issue #7).
        UploadValidator(kinds=("csv",), max_bytes=importers.MAX_BYTES)(upload)
        return text


class CsvConfirmForm(forms.Form):
    """The checked file comes back as text; it is checked again before anything is saved."""

    fiscal_year = _fiscal_year_field()
    text = forms.CharField(widget=forms.HiddenInput, strip=False, max_length=importers.MAX_BYTES)


class FiscalYearChoiceForm(forms.Form):
    year = forms.TypedChoiceField(label=_("ปีงบประมาณ"), coerce=int, choices=())

    def __init__(self, *args: object, years: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, f"พ.ศ. {year}") for year in years]


# Figures a program cannot do without (the model's clean() says so too; here the form marks them).
KIND_REQUIRED = {
    Program.Kind.KHOK_NONG_NA: {
        "households": _("ระบุจำนวนครัวเรือนที่เข้าร่วม"),
        "plots": _("ระบุจำนวนแปลง"),
        "area_rai": _("ระบุพื้นที่เป็นไร่"),
    },
    Program.Kind.NAM_PHATCHARATHAM: {"water_status": _("เลือกสถานะการบริหารจัดการน้ำ")},
    Program.Kind.GENERAL: {},
}

KIND_FIELDS = {
    Program.Kind.KHOK_NONG_NA: ["households", "plots", "area_rai", "status", "note"],
    Program.Kind.NAM_PHATCHARATHAM: ["activities", "water_status", "participants", "status", "note"],
    Program.Kind.GENERAL: ["participants", "status", "note"],
}


class ParticipationForm(forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["households", "plots", "area_rai", "participants", "activities", "water_status", "status", "note"]
        widgets = {
            "activities": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: object, program: Program, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        keep = KIND_FIELDS[program.kind]
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        for name, message in KIND_REQUIRED[program.kind].items():
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = message
        self.fields["status"].error_messages["required"] = _("เลือกสถานะ")
        for name in ("households", "plots", "participants", "area_rai"):
            if name in self.fields:
                self.fields[name].error_messages["invalid"] = _("ใส่เป็นตัวเลข")
                self.fields[name].widget.attrs.update({"inputmode": "decimal" if name == "area_rai" else "numeric"})

    def _update_errors(self, errors: ValidationError) -> None:
        # A field that already failed here (not a number) needs no second message from the model's
        # clean() ("ระบุจำนวนแปลง"): the one next to the field says what to fix.
        if hasattr(errors, "error_dict"):
            errors.error_dict = {name: e for name, e in errors.error_dict.items() if name not in self.errors}
            if not errors.error_dict:
                return
        super()._update_errors(errors)
