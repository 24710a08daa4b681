"""A citizen registers, gets a mail with a link, sets a password, logs in."""

import pytest
import transaction
from citizen_helpers import SENDER
from citizen_helpers import SITE
from citizen_helpers import fill_registration
from citizen_helpers import mail_text
from citizen_helpers import open_registration
from citizen_helpers import reset_link
from citizen_helpers import sent_mails
from citizen_helpers import submit_registration
from plone import api
from visitors import Visitor
from zope.component.hooks import setSite

PASSWORD = "Zhengwu-2026-secret"


@pytest.fixture
def browser(functional):
    return Visitor(functional["app"])


def _member(site, username):
    transaction.begin()
    setSite(site)
    return api.user.get(username=username)


def test_registration_form_asks_no_password_and_offers_the_citizen_fields(
    browser, mailbox
):
    open_registration(browser)
    assert "form.widgets.password" not in browser.contents
    for name in ("citizen_kind:list", "citizen_tags:list", "citizen_phone"):
        assert browser.getControl(name=f"form.widgets.{name}")
    tags = browser.getControl(name="form.widgets.citizen_tags:list")
    assert "newborn_parents" in tags.options and "startups" in tags.options


def test_citizen_registers_sets_the_password_from_the_mail_and_logs_in(
    functional, browser, mailbox
):
    open_registration(browser)
    fill_registration(
        browser, "linmei", "林女士", "linmei@example.org", kind="resident"
    )
    submit_registration(browser)
    assert browser.headers["status"].startswith("200")

    (message,) = sent_mails(mailbox)
    assert message["To"] == "linmei@example.org"
    assert SENDER in message["From"]
    link = reset_link(message)
    assert link.startswith(f"{SITE}/passwordreset/")
    assert "linmei" in mail_text(message)

    browser.open(link)
    browser.getControl(name="userid").value = "linmei"
    browser.getControl(name="password").value = PASSWORD
    browser.getControl(name="password2").value = PASSWORD
    browser.getForm(name="pwreset_action").submit()

    citizen = Visitor(functional["app"])
    citizen.open(f"{SITE}/login")
    citizen.getControl(name="__ac_name").value = "linmei"
    citizen.getControl(name="__ac_password").value = PASSWORD
    citizen.getControl(name="buttons.login").click()
    citizen.open(f"{SITE}/@@personal-information")
    assert citizen.getControl(name="form.widgets.fullname").value == "林女士"


def test_registration_stores_the_citizen_profile(browser, mailbox, nanshan):
    open_registration(browser)
    fill_registration(
        browser,
        "chenqiang",
        "陈先生",
        "chen@example.org",
        kind="enterprise",
        tags=["startups", "job_seekers"],
        phone="13812345678",
    )
    submit_registration(browser)
    member = _member(nanshan, "chenqiang")
    assert member.getProperty("citizen_kind") == "enterprise"
    assert set(member.getProperty("citizen_tags")) == {"startups", "job_seekers"}
    assert member.getProperty("citizen_phone") == "13812345678"


def test_bad_phone_keeps_what_was_typed_and_shows_the_error(browser, mailbox, nanshan):
    open_registration(browser)
    fill_registration(
        browser,
        "wangfang",
        "王阿姨",
        "wang@example.org",
        kind="resident",
        tags=["retirees"],
        phone="2381234",
    )
    submit_registration(browser)
    assert "手机号码为以1开头的11位数字" in browser.text  # the error, translated
    assert browser.getControl(name="form.widgets.username").value == "wangfang"
    assert browser.getControl(name="form.widgets.email").value == "wang@example.org"
    assert browser.getControl(name="form.widgets.citizen_phone").value == "2381234"
    assert browser.getControl(name="form.widgets.citizen_kind:list").value == [
        "resident"
    ]
    assert browser.getControl(name="form.widgets.citizen_tags:list").value == [
        "retirees"
    ]
    assert sent_mails(mailbox) == []
    assert _member(nanshan, "wangfang") is None


def test_registration_posted_without_the_csrf_token_is_refused(
    browser, mailbox, nanshan
):
    form = {
        "form.widgets.username": "intruder",
        "form.widgets.fullname": "Intruder",
        "form.widgets.email": "intruder@example.org",
        "form.widgets.citizen_phone": "",
        "form.buttons.register": "Register",
    }
    browser.raiseHttpErrors = False
    browser.post(f"{SITE}/@@register", form)
    assert browser.headers["status"].startswith("403")
    assert sent_mails(mailbox) == []
    assert _member(nanshan, "intruder") is None


def test_without_a_sender_address_there_is_no_registration_form(browser, nanshan):
    """Without a sender address Plone cannot mail the link: it shows no form."""
    nanshan.portal_registry["plone.email_from_address"] = ""
    transaction.commit()
    open_registration(browser)
    assert "form.widgets.username" not in browser.contents
