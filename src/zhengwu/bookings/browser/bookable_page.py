"""The page of a bookable service (its default view): what it is, its rules in
plain words, and the coming days with places left, a day picker made of links
(no script needed) and the chosen day's time slots with their 预约 links."""

import datetime
from urllib.parse import urlencode

from AccessControl import getSecurityManager
from Products.Five.browser import BrowserView

from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings.browser.wording import day_label
from zhengwu.bookings.browser.wording import long_day
from zhengwu.bookings.browser.wording import rules_in_words
from zhengwu.content.bookable import KINDS
from zhengwu.theming.portlets import without_portlets
from zhengwu.vocabularies.language import language_of

KIND_LABELS = dict(KINDS)


def parse_iso_day(value):
    """A date from ``YYYY-MM-DD`` in a query string, or None."""
    if not isinstance(value, str) or len(value) != len("2030-01-01"):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def day_state(answer):
    if not answer["open"]:
        return "closed"
    if not any(slot["available"] for slot in answer["slots"]):
        return "full"
    return "open"


class BookableView(BrowserView):
    def __call__(self):
        without_portlets(self.request)
        self.language = language_of(self.context)
        self.moment = rules.now()
        first, last = rules.horizon(self.context, self.moment)
        calendar = service.site_calendar()
        self.answers = [
            service.day_slots(
                self.context, first + datetime.timedelta(days), self.moment, calendar
            )
            for days in range((last - first).days + 1)
        ]
        self.chosen = self._chosen(parse_iso_day(self.request.form.get("date")))
        return self.index()

    def _chosen(self, asked):
        """The asked day when it is in the horizon, else the first day with places."""
        for answer in self.answers:
            if asked is not None and answer["date"] == asked.isoformat():
                return answer
        for answer in self.answers:
            if day_state(answer) == "open":
                return answer
        return self.answers[0]

    # what the template shows

    def kind(self):
        return KIND_LABELS.get(getattr(self.context, "kind", None))

    def rules(self):
        return rules_in_words(self.context, self.request)

    def guide(self):
        """The related guide, when the visitor may see it."""
        relation = getattr(self.context, "guide", None)
        guide = getattr(relation, "to_object", None) if relation else None
        if guide is None or not _can_view(guide):
            return None
        return {"title": guide.Title(), "url": guide.absolute_url()}

    def days(self):
        base = self.context.absolute_url()
        return [
            {
                "date": answer["date"],
                "label": day_label(datetime.date.fromisoformat(answer["date"])),
                "state": day_state(answer),
                "remaining": answer["remaining"],
                "selected": answer is self.chosen,
                "url": f"{base}?{urlencode({'date': answer['date']})}#zw-booking-slots",
            }
            for answer in self.answers
        ]

    def chosen_day(self):
        day = datetime.date.fromisoformat(self.chosen["date"])
        return {
            "date": self.chosen["date"],
            "title": long_day(day, self.language),
            "state": day_state(self.chosen),
            "waiting_list": self.chosen["waiting_list"],
        }

    def slots(self):
        base = f"{self.context.absolute_url()}/@@book"
        day = datetime.date.fromisoformat(self.chosen["date"])
        waiting = self.chosen["open"] and self.chosen["waiting_list"]
        rows = []
        for slot in self.chosen["slots"]:
            bookable = slot["available"] or (
                waiting
                and rules.still_bookable(
                    self.context,
                    day,
                    rules.find_slot(self.context, slot["slot"]),
                    self.moment,
                )
            )
            query = urlencode({"date": self.chosen["date"], "slot": slot["slot"]})
            rows.append(
                {
                    "slot": slot["slot"],
                    "remaining": slot["remaining"],
                    "places": slot["places"],
                    "available": slot["available"],
                    "url": f"{base}?{query}" if bookable else None,
                    "waiting": bookable and not slot["available"],
                }
            )
        return rows


def _can_view(obj):
    return bool(getSecurityManager().checkPermission("View", obj))
