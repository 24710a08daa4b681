"""Bookable (预约服务): a service citizens book places or appointments of.

One item per bookable service (the Dameisha beach, Chung Ying Street, a museum, a
department's door-to-door or after-hours appointments), kept in its department's
folder and approved through that department's chain like other content. Its fields
are the rules of its calendar; the bookings themselves live in the item's booking
store (``zhengwu.bookings.store``), not in content.
"""

from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from zhengwu import _
from zhengwu.content.bookable_lines import check_closed_dates
from zhengwu.content.bookable_lines import check_slot_lines
from zhengwu.content.bookable_lines import check_windows

KINDS = (
    ("reservation", _("Reservation (visitors, no account)")),
    ("appointment", _("Appointment at a window")),
    ("door_to_door", _("Door-to-door service")),
    ("after_hours", _("After-hours appointment")),
)
OPENINGS = (
    ("every_day", _("Every day, holidays included")),
    ("working_days", _("Working days (holidays closed, make-up days open)")),
)
WEEKDAYS = (
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
)


def _vocabulary(pairs):
    return SimpleVocabulary(
        [SimpleTerm(value, token=str(value), title=title) for value, title in pairs]
    )


@provider(IVocabularyFactory)
def booking_kinds(context):
    return _vocabulary(KINDS)


@provider(IVocabularyFactory)
def booking_openings(context):
    return _vocabulary(OPENINGS)


@provider(IVocabularyFactory)
def weekdays(context):
    return _vocabulary(WEEKDAYS)


class IBookable(model.Schema):
    """The rules of a bookable service's calendar."""

    kind = schema.Choice(
        title=_("Kind of booking"),
        vocabulary="zhengwu.BookingKinds",
        default="reservation",
        required=True,
    )
    guide = RelationChoice(
        title=_("Service guide"),
        description=_("The guide whose booking button opens this booking."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "guide",
        ContentBrowserFieldWidget,
        pattern_options={"selectableTypes": ["Guide"]},
    )
    slots = schema.List(
        title=_("Time slots"),
        description=_(
            "One per line: start-end and places, e.g. '09:00-12:00 200'. Slots of "
            "one day do not overlap."
        ),
        value_type=schema.TextLine(),
        constraint=check_slot_lines,
        required=True,
    )
    daily_quota = schema.Int(
        title=_("Daily quota"),
        description=_("Places per day over all slots; empty: the slots' sum."),
        min=1,
        max=1000000,
        required=False,
    )
    windows = schema.List(
        title=_("Windows or staff"),
        description=_(
            "One per line. Appointments are spread over them, one place per window "
            "in turn."
        ),
        value_type=schema.TextLine(),
        constraint=check_windows,
        required=False,
        default=[],
    )
    opening = schema.Choice(
        title=_("Opening days"),
        vocabulary="zhengwu.BookingOpenings",
        default="working_days",
        required=True,
    )
    closed_weekdays = schema.List(
        title=_("Closed on"),
        description=_("Weekdays it is always closed, e.g. a museum's Monday."),
        value_type=schema.Choice(vocabulary="zhengwu.Weekdays"),
        required=False,
        default=[],
    )
    closed_dates = schema.List(
        title=_("Closed dates"),
        description=_("One date per line, YYYY-MM-DD."),
        value_type=schema.TextLine(),
        constraint=check_closed_dates,
        required=False,
        default=[],
    )
    lead_hours = schema.Int(
        title=_("Lead time (hours)"),
        description=_("A slot can be booked until this many hours before it starts."),
        min=0,
        max=720,
        default=0,
    )
    horizon_days = schema.Int(
        title=_("Booking horizon (days)"),
        description=_("How many days ahead can be booked, today included."),
        min=1,
        max=90,
        default=7,
    )
    per_person = schema.Int(
        title=_("Bookings per person and day"),
        description=_("By ID number; 0: no limit."),
        min=0,
        max=10,
        default=1,
    )
    max_companions = schema.Int(
        title=_("Companions per booking"),
        description=_("Each companion gives a name and an ID number."),
        min=0,
        max=10,
        default=0,
    )
    cancel_hours = schema.Int(
        title=_("Cancellation cut-off (hours)"),
        description=_(
            "A booking can be cancelled until this many hours before its slot."
        ),
        min=0,
        max=720,
        default=2,
    )
    no_show_limit = schema.Int(
        title=_("No-shows before a block"),
        description=_("0: no-shows never block."),
        min=0,
        max=10,
        default=2,
    )
    no_show_block_days = schema.Int(
        title=_("Block after no-shows (days)"),
        min=1,
        max=365,
        default=30,
    )
    waiting_list = schema.Bool(
        title=_("Waiting list"),
        description=_(
            "When full, citizens may wait; a cancellation promotes the next."
        ),
        required=False,
        default=False,
    )
    account_required = schema.Bool(
        title=_("Account required"),
        description=_(
            "Without an account a visitor confirms their phone with a code instead."
        ),
        required=False,
        default=False,
    )
    needs_address = schema.Bool(
        title=_("Address required"),
        description=_("Door-to-door services: where the staff come to."),
        required=False,
        default=False,
    )
    needs_confirmation = schema.Bool(
        title=_("The department confirms"),
        description=_("Each booking waits for the department's confirmation."),
        required=False,
        default=False,
    )


@implementer(IBookable)
class Bookable(Item):
    """Not folderish: bookings are records in its store, not content."""
