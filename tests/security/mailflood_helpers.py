"""Helpers of the mail-flood tests: Nanshan with a test MailHost over real HTTP."""

import email

import lxml.html
import requests
import transaction
from plone import api
from plone.app.testing.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from zope.component import getSiteManager
from zope.component.hooks import setSite

from zhengwu.citizens import mail_limits

SENDER = "noreply@nanshan.example.gov.cn"
SITE = "/nanshan"


def mail_site(acceptance, **limits):
    """Nanshan with a test MailHost, a citizen ``linmei`` and the given limits."""
    site = acceptance["app"]["nanshan"]
    setSite(site)
    mailhost = MockMailHost("MailHost")
    site.MailHost = mailhost
    manager = getSiteManager(site)
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(mailhost, provided=IMailHost)
    site.portal_registry["plone.email_from_address"] = SENDER
    site.portal_registry["plone.smtp_host"] = "localhost"
    for name, value in limits.items():
        site.portal_registry[f"zhengwu.mail_limits.{name}"] = value
    if api.user.get(username="linmei") is None:
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                email="linmei@example.org",
                username="linmei",
                password="secret-linmei-2026",
                properties={"fullname": "林女士"},
            )
    transaction.commit()
    mail_limits._limiters.clear()
    return site


def sent(site):
    """The messages the site's test MailHost holds, as the server committed them."""
    transaction.begin()
    return [email.message_from_bytes(raw) for raw in site.MailHost.messages]


def recipients(site):
    return [message["To"] for message in sent(site)]


def page(response):
    return lxml.html.fromstring(response.content)


def token(session, url):
    """The CSRF token of the form at ``url``."""
    response = session.get(url, timeout=60)
    assert response.status_code == 200, response.status_code
    return page(response).xpath('//input[@name="_authenticator"]')[0].get("value")


def main_text(response):
    """The text of the page's main content, where answers differ if they do."""
    tree = page(response)
    main = tree.xpath('//*[@id="content"]') or tree.xpath("//body")
    return " ".join(main[0].text_content().split())


def rest_post(base, path, body):
    return requests.post(
        base + SITE + path,
        json=body,
        headers={"Accept": "application/json"},
        timeout=60,
    )
