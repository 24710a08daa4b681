"""What the verification-code tests share: a test MailHost, its mails, the code."""

import email
import re

from plone.app.testing.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from zope.component import getSiteManager

SENDER = "noreply@nanshan.example.gov.cn"
CODE = re.compile(r"\b(\d{6})\b")


def use_mailhost(site, mailhost=None):
    """``site``'s MailHost replaced by ``mailhost`` (a test one keeping messages)."""
    mailhost = mailhost if mailhost is not None else MockMailHost("MailHost")
    site.MailHost = mailhost
    manager = getSiteManager(site)
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(mailhost, provided=IMailHost)
    site.portal_registry["plone.email_from_address"] = SENDER
    return mailhost


def mails(mailhost):
    return [email.message_from_bytes(raw) for raw in mailhost.messages]


def text_of(message):
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def code_in(message):
    """The 6-digit code a mail carries."""
    return CODE.search(text_of(message)).group(1)
