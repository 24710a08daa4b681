"""Helpers of the citizens' tests: mails, the registration form, citizens made
directly, REST calls (the fixtures are in conftest.py)."""

import email
import re
from email.header import decode_header
from email.header import make_header

import transaction
from plone import api
from visitors import Visitor
from visitors import rest_call
from zope.component.hooks import setSite

SITE = "http://nohost/nanshan"
SENDER = "noreply@nanshan.example.gov.cn"


def sent_mails(mailhost):
    """The messages the test MailHost holds, parsed."""
    transaction.begin()
    return [email.message_from_bytes(raw) for raw in mailhost.messages]


def mail_text(message):
    """The plain-text body of ``message``."""
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def subject(message):
    return str(make_header(decode_header(message["Subject"])))


def reset_link(message):
    """The set-your-password link of a registration mail."""
    return re.search(r"https?://\S+/passwordreset/\S+", mail_text(message)).group(0)


def open_registration(browser):
    browser.open(f"{SITE}/@@register")
    return browser


def fill_registration(browser, username, fullname, mail, kind="", tags=(), phone=""):
    """Fill Plone's registration form (it has no password fields)."""
    browser.getControl(name="form.widgets.username").value = username
    browser.getControl(name="form.widgets.fullname").value = fullname
    browser.getControl(name="form.widgets.email").value = mail
    if kind:
        browser.getControl(name="form.widgets.citizen_kind:list").value = [kind]
    if tags:
        browser.getControl(name="form.widgets.citizen_tags:list").value = list(tags)
    browser.getControl(name="form.widgets.citizen_phone").value = phone


def submit_registration(browser):
    browser.getControl(name="form.buttons.register").click()


def make_citizen(site, username, kind="", tags=(), phone="", fullname=""):
    """A citizen account made directly (password ``secret-<username>``); the
    caller commits."""
    setSite(site)
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=f"secret-{username}",
            properties={
                "fullname": fullname or username,
                "citizen_kind": kind,
                "citizen_tags": list(tags),
                "citizen_phone": phone,
            },
        )


def browser_of(app, username, password=None):
    """A browser logged in as ``username`` with HTTP basic authentication."""
    browser = Visitor(app)
    browser.handleErrors = False
    browser.addHeader(
        "Authorization", f"Basic {username}:{password or f'secret-{username}'}"
    )
    return browser


def rest(app, method, path, body=None, user=None):
    """A plone.restapi call on the Nanshan site (see ``visitors.rest_call``)."""
    return rest_call(app, method, f"{SITE}{path}", body, user)


def credentials(username):
    """The (login, password) of a citizen made by ``make_citizen``."""
    return username, f"secret-{username}"
