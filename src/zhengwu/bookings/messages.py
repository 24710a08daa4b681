"""What a citizen or a clerk is told when a booking rule refuses (``Refused``).

One message per reason, through gettext, and the HTTP status the REST services
answer with: 400 for what the request got wrong, 409 for what the state of the
bookings does not allow (full, limits, cut-offs), 404 for an unknown reference.
"""

from zope.i18n import translate

from zhengwu import _

MESSAGES = {
    "unknown_slot": (400, _("There is no slot ${slot} on this service.")),
    "nobody_to_book": (400, _("Give the name and ID number of each person.")),
    "too_many_companions": (400, _("At most ${limit} companions per booking.")),
    "same_person_twice": (400, _("A person is listed twice.")),
    "bad_id_number": (
        400,
        _("This ID number is not valid: check its 18 characters and last digit."),
    ),
    "bad_name": (400, _("Give each person's name (at most 50 characters).")),
    "bad_phone": (400, _("Give a mainland mobile number of 11 digits.")),
    "too_long": (400, _("'${field}' has more than ${limit} characters.")),
    "address_required": (400, _("Give the address where the staff should come.")),
    "account_required": (401, _("Log in to book this service.")),
    "past_day": (400, _("This day is past.")),
    "beyond_horizon": (400, _("Bookings are open until ${last}.")),
    "closed_day": (400, _("The service is closed on ${day}.")),
    "bad_date": (400, _("Give the date as YYYY-MM-DD.")),
    "slot_closed": (409, _("Slot ${slot} can no longer be booked.")),
    "full": (409, _("Slot ${slot} is full.")),
    "person_limit": (
        409,
        _("This ID number already has ${limit} booking(s) on this day."),
    ),
    "no_show_blocked": (
        409,
        _("After missed bookings this ID number can book again from ${until}."),
    ),
    "reference_taken": (409, _("Please try again.")),
    "no_such_booking": (404, _("No booking has this reference.")),
    "not_cancellable": (409, _("This booking can no longer be cancelled.")),
    "cancel_too_late": (
        409,
        _("The cancellation cut-off of this booking has passed."),
    ),
    "not_today": (409, _("This booking is for ${day}, not today.")),
    "already_checked_in": (409, _("This booking is already checked in.")),
    "not_checkable": (409, _("This booking cannot be checked in or marked.")),
    "not_confirmed": (409, _("The department has not confirmed this booking yet.")),
    "slot_not_over": (409, _("A no-show can be marked after the slot ends.")),
    "not_confirmable": (409, _("This booking does not wait for a confirmation.")),
    "bad_change": (
        400,
        _('Send {"state": "checked_in"}, {"state": "no_show"} or {"confirmed": true}.'),
    ),
    # verification codes of visitors (verification.py, @booking-code)
    "bad_email": (400, _("Give a valid e-mail address.")),
    "bad_channel": (400, _("Codes are sent by SMS or by e-mail.")),
    "phone_or_email": (400, _('Send either {"phone": "…"} or {"email": "…"}.')),
    "code_too_soon": (
        429,
        _(
            "Codes to this address were asked too often. Ask again in "
            "${retry_after} seconds."
        ),
    ),
    "code_invalid": (
        400,
        _("This code is not right. Check it, or ask for a new one."),
    ),
    "code_expired": (400, _("This code has expired. Ask for a new one.")),
    "code_attempts": (
        400,
        _("This code was mistyped too often and no longer works. Ask for a new one."),
    ),
}
FALLBACK = (400, _("This booking is not possible."))


def status_of(refusal):
    return MESSAGES.get(refusal.reason, FALLBACK)[0]


def message_of(refusal, request):
    """The refusal's message in the request's language."""
    message = MESSAGES.get(refusal.reason, FALLBACK)[1]
    mapping = {key: str(value) for key, value in refusal.mapping.items()}
    return translate(_(message, mapping=mapping), context=request)
