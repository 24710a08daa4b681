"""Fixtures of the citizens' tests: Nanshan with a test MailHost, registration
through the browser, and citizens made directly."""

import pytest
import transaction
from citizen_helpers import SENDER
from plone.app.testing.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from zope.component import getSiteManager
from zope.component.hooks import setSite


@pytest.fixture
def nanshan(functional):
    site = functional["app"]["nanshan"]
    setSite(site)
    return site


@pytest.fixture
def mailbox(nanshan):
    """Nanshan's MailHost replaced by the test one (messages kept); the mail
    settings a site needs for self-registration."""
    mailhost = MockMailHost("MailHost")
    nanshan.MailHost = mailhost
    manager = getSiteManager(nanshan)
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(mailhost, provided=IMailHost)
    nanshan.portal_registry["plone.email_from_address"] = SENDER
    nanshan.portal_registry["plone.smtp_host"] = "localhost"
    transaction.commit()
    return mailhost
