"""{% minutes_panel meeting %}: the minutes' way after the meeting, on the meeting page (templates/minutes/_panel.html).

What is shown and which forms come with it is asked of lamphun_portal/policy.py, as every door of the portal does.
"""

from __future__ import annotations

from typing import Any

from django import template

from lamphun_portal import policy
from meetings.models import Meeting
from minutes import forms, services
from minutes.models import Certification, MinutesReview, ReviewStep, Signature

register = template.Library()


def person_name(user: Any) -> str:
    """The name the panel prints (no position: it is kept on one line)."""
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.full_name if person is not None else (user.get_full_name() or user.username)


@register.inclusion_tag("minutes/_panel.html", takes_context=True)
def minutes_panel(context: template.Context, meeting: Meeting) -> dict[str, Any]:
    request = context["request"]
    user = request.user
    bound = context.get("minutes_forms") or {}
    # The review and the certification, read once with the names the panel prints, serve the policy's questions
    # below too (it reads them through the same one-to-one accessors).
    review = (
        MinutesReview.objects.filter(meeting=meeting).select_related("drafted_by__person", "checker__person").first()
    )
    certification = (
        Certification.objects.filter(meeting=meeting).select_related("certifying_meeting", "agenda_item").first()
    )
    meeting._state.fields_cache["minutes_review"] = review
    meeting._state.fields_cache["certification"] = certification
    can = {action: policy.allows(user, action, meeting) for action in _ACTIONS}
    answers = list(certification.answers.select_related("member__person")) if certification else []
    signatures = {s.role: s for s in meeting.minutes_signatures.all()}
    signers = services.signers(meeting, review) if meeting.status in Meeting.CERTIFIED_STATUSES else {}
    blocks = [
        {"role": label, "signer": person_name(signers.get(role)), "signature": signatures.get(role)}
        for role, label in Signature.Role.choices
    ]
    steps = ReviewStep.objects.filter(meeting=meeting).select_related("by__person") if review else []
    forms_shown = {
        "send": bound.get("send")
        or (
            forms.SendForCheckForm(checkers=policy.possible_checkers(user, meeting)) if can["send_for_check"] else None
        ),
        "check": bound.get("check") or (forms.CheckForm() if can["check"] else None),
        "certify": bound.get("certify") or (forms.CertifyForm() if can["certify"] else None),
        "answer": bound.get("answer") or (forms.AnswerForm() if can["answer_circulation"] else None),
        "sign": bound.get("sign")
        or (forms.SignForm(roles=services.roles_to_sign(user, meeting)) if can["sign"] else None),
        "circulate": bound.get("circulate"),
        "publish": bound.get("publish"),
    }
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "meeting": meeting,
        "can": can,
        "forms": forms_shown,
        "review": review,
        "drafted_by": person_name(review.drafted_by) if review else "",
        "checker": person_name(review.checker) if review else "",
        "steps": [(step, person_name(step.by)) for step in steps],
        "certification": certification,
        "answers": [(row, person_name(row.member)) for row in answers],
        "next_meeting": services.next_in_series(meeting) if can["certify"] else None,
        "blocks": blocks if meeting.status in Meeting.CERTIFIED_STATUSES else [],
        "missing": services.missing_signatures(meeting) if can["publish"] else [],
        "versions": list(services.published_versions(meeting)),
    }


_ACTIONS = ("send_for_check", "check", "certify", "answer_circulation", "sign", "publish", "export_word")
