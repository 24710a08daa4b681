"""What the tests of the staff's booking pages share: a beach with bookings, users."""

import base64

import transaction
from booking_helpers import MONDAY
from booking_helpers import people
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from qa_helpers import PASSWORD
from qa_helpers import citizen
from qa_helpers import staff
from visitors import Visitor

from zhengwu.bookings import service

PHONE = "13812345678"


def clerk(department):
    name = f"clerk-of-{department}"
    if api.user.get(userid=name) is None:
        citizen(name)
        api.group.add_user(groupname=f"{department}-clerks", username=name)
    return name


def make_users():
    """The clerks of gaj and jyj, an editor of gaj, a plain citizen."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        clerk("gaj")
        clerk("jyj")
        staff("gaj", "editor")
        citizen("resident")


def book(bookable, *serials, slot="09:00-12:00", day=MONDAY, phone=PHONE):
    with api.env.adopt_user(username="resident"):
        return service.book(
            bookable,
            day,
            slot,
            people(*serials),
            {"phone": phone, "address": "桃园路2号"},
            account="resident",
        )


def browser_of(app, user=None):
    """A test browser, logged in as ``user`` (basic auth) unless None."""
    browser = Visitor(app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    if user:
        token = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
        browser.addHeader("Authorization", f"Basic {token}")
    transaction.commit()
    return browser
