"""Helpers of the citizens' booking page tests: a published bookable with its
guide, members' browsers, bookings made as the service makes them."""

import transaction
from booking_helpers import MONDAY
from booking_helpers import make_bookable
from booking_helpers import people
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from qa_helpers import PASSWORD
from qa_helpers import citizen
from visitors import Visitor
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.i18n import translate
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

from zhengwu import _
from zhengwu.bookings import service

BASE = "http://nohost/nanshan/zh-cn/gaj/beach"
PHONE = "13812345678"


def zh(msgid, **mapping):
    """The Chinese of a UI string."""
    return translate(
        _(msgid, mapping=mapping or None), domain="zhengwu", target_language="zh_CN"
    )


def browser_of(app, name=None):
    browser = Visitor(app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    if name is not None:
        browser.addHeader("Authorization", f"Basic {name}:{PASSWORD}")
    return browser


def sync(app):
    transaction.begin()
    app._p_jar.sync()


def published_bookable(site, guide=None, publish=True, **fields):
    """The beach, published in the police's folder (committed); a draft when not
    ``publish``."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        bookable = make_bookable(site["zh-cn"]["gaj"], **fields)
        if guide is not None:
            bookable.guide = RelationValue(getUtility(IIntIds).getId(guide))
            notify(ObjectModifiedEvent(bookable))
        if publish:
            api.content.transition(obj=bookable, to_state="published")
        for name in ("resident", "neighbour"):
            citizen(name)
    transaction.commit()
    return bookable


def book_as(bookable, account, *serials, slot="09:00-12:00", phone=PHONE, **contact):
    """A booking of Monday made through the service (committed)."""
    booking = service.book(
        bookable,
        MONDAY,
        slot,
        people(*serials),
        {"phone": phone, **contact},
        account,
    )
    transaction.commit()
    return booking
