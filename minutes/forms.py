"""The forms of the minutes' steps: they validate what was typed; minutes/services.py applies the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lamphun_portal.lib.formfields import RowChoiceField

from .models import Outcome, Signature


class NoticeForm(forms.Form):
    """A step with nothing to type (start a circulation, publish): carries the step's Thai error back to the page."""


class SendForCheckForm(forms.Form):
    checker = RowChoiceField(
        label=_("ผู้ตรวจรายงานการประชุม"),
        queryset=None,
        empty_label=_("— เลือกผู้ตรวจ —"),
        error_messages={"required": _("กรุณาเลือกผู้ตรวจรายงานการประชุม"), "invalid_choice": _("ผู้ตรวจที่เลือกไม่ถูกต้อง")},
    )

    def __init__(self, *args: Any, checkers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["checker"].queryset = checkers
        self.fields["checker"].label_from_instance = checker_label


def checker_label(user: Any) -> str:
    person = getattr(user, "person", None)
    if person is not None:
        return f"{person.full_name} {person.position}".strip()
    return user.get_full_name() or user.username


class CheckForm(forms.Form):
    DECISIONS = (("approve", _("ตรวจแล้ว ถูกต้อง")), ("return", _("ส่งกลับให้แก้ไข")))

    decision = forms.ChoiceField(
        label=_("ผลการตรวจ"), choices=DECISIONS, error_messages={"required": _("กรุณาเลือกผลการตรวจ")}
    )
    comment = forms.CharField(label=_("ความเห็นของผู้ตรวจ"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("กรุณาระบุความเห็นว่าต้องแก้ไขอะไร ก่อนส่งกลับ"))
        return data


class CertifyForm(forms.Form):
    """The next meeting's decision in its agenda item 2."""

    outcome = forms.ChoiceField(
        label=_("มติที่ประชุมครั้งถัดไป"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("กรุณาเลือกผลการรับรอง")},
    )
    amendments = forms.CharField(label=_("การแก้ไข"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("outcome") == Outcome.AMENDED and not (data.get("amendments") or "").strip():
            self.add_error("amendments", _("รับรองโดยมีการแก้ไข: กรุณาระบุการแก้ไข"))
        return data


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("คำตอบการเวียนรับรอง"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("กรุณาเลือกคำตอบ")},
    )
    amendment = forms.CharField(label=_("ขอแก้ไข"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("answer") == Outcome.AMENDED and not (data.get("amendment") or "").strip():
            self.add_error("amendment", _("รับรองโดยมีการแก้ไข: กรุณาระบุการแก้ไข"))
        return data


class SignForm(forms.Form):
    role = forms.ChoiceField(
        label=_("ลงนามในฐานะ"), choices=Signature.Role.choices, error_messages={"required": _("กรุณาเลือกฐานะที่ลงนาม")}
    )
    typed_name = forms.CharField(
        label=_("พิมพ์ชื่อ-นามสกุลของท่านเพื่อลงนาม"),
        max_length=300,
        error_messages={"required": _("กรุณาพิมพ์ชื่อ-นามสกุลของท่านเพื่อลงนาม")},
    )

    def __init__(self, *args: Any, roles: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if roles:
            self.fields["role"].choices = [(role, Signature.Role(role).label) for role in roles]
            self.fields["role"].initial = roles[0]
