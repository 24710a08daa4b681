"""``@@bookings-export?from=&to=&format=csv|xlsx``: booking counts, no personal data.

Per day and slot, the places in each state (``service.counts``): no names, ID
numbers, phones or references, so the file can be shared as it is. At most
``MAX_DAYS`` days; a bad range or format answers 400. The file name is Chinese,
sent per RFC 6266/5987 like ``@@powers-download``; text cells that a spreadsheet
would run as a formula are quoted.
"""

from urllib.parse import quote

from Products.Five.browser import BrowserView
from zope.i18n import translate

from zhengwu import _
from zhengwu.bookings import ledger as states
from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings.staff.presenting import state_titles
from zhengwu.bookings.staff.ranges import RangeError
from zhengwu.bookings.staff.ranges import parse_range
from zhengwu.powers.download import MEDIA_TYPES
from zhengwu.powers.sheet import write_sheet

MAX_DAYS = 366
FALLBACK_NAME = "booking-counts"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Numbers as they are; text a spreadsheet will not run as a formula."""
    if isinstance(value, int):
        return value
    text = str(value)
    return "'" + text if text[:1] in FORMULA_STARTS else text


def count_rows(bookable, first, last):
    """[date, slot, places per state ...] of every day and slot with bookings."""
    return [
        [safe_cell(row["date"]), safe_cell(row["slot"])]
        + [row[state] for state in states.ALL_STATES]
        for row in service.counts(bookable, first, last)
    ]


def content_disposition(filename, fmt):
    """``attachment`` with an ASCII ``filename`` and the UTF-8 ``filename*``."""
    return (
        f'attachment; filename="{FALLBACK_NAME}.{fmt}"; '
        f"filename*=UTF-8''{quote(f'{filename}.{fmt}', safe='')}"
    )


class ExportView(BrowserView):
    """The counts of a range of days as a CSV or XLSX file."""

    def __call__(self):
        form = self.request.form
        fmt = form.get("format", "csv")
        today = rules.now().astimezone(rules.TIMEZONE).date()
        first, last = rules.horizon(self.context, rules.now())
        try:
            if not isinstance(fmt, str) or fmt not in MEDIA_TYPES:
                raise RangeError(_("The format must be csv or xlsx."))
            first, last = parse_range(form, min(first, today), last, MAX_DAYS)
        except RangeError as error:
            return self.refuse(error.message)
        header = [
            translate(_("Day"), context=self.request),
            translate(_("Slot"), context=self.request),
        ] + [title for _state, title in state_titles(self.request)]
        rows = count_rows(self.context, first, last)
        title = translate(_("Booking counts"), context=self.request)[:31]
        data = write_sheet(rows, fmt, header=header, sheet_title=title)
        response = self.request.response
        response.setHeader("Content-Type", MEDIA_TYPES[fmt])
        response.setHeader(
            "Content-Disposition",
            content_disposition(self.filename(first, last), fmt),
        )
        response.setHeader("X-Content-Type-Options", "nosniff")
        return data

    def filename(self, first, last):
        name = translate(_("Booking counts"), context=self.request)
        return f"{self.context.Title()}{name}{first.isoformat()}_{last.isoformat()}"

    def refuse(self, message):
        self.request.response.setStatus(400)
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(message, context=self.request)
