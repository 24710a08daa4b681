"""``@@bookings-load``: places booked against capacity per day (预约负荷).

The range is the bookable's horizon unless ``from``/``to`` say otherwise, at most
``MAX_DAYS`` days. Capacity is the day's places (the slots' sum within the daily
quota), 0 on a closed day; booked are the places held (booked, checked in, not
come). Drawn as an inline SVG (``chart.py``) with the same numbers in a table.
"""

from Products.Five.browser import BrowserView
from zope.i18n import translate

from zhengwu.bookings import ledger as states
from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings.staff.chart import load_chart
from zhengwu.bookings.staff.ranges import RangeError
from zhengwu.bookings.staff.ranges import days_of
from zhengwu.bookings.staff.ranges import parse_range
from zhengwu.bookings.store import booking_store
from zhengwu.formatting import format_date
from zhengwu.vocabularies.language import language_of

MAX_DAYS = 90


def day_capacity(bookable, day, calendar):
    """The places ``bookable`` offers on ``day`` (0 when closed)."""
    if not rules.is_open(bookable, day, calendar):
        return 0
    day_rules = rules.day_rules(bookable)
    places = sum(day_rules.slots.values())
    if day_rules.daily_quota is not None:
        places = min(places, day_rules.daily_quota)
    return places


def load_rows(bookable, first, last, calendar):
    """Per day: the ISO day, places held and capacity."""
    store = booking_store(bookable)
    rows = []
    for day in days_of(first, last):
        ledger = store.ledger(day) if store is not None else None
        booked = 0
        if ledger is not None:
            booked = sum(
                b.places for b in ledger.entries.values() if b.state in states.HOLDING
            )
        rows.append(
            {
                "day": day,
                "booked": booked,
                "capacity": day_capacity(bookable, day, calendar),
            }
        )
    return rows


class LoadView(BrowserView):
    """The load chart and its table."""

    problem = None

    def __call__(self):
        first, last = rules.horizon(self.context, rules.now())
        try:
            first, last = parse_range(self.request.form, first, last, MAX_DAYS)
        except RangeError as error:
            self.problem = translate(error.message, context=self.request)
            self.request.response.setStatus(400)
        self.first, self.last = first, last
        return self.index()

    def rows(self):
        if self.problem:
            return []
        language = language_of(self.context)
        rows = load_rows(self.context, self.first, self.last, service.site_calendar())
        for row in rows:
            row["label"] = format_date(row["day"], language)
            row["short"] = f"{row['day'].month}/{row['day'].day}"
            row["iso"] = row["day"].isoformat()
        return rows

    def chart(self, rows):
        return load_chart(rows)

    def range_values(self):
        return {"from": self.first.isoformat(), "to": self.last.isoformat()}
