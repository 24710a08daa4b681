"""Registrations and error reports: limited mail, taken addresses hidden (13.8)."""

import pytest
import requests
import transaction
from mailflood_helpers import SITE
from mailflood_helpers import mail_site
from mailflood_helpers import main_text
from mailflood_helpers import recipients
from mailflood_helpers import rest_post
from mailflood_helpers import sent
from mailflood_helpers import token
from plone import api
from zope.component.hooks import setSite

from zhengwu.citizens import mail_limits

REPORT = "/nanshan/zh-cn/@@report-error"


@pytest.fixture
def base(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}"


def register(base, username, mail):
    session = requests.Session()
    data = {
        "form.widgets.username": username,
        "form.widgets.fullname": "测试",
        "form.widgets.email": mail,
        "form.widgets.citizen_phone": "",
        "form.buttons.register": "Register",
        "_authenticator": token(session, f"{base}{SITE}/@@register"),
    }
    return session.post(f"{base}{SITE}/@@register", data=data, timeout=60)


def fullname_of(site, username):
    setSite(site)
    transaction.begin()
    user = api.user.get(username=username)
    return user and user.getProperty("fullname")


def test_registration_with_a_taken_address_answers_like_a_new_one(acceptance, base):
    site = mail_site(acceptance, per_address_per_hour=50, per_recipient_per_hour=50)
    fresh = register(base, "newcomer", "newcomer@example.org")
    taken = register(base, "intruder", "linmei@example.org")
    assert fresh.status_code == taken.status_code == 200
    assert main_text(fresh) == main_text(taken)
    assert recipients(site) == ["newcomer@example.org"]
    assert fullname_of(site, "intruder") is None
    assert fullname_of(site, "linmei") == "林女士"
    mail_limits._limiters.clear()


def test_rest_registration_with_a_taken_address_answers_like_a_new_one(
    acceptance, base
):
    site = mail_site(acceptance, per_address_per_hour=50, per_recipient_per_hour=50)
    fresh = rest_post(base, "/@users", {"username": "rest-new", "email": "rn@ex.org"})
    taken = rest_post(
        base, "/@users", {"username": "rest-dup", "email": "linmei@example.org"}
    )
    assert fresh.status_code == taken.status_code == 201
    assert fresh.json() == taken.json()
    assert recipients(site) == ["rn@ex.org"]
    assert fullname_of(site, "rest-dup") is None
    mail_limits._limiters.clear()


def test_registrations_from_one_address_are_limited(acceptance, base):
    site = mail_site(acceptance, per_address_per_hour=2, per_recipient_per_hour=50)
    answers = [register(base, f"flood{i}", f"flood{i}@example.org") for i in range(3)]
    rest = rest_post(base, "/@users", {"username": "flood9", "email": "f9@ex.org"})
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert 'name="form.widgets.username"' in answers[2].text
    assert rest.status_code == 429 and rest.json()["error"]["message"]
    assert len(sent(site)) == 2
    assert fullname_of(site, "flood2") is None
    mail_limits._limiters.clear()


def report(base, session, authenticator, text="The ID card guide link is broken."):
    data = {
        "url": base + "/nanshan/zh-cn/gaj",
        "kind": "broken-link",
        "description": text,
        "contact": "",
        "website": "",
        "form.submitted": "1",
        "_authenticator": authenticator,
    }
    return session.post(base + REPORT, data=data, timeout=60)


def test_error_reports_from_one_address_are_limited(acceptance, base):
    site = mail_site(acceptance, per_address_per_hour=2, error_reports_per_hour=50)
    session = requests.Session()
    authenticator = token(session, base + REPORT)
    answers = [report(base, session, authenticator) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert 'name="description"' in answers[2].text
    assert "The ID card guide link is broken." in answers[2].text
    assert len(sent(site)) == 2
    mail_limits._limiters.clear()


def test_the_webmaster_gets_at_most_the_hours_reports(acceptance, base):
    site = mail_site(acceptance, per_address_per_hour=50, error_reports_per_hour=1)
    session = requests.Session()
    authenticator = token(session, base + REPORT)
    answers = [report(base, session, authenticator) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 429, 429]
    assert len(sent(site)) == 1
    mail_limits._limiters.clear()
