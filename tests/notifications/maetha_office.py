"""The แม่ทา district office (where district1 works) with people, e-mail addresses and a LINE group, and
directives of certified minutes given to it (the `maetha` fixture of tests/notifications/conftest.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User

from directives.models import Directive
from meetings.models import Meeting, Office

LINE_GROUP = "C" + "0123456789abcdef" * 2
OFFICE_EMAIL = "maetha@cdd.example"
DISTRICT1_EMAIL = "district1@cdd.example"
COLLEAGUE_EMAIL = "colleague@cdd.example"


@dataclass
class Maetha:
    office: Office
    district1: User
    colleague: User  # a second person of the office (turns e-mail off in some tests)
    meeting: Meeting

    def directive(self, text: str, *, due: dt.date | None, status: str = Directive.Status.ACKNOWLEDGED) -> Directive:
        """A directive of the certified meeting, given to แม่ทา."""
        directive = Directive.objects.create(
            meeting=self.meeting, order=self.meeting.directives.count() + 1, text=text, due_date=due, status=status
        )
        directive.responsible_offices.add(self.office)
        return directive
