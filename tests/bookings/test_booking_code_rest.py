"""``POST @booking-code``: a visitor's code by SMS or e-mail, then a booking with it."""

import json
import socket

import pytest
import transaction
from booking_helpers import MONDAY
from booking_helpers import MORNING
from booking_helpers import fix_now
from booking_helpers import make_bookable
from booking_helpers import people
from code_helpers import code_in
from code_helpers import mails
from code_helpers import text_of
from code_helpers import use_mailhost
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from qa_helpers import PASSWORD
from qa_helpers import citizen
from visitors import Visitor
from zope.component.hooks import setSite

from zhengwu.bookings import verification

ZH = "http://nohost/nanshan/zh-cn"
EN = "http://nohost/nanshan/en"
PHONE = "13812345678"


@pytest.fixture
def mailbox(site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    mailhost = use_mailhost(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        beach = make_bookable(site["zh-cn"]["gaj"])
        api.content.transition(obj=beach, to_state="published")
        citizen("resident")
    transaction.commit()
    return mailhost


def post(site, url, body, user=None, raw=None, headers=None):
    """(status, JSON body, response headers) of a POST as a visitor or ``user``."""
    extra = {"Accept": "application/json", "Content-Type": "application/json"}
    extra.update(headers or {})
    browser = Visitor(site.aq_parent)
    if user:
        browser.testapp.authorization = ("Basic", (user, PASSWORD))
    response = browser.testapp.post(
        url,
        raw if raw is not None else json.dumps(body).encode(),
        headers=extra,
        expect_errors=True,
    )
    transaction.begin()
    setSite(site)
    text = response.body.decode("utf-8")
    return response.status_int, json.loads(text) if text.strip() else None, response


def ask(site, body, where=f"{ZH}/gaj/beach", **kwargs):
    return post(site, f"{where}/@booking-code", body, **kwargs)


def test_a_visitor_gets_a_code_by_sms_in_chinese(site, mailbox):
    status, body, _response = ask(site, {"phone": " 138 1234 5678 "})
    assert status == 202, body
    assert body == {"sent_to": "138****5678", "expires_in": 600}
    (mail,) = mails(mailbox)
    assert mail["To"] == f"{PHONE}@sms-gateway.localhost"
    text = text_of(mail)
    assert "验证码" in text and "10 分钟内有效" in text and "忽略" in text
    assert "深圳市南山区人民政府" in text


def test_the_english_site_sends_the_code_in_english(site, mailbox):
    status, body, _response = ask(site, {"email": "tourist@example.com"}, where=EN)
    assert status == 202, body
    assert body["sent_to"] == "t******@example.com"
    (mail,) = mails(mailbox)
    assert mail["To"] == "tourist@example.com"
    text = text_of(mail)
    assert "valid for 10 minutes" in text and "ignore this message" in text


def test_the_code_is_asked_on_the_site_root_too(site, mailbox):
    status, _body, _response = ask(
        site, {"phone": PHONE}, where="http://nohost/nanshan"
    )
    assert status == 202


def test_a_visitor_books_once_with_the_code(site, mailbox):
    ask(site, {"phone": PHONE})
    code = code_in(mails(mailbox)[0])
    booking = {
        "date": MONDAY.isoformat(),
        "slot": "09:00-12:00",
        "people": people(1),
        "phone": PHONE,
        "code": code,
    }
    url = f"{ZH}/gaj/beach/@bookings"
    status, body, _response = post(site, url, booking)
    assert status == 201, body
    again = {**booking, "people": people(2)}
    status, body, _response = post(site, url, again)
    assert (status, body["error"]["reason"]) == (400, "code_invalid")
    assert "验证码不正确" in body["error"]["message"]


def test_a_second_code_within_a_minute_answers_429_with_retry_after(site, mailbox):
    ask(site, {"phone": PHONE})
    status, body, response = ask(site, {"phone": PHONE})
    assert status == 429
    assert response.headers["Retry-After"] == "60"
    assert body["error"]["reason"] == "code_too_soon"
    assert "60 秒后再试" in body["error"]["message"]
    assert len(mails(mailbox)) == 1


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"phone": "110"}, "bad_phone"),
        ({"phone": "1381234567x"}, "bad_phone"),
        ({"phone": "1" * 21}, "too_long"),
        ({"email": "nobody"}, "bad_email"),
        ({"email": "a" * 250 + "@example.com"}, "too_long"),
        ({}, "phone_or_email"),
        ({"phone": PHONE, "email": "tourist@example.com"}, "phone_or_email"),
    ],
)
def test_bad_input_answers_400_and_sends_nothing(site, mailbox, body, reason):
    status, answer, _response = ask(site, body)
    assert status == 400, answer
    assert answer["error"]["reason"] == reason
    assert answer["error"]["message"]
    assert mails(mailbox) == []


@pytest.mark.parametrize("raw", [b"[1, 2]", b"not json", b'{"phone": 13812345678}'])
def test_a_body_that_is_no_object_of_texts_answers_400(site, mailbox, raw):
    status, answer, _response = ask(site, None, raw=raw)
    assert status == 400, answer
    assert mails(mailbox) == []


def test_a_logged_in_citizen_gets_a_code_from_the_site_itself(site, mailbox):
    status, _body, _response = ask(site, {"phone": PHONE}, user="resident")
    assert status == 202


def test_a_forged_request_with_a_login_cookie_is_refused(site, mailbox):
    status, _body, _response = ask(
        site,
        {"phone": PHONE},
        headers={"Origin": "https://evil.example.com", "Cookie": "__ac=forged"},
        user="resident",
    )
    assert status == 403
    assert mails(mailbox) == []


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_mail_server_that_refuses_answers_503_and_stores_nothing(site, mailbox):
    from Products.MailHost.MailHost import MailHost  # noqa: PLC0415

    use_mailhost(
        site, MailHost("MailHost", smtp_host="127.0.0.1", smtp_port=free_port())
    )
    transaction.commit()
    status, body, _response = ask(site, {"phone": PHONE})
    assert status == 503, body
    assert body["error"]["type"] == "CodeNotSent"
    assert "暂时无法发送" in body["error"]["message"]
    store = verification.code_store(site)
    assert store is None or len(store.records) == 0


def booking_with(code, serial=1, **extra):
    return {
        "date": MONDAY.isoformat(),
        "slot": "09:00-12:00",
        "people": people(serial),
        "phone": PHONE,
        "code": code,
        **extra,
    }


def test_a_visitor_books_with_a_code_sent_to_their_email(site, mailbox):
    ask(site, {"email": "tourist@example.com"})
    code = code_in(mails(mailbox)[0])
    url = f"{ZH}/gaj/beach/@bookings"
    status, body, _response = post(site, url, booking_with(code))
    assert (status, body["error"]["reason"]) == (400, "code_invalid")  # not the phone's
    status, body, _response = post(
        site,
        url,
        booking_with(code, email="tourist@example.com", code_by="email"),
    )
    assert status == 201, body
    assert body["token"]


def test_wrong_codes_are_counted_although_the_request_fails(site, mailbox):
    ask(site, {"phone": PHONE})
    code = code_in(mails(mailbox)[0])
    wrong = "000000" if code != "000000" else "111111"
    url = f"{ZH}/gaj/beach/@bookings"
    for _attempt in range(verification.MAX_ATTEMPTS):
        status, body, _response = post(site, url, booking_with(wrong))
        assert status == 400
    status, body, _response = post(site, url, booking_with(code))
    assert (status, body["error"]["reason"]) == (400, "code_attempts")


def test_one_client_address_cannot_ask_codes_for_many_numbers(
    site, mailbox, monkeypatch
):
    from zhengwu.safety.ratelimit import RateLimiter
    from zhengwu.services.booking_code import post as code_service

    monkeypatch.setattr(code_service, "_by_address", RateLimiter(3, 3600))
    answers = [ask(site, {"phone": f"1391234{n:04d}"})[0] for n in range(4)]
    assert answers == [202, 202, 202, 429]
