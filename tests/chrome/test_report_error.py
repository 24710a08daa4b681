"""我为政府网站找错: the error report form e-mails the webmaster, safely."""

import email
import re

import lxml.html
import pytest
import requests
import transaction
from plone.app.testing.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from zope.component import getSiteManager
from zope.component.hooks import setSite

FORM = "/nanshan/zh-cn/@@report-error"
PAGE = "/nanshan/zh-cn/gaj"


def _configure_mail(site, mailhost):
    setSite(site)
    site.MailHost = mailhost
    manager = getSiteManager(site)
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(mailhost, provided=IMailHost)
    site.portal_registry["plone.email_from_address"] = "noreply@nanshan.example.gov.cn"
    transaction.commit()


@pytest.fixture
def mailbox(acceptance):
    """The Nanshan site's MailHost replaced by the test one (messages kept)."""
    site = acceptance["app"]["nanshan"]
    _configure_mail(site, MockMailHost("MailHost"))
    return site


@pytest.fixture
def broken_mail(acceptance, base):
    """The site's real MailHost pointed at a port where no SMTP server listens."""
    import processes

    site = acceptance["app"]["nanshan"]
    mailhost = site.MailHost
    mailhost.smtp_host, mailhost.smtp_port = "127.0.0.1", processes.free_port()
    _configure_mail(site, mailhost)
    return site


def _sent(site):
    """The messages the site's test MailHost holds, as the server committed them."""
    transaction.begin()  # see the live server's commits
    return list(site.MailHost.messages)


def _open_form(base, session, referer=None):
    headers = {"Referer": referer} if referer else {}
    response = session.get(base + FORM, headers=headers, timeout=30)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def _token(page):
    return page.xpath('//input[@name="_authenticator"]')[0].get("value")


def _fields(base, **overrides):
    fields = {
        "url": base + PAGE,
        "kind": "broken-link",
        "description": "The link to the ID card guide opens an empty page.",
        "contact": "13800000000",
        "website": "",
        "form.submitted": "1",
    }
    fields.update(overrides)
    return fields


def _post(base, session, data):
    response = session.post(base + FORM, data=data, timeout=30)
    return response, lxml.html.fromstring(response.content)


def _thanks(page):
    return page.xpath('//*[contains(@class, "zw-report-thanks")]')


def test_form_prefills_the_referring_page_and_has_a_token(base):
    page = _open_form(base, requests.Session(), referer=base + PAGE)
    assert page.xpath('//input[@name="url"]')[0].get("value") == base + PAGE
    assert _token(page)
    assert page.xpath('//input[@name="website"][@tabindex="-1"]')


def test_report_is_mailed_to_the_webmaster_in_plain_text(base, mailbox):
    session = requests.Session()
    token = _token(_open_form(base, session))
    hostile = "<script>alert(1)</script> link broken"
    response, page = _post(
        base, session, _fields(base, _authenticator=token, description=hostile)
    )
    assert response.status_code == 200
    assert _thanks(page)
    (raw,) = _sent(mailbox)
    message = email.message_from_bytes(raw)
    assert message["To"] == "webmaster@nanshan.example.gov.cn"
    assert message.get_content_type() == "text/plain"
    body = message.get_payload(decode=True).decode("utf-8")
    assert hostile in body and base + PAGE in body and "13800000000" in body


def test_filled_honeypot_thanks_but_sends_nothing(base, mailbox):
    session = requests.Session()
    token = _token(_open_form(base, session))
    _, page = _post(
        base, session, _fields(base, _authenticator=token, website="http://spam")
    )
    assert _thanks(page)
    assert _sent(mailbox) == []


def test_missing_csrf_token_is_refused_and_keeps_the_input(base, mailbox):
    response, page = _post(base, requests.Session(), _fields(base))
    assert response.status_code == 403
    assert not _thanks(page)
    assert _sent(mailbox) == []
    text = page.xpath('//textarea[@name="description"]')[0].text_content()
    assert text == "The link to the ID card guide opens an empty page."


BAD_INPUT = {
    "description too short": ({"description": "bad"}, "description"),
    "description too long": ({"description": "x" * 2001}, "description"),
    "unknown kind": ({"kind": "bribe"}, "kind"),
    "javascript url": ({"url": "javascript:alert(1)"}, "url"),
    "contact too long": ({"contact": "1" * 201}, "contact"),
}


@pytest.mark.parametrize("override, field", BAD_INPUT.values(), ids=BAD_INPUT)
def test_bad_input_is_marked_and_nothing_is_sent(base, mailbox, override, field):
    session = requests.Session()
    token = _token(_open_form(base, session))
    _, page = _post(base, session, _fields(base, _authenticator=token, **override))
    assert not _thanks(page)
    assert page.xpath(f'//*[@name="{field}"][@aria-invalid="true"]')
    assert _sent(mailbox) == []


def test_mail_failure_says_so_and_keeps_what_the_visitor_typed(base, broken_mail):
    session = requests.Session()
    token = _token(_open_form(base, session))
    response, page = _post(
        base, session, _fields(base, _authenticator=token, contact="me@example.org")
    )
    assert response.status_code == 200
    assert not _thanks(page)
    assert page.xpath('//*[contains(@class, "zw-report-message")][@role="alert"]')
    assert page.xpath('//input[@name="contact"]')[0].get("value") == "me@example.org"
    assert page.xpath('//select[@name="kind"]/option[@selected]')[0].get("value") == (
        "broken-link"
    )
    description = page.xpath('//textarea[@name="description"]')[0].text_content()
    assert re.search("empty page", description)


def test_site_without_mail_settings_says_so(acceptance, base):
    site = acceptance["app"]["nanshan"]
    setSite(site)
    site.portal_registry["plone.email_from_address"] = ""
    transaction.commit()
    session = requests.Session()
    token = _token(_open_form(base, session))
    _, page = _post(base, session, _fields(base, _authenticator=token))
    assert not _thanks(page)
    assert page.xpath('//*[contains(@class, "zw-report-message")]')
