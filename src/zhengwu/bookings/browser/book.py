"""``@@book?date=&slot=`` on a bookable (预约): the booking form, no script needed.

Members book with their account; visitors (where no account is required) prove
their phone with a code, sent by the form's "send code" button and checked by
``bookings/verification``. A refusal is shown by its field and the form keeps
what was typed; a booking made sends the holder to its confirmation page.
"""

from urllib.parse import urlencode

import transaction
from plone import api
from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from zExceptions import Forbidden

from zhengwu import _
from zhengwu.bookings import notify
from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings import verification
from zhengwu.bookings.browser import book_input
from zhengwu.bookings.browser.bookable_page import parse_iso_day
from zhengwu.bookings.browser.wording import long_day
from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.messages import message_of
from zhengwu.bookings.messages import status_of
from zhengwu.masking import mask_phone
from zhengwu.theming.portlets import without_portlets
from zhengwu.vocabularies.language import language_of


class BookView(BrowserView):
    def __call__(self):
        without_portlets(self.request)
        self.language = language_of(self.context)
        self.account = (
            None if api.user.is_anonymous() else api.user.get_current().getId()
        )
        self.dimensions = book_input.situation_dimensions(self.context, self.language)
        self.values = book_input.read_form(
            self.request.form, self.limit, self.dimensions
        )
        self.errors = {}
        self.message = None
        self.notice = None
        self.day, self.slot = self._day_and_slot()
        if self.slot is None:
            self.request.response.setStatus(400)
            return self.index()
        if self.request.method == "POST":
            return self._post()
        return self.index()

    @property
    def limit(self):
        return getattr(self.context, "max_companions", 0) or 0

    def _day_and_slot(self):
        day = parse_iso_day(self.values["date"])
        try:
            slot = rules.find_slot(self.context, self.values["slot"])
        except Refused:
            slot = None
        if day is None or slot is None:
            self.message = _("Choose a day and a time slot on the service's page.")
            return None, None
        return day, slot

    def _post(self):
        try:
            check_authenticator(self.request)
        except Forbidden:
            self.request.response.setStatus(403)
            self.message = _("Your form has expired. Please send it again.")
            return self.index()
        form = self.request.form
        if "form.send_code" in form:
            return self._send_code()
        if "form.submitted" not in form:  # "update the companion rows"
            return self.index()
        if self.login_needed():
            self.request.response.setStatus(401)
            return self.index()
        return self._book()

    def _refused(self, refusal):
        transaction.doom()  # nothing of a refused booking is written
        self.request.response.setStatus(status_of(refusal))
        field = book_input.field_of(refusal)
        if field:
            self.errors[field] = message_of(refusal, self.request)
        else:
            self.message = message_of(refusal, self.request)
        return self.index()

    def _send_code(self):
        phone = "".join(self.values["phone"].split())
        if not self.visitor_path():
            return self.index()
        try:
            verification.send_code(api.portal.get(), "sms", phone, self.request)
        except Refused as refusal:
            return self._refused(refusal)
        self.notice = _(
            "A code was sent to ${phone}.", mapping={"phone": mask_phone(phone)}
        )
        return self.index()

    def _book(self):
        errors = {}
        people = book_input.people_of(self.values, errors)
        if errors:
            transaction.doom()
            self.request.response.setStatus(400)
            self.errors = {
                field: message_of(refusal, self.request)
                for field, refusal in errors.items()
            }
            return self.index()
        contact = {
            "phone": self.values["phone"],
            "email": self.values["email"],
            "address": self.values["address"],
            "situation": book_input.situation_text(self.values, self.dimensions),
        }
        try:
            if not self.account:
                verification.check_and_count(
                    self.context,
                    "sms",
                    "".join(contact["phone"].split()),
                    self.values["code"],
                )
            booking = service.book(
                self.context, self.day, self.slot.id, people, contact, self.account
            )
        except Refused as refusal:
            return self._refused(refusal)
        notify.send_confirmation(self.context, self.day, booking, self.request)
        self.request.response.redirect(notify.holder_link(self.context, booking))
        return ""

    # what the template shows

    def login_needed(self):
        """True when this visitor must log in first (appointments)."""
        return not self.account and not self.visitor_path()

    def visitor_path(self):
        """True when a visitor may book here without an account."""
        return not getattr(self.context, "account_required", False)

    def login_url(self):
        back = f"{self.context.absolute_url()}/@@book?" + urlencode(
            {"date": self.values["date"], "slot": self.values["slot"]}
        )
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?{urlencode({'came_from': back})}"

    def when(self):
        return {
            "day": long_day(self.day, self.language),
            "slot": self.slot.id,
        }

    def needs_address(self):
        return bool(getattr(self.context, "needs_address", False))

    def asks_address(self):
        return self.needs_address() or (
            getattr(self.context, "kind", None) in book_input.DOOR_KINDS
        )

    def situations(self):
        chosen = self.values["situations"]
        return [
            {
                "index": index,
                "title": dimension.title,
                "options": [
                    {"value": option, "selected": chosen.get(index) == option}
                    for option in dimension.options
                ],
            }
            for index, dimension in enumerate(self.dimensions)
        ]

    def companion_choices(self):
        return list(range(self.limit + 1))

    def back_url(self):
        query = urlencode({"date": self.values["date"]}) if self.day else ""
        return (
            f"{self.context.absolute_url()}?{query}"
            if query
            else (self.context.absolute_url())
        )
