"""``GET <bookable>/@slots?date=YYYY-MM-DD[&days=N]``: slots and places left.

Without ``date`` today (China time); ``days`` (1 to 31) answers that many days
from ``date``. Public: places left are no personal data.
"""

import datetime

from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bounds.limits import whole_number
from zhengwu.services.booking_access import BookableService
from zhengwu.services.booking_access import parse_day

MAX_DAYS = 31


class SlotsGet(BookableService):
    def answer(self):
        moment = rules.now()
        today = moment.astimezone(rules.TIMEZONE).date()
        first = parse_day(self.request.form.get("date"), default=today)
        days = whole_number(self.request.form.get("days"), "days", 1, 1, MAX_DAYS)
        calendar = service.site_calendar()
        answers = [
            service.day_slots(
                self.context, first + datetime.timedelta(days=n), moment, calendar
            )
            for n in range(days)
        ]
        start, last = rules.horizon(self.context, moment)
        result = {
            "@id": f"{self.context.absolute_url()}/@slots",
            "kind": self.context.kind,
            "bookable_from": start.isoformat(),
            "bookable_until": last.isoformat(),
            "account_required": bool(self.context.account_required),
            "max_companions": self.context.max_companions or 0,
            "days": answers,
        }
        if days == 1:
            result.update(answers[0])
        return result
