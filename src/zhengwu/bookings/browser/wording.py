"""A bookable's rules in plain words, and the labels of days and booking states."""

from zope.i18n import translate

from zhengwu import _
from zhengwu.bookings import ledger as states
from zhengwu.content.bookable import WEEKDAYS
from zhengwu.formatting import format_date

WEEKDAY_NAMES = dict(WEEKDAYS)
STATE_LABELS = {
    states.BOOKED: _("Booked"),
    states.WAITING: _("On the waiting list"),
    states.CANCELLED: _("Cancelled"),
    states.CHECKED_IN: _("Checked in"),
    states.NO_SHOW: _("Missed"),
}


def _opening(bookable, request):
    if getattr(bookable, "opening", "working_days") == "every_day":
        yield _("Open every day, public holidays included.")
    else:
        yield _("Open on working days; closed on public holidays.")
    closed = sorted(set(getattr(bookable, "closed_weekdays", None) or ()))
    if closed:
        yield _(
            "Always closed on: ${days}.",
            mapping={
                "days": " ".join(
                    translate(WEEKDAY_NAMES[day], context=request) for day in closed
                )
            },
        )


def _times(bookable):
    days = getattr(bookable, "horizon_days", 7) or 1
    yield _(
        "You can book up to ${days} days ahead, today included.",
        mapping={"days": days},
    )
    lead = getattr(bookable, "lead_hours", 0) or 0
    if lead:
        yield _(
            "A time slot can be booked until ${hours} hours before it starts.",
            mapping={"hours": lead},
        )
    else:
        yield _("A time slot can be booked until it starts.")
    cancel = getattr(bookable, "cancel_hours", 0) or 0
    if cancel:
        yield _(
            "You can cancel until ${hours} hours before your time slot.",
            mapping={"hours": cancel},
        )
    else:
        yield _("You can cancel until your time slot starts.")


def _people(bookable):
    companions = getattr(bookable, "max_companions", 0) or 0
    if companions:
        yield _(
            "Up to ${count} companions per booking, each with a name and ID number.",
            mapping={"count": companions},
        )
    else:
        yield _("Each booking is for one person.")
    per_person = getattr(bookable, "per_person", 1) or 0
    if per_person:
        yield _(
            "Each ID number can be booked ${count} time(s) a day.",
            mapping={"count": per_person},
        )
    limit = getattr(bookable, "no_show_limit", 0) or 0
    if limit:
        yield _(
            "After ${count} missed bookings an ID number cannot book for ${days} days.",
            mapping={
                "count": limit,
                "days": getattr(bookable, "no_show_block_days", 30) or 30,
            },
        )


def _conditions(bookable):
    if getattr(bookable, "account_required", False):
        yield _("Log in with your account to book.")
    else:
        yield _("No account needed: a code sent to your phone confirms the booking.")
    if getattr(bookable, "needs_address", False):
        yield _("Give the address where the staff should come.")
    if getattr(bookable, "needs_confirmation", False):
        yield _("The department confirms each booking.")
    if getattr(bookable, "waiting_list", False):
        yield _("When a day is full you can join its waiting list.")


def rules_in_words(bookable, request):
    """The rules a citizen should know before booking, one sentence each."""
    return [
        *_opening(bookable, request),
        *_times(bookable),
        *_people(bookable),
        *_conditions(bookable),
    ]


def day_label(day):
    """A short day for the picker: 6月3日 周一 / 3 Jun Mon."""
    return _(
        "${month}/${day} ${weekday}",
        mapping={
            "month": day.month,
            "day": day.day,
            "weekday": _short_weekday(day),
        },
    )


SHORT_WEEKDAYS = (
    _("Mon"),
    _("Tue"),
    _("Wed"),
    _("Thu"),
    _("Fri"),
    _("Sat"),
    _("Sun"),
)


def _short_weekday(day):
    return SHORT_WEEKDAYS[day.weekday()]


def long_day(day, language):
    """The day in full, in the page's language (2030年6月3日)."""
    return format_date(day, language)
