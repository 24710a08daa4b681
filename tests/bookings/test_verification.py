"""Verification codes of bookings without an account: sent, checked once, throttled."""

import datetime

import pytest
from booking_helpers import MORNING
from booking_helpers import fix_now
from code_helpers import code_in
from code_helpers import mails
from code_helpers import text_of
from code_helpers import use_mailhost
from plone import api
from zope.component import getGlobalSiteManager
from zope.interface import implementer

from zhengwu.bookings import verification
from zhengwu.bookings.interfaces import ICodeSender
from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.senders import GATEWAY_RECORD
from zhengwu.bookings.setup_step import gateway_domain
from zhengwu.masking import mask_email
from zhengwu.sites.profile import ProfileError

PHONE = "13812345678"
EMAIL = "Zhang.San@Example.COM"


@pytest.fixture
def mailhost(district, monkeypatch):
    fix_now(monkeypatch, MORNING)
    return use_mailhost(district)


def later(monkeypatch, seconds):
    fix_now(monkeypatch, MORNING + datetime.timedelta(seconds=seconds))


def send(district, channel="sms", address=PHONE):
    return verification.send_code(district, channel, address, district.REQUEST)


def refusal(call, *args):
    with pytest.raises(Refused) as raised:
        call(*args)
    return raised.value


def test_a_code_goes_to_the_sms_gateway_and_is_accepted_once(district, mailhost):
    answer = send(district)
    assert answer == {"sent_to": "138****5678", "expires_in": 600}
    (mail,) = mails(mailhost)
    assert mail["To"] == f"{PHONE}@sms-gateway.localhost"
    code = code_in(mail)
    assert verification.check_code(district, "sms", PHONE, code) is True
    again = refusal(verification.check_code, district, "sms", PHONE, code)
    assert again.reason == "code_invalid"


def test_a_code_is_checked_without_using_it_up_when_asked(district, mailhost):
    send(district)
    code = code_in(mails(mailhost)[0])
    assert verification.check_code(district, "sms", PHONE, code, consume=False)
    assert verification.check_code(district, "sms", PHONE, " " + code)


def test_the_code_mail_says_the_code_its_validity_and_to_ignore_it(district, mailhost):
    send(district, "email", EMAIL)
    (mail,) = mails(mailhost)
    assert mail["To"] == "Zhang.San@example.com"
    text = text_of(mail)
    assert code_in(mail) in text
    # three lines: the code, 10 minutes, ignore it if unasked (the language of
    # the page is tested over REST)
    assert len(text.splitlines()) == 3 and "10" in text.splitlines()[1]


def test_the_code_of_one_address_does_not_open_another(district, mailhost):
    send(district)
    code = code_in(mails(mailhost)[0])
    other = refusal(verification.check_code, district, "sms", "13900000000", code)
    assert other.reason == "code_invalid"
    by_mail = refusal(verification.check_code, district, "email", EMAIL, code)
    assert by_mail.reason == "code_invalid"


def test_a_wrong_code_is_refused_and_five_burn_the_code(district, mailhost):
    send(district)
    code = code_in(mails(mailhost)[0])
    wrong = f"{(int(code) + 1) % 1000000:06d}"
    reasons = [
        refusal(verification.check_code, district, "sms", PHONE, wrong).reason
        for _ in range(5)
    ]
    assert reasons == ["code_invalid"] * 4 + ["code_attempts"]
    burnt = refusal(verification.check_code, district, "sms", PHONE, code)
    assert burnt.reason == "code_attempts"


def test_text_that_is_no_code_is_refused_without_counting(district, mailhost):
    send(district)
    code = code_in(mails(mailhost)[0])
    for given in ("", "12345", "abcdef", None, 123456):
        refused = refusal(verification.check_code, district, "sms", PHONE, given)
        assert refused.reason == "code_invalid"
    assert verification.check_code(district, "sms", PHONE, code)


def test_a_code_expires_after_ten_minutes(district, mailhost, monkeypatch):
    send(district)
    code = code_in(mails(mailhost)[0])
    later(monkeypatch, 599)
    assert verification.check_code(district, "sms", PHONE, code, consume=False)
    later(monkeypatch, 600)
    expired = refusal(verification.check_code, district, "sms", PHONE, code)
    assert expired.reason == "code_expired"


def test_codes_are_throttled_per_minute_and_per_hour(district, mailhost, monkeypatch):
    send(district)
    too_soon = refusal(send, district)
    assert too_soon.reason == "code_too_soon"
    assert too_soon.mapping["retry_after"] == 60
    later(monkeypatch, 45)
    assert refusal(send, district).mapping["retry_after"] == 15
    send(district, "sms", "13900000000")  # another number is not held up
    for minute in range(1, 5):
        later(monkeypatch, 60 * minute)
        send(district)
    later(monkeypatch, 300)
    hourly = refusal(send, district)
    assert hourly.mapping["retry_after"] == 3300  # the first is an hour old then
    later(monkeypatch, 3600)
    send(district)
    assert len(mails(mailhost)) == 7


def test_a_new_code_replaces_the_old_one(district, mailhost, monkeypatch):
    send(district)
    first = code_in(mails(mailhost)[0])
    later(monkeypatch, 60)
    send(district)
    second = code_in(mails(mailhost)[1])
    if first != second:
        old = refusal(verification.check_code, district, "sms", PHONE, first)
        assert old.reason == "code_invalid"
    assert verification.check_code(district, "sms", PHONE, second)


@pytest.mark.parametrize(
    ("channel", "address", "reason"),
    [
        ("sms", "110", "bad_phone"),
        ("sms", "23812345678", "bad_phone"),
        ("sms", None, "bad_phone"),
        ("email", "no-at-sign", "bad_email"),
        ("email", "a@b@example.com", "bad_email"),
        ("email", "x" * 250 + "@example.com", "bad_email"),
        ("fax", PHONE, "bad_channel"),
    ],
)
def test_bad_addresses_are_refused_and_nothing_is_sent(
    district, mailhost, channel, address, reason
):
    assert refusal(send, district, channel, address).reason == reason
    assert mails(mailhost) == []


def test_no_number_address_or_code_is_stored_in_clear(district, mailhost):
    send(district)
    send(district, "email", EMAIL)
    codes = [code_in(mail) for mail in mails(mailhost)]
    store = verification.code_store(district)
    kept = repr(list(store.records.items())) + repr(list(store.forget))
    for secret in (PHONE, "5678", "zhang", "example", *codes):
        assert secret not in kept.lower()
    assert len(store.records) == 2


def test_entries_are_forgotten_an_hour_after_their_last_code(
    district, mailhost, monkeypatch
):
    send(district)
    later(monkeypatch, 3601)
    send(district, "sms", "13900000000")
    store = verification.code_store(district)
    assert len(store.records) == 1 and len(store.forget) == 1


@implementer(ICodeSender)
class PostCard:
    channel = "sms"

    def __init__(self):
        self.sent = []

    def send(self, address, code, minutes, request):
        self.sent.append((address, code, minutes))


@pytest.fixture
def own_sms_sender():
    """A district's own SMS sender registered in place of the shipped one."""
    manager = getGlobalSiteManager()
    shipped = manager.getUtility(ICodeSender, name="sms")
    own = PostCard()
    manager.registerUtility(own, ICodeSender, name="sms")
    yield own
    manager.registerUtility(shipped, ICodeSender, name="sms")


def test_a_registered_sms_sender_is_used_instead(district, mailhost, own_sms_sender):
    send(district)
    ((address, code, minutes),) = own_sms_sender.sent
    assert (address, minutes) == (PHONE, 10)
    assert mails(mailhost) == []
    assert verification.check_code(district, "sms", PHONE, code)


class BrokenSender(PostCard):
    def send(self, address, code, minutes, request):
        raise ConnectionRefusedError("gateway down")


def test_a_code_that_cannot_be_sent_is_not_stored(district, mailhost):
    manager = getGlobalSiteManager()
    shipped = manager.getUtility(ICodeSender, name="sms")
    manager.registerUtility(BrokenSender(), ICodeSender, name="sms")
    try:
        with pytest.raises(verification.CodeNotSent):
            send(district)
    finally:
        manager.registerUtility(shipped, ICodeSender, name="sms")
    store = verification.code_store(district)
    assert store is None or len(store.records) == 0
    send(district)  # the failure did not count against the throttle


def test_without_a_gateway_domain_no_sms_code_is_sent(district, mailhost):
    api.portal.set_registry_record(GATEWAY_RECORD, "")
    with pytest.raises(verification.CodeNotSent):
        send(district)
    assert mails(mailhost) == []
    assert send(district, "email", EMAIL)["sent_to"] == "Z********@example.com"


def test_the_demo_district_names_a_local_gateway(district):
    assert api.portal.get_registry_record(GATEWAY_RECORD) == "sms-gateway.localhost"


def test_a_gateway_domain_in_the_profile_must_be_a_domain(tmp_path):
    (tmp_path / "district.toml").write_text(
        '[bookings]\nsms_gateway_domain = "not a domain"\n', encoding="utf-8"
    )
    with pytest.raises(ProfileError, match=r"\[bookings\]"):
        gateway_domain(tmp_path)
    (tmp_path / "district.toml").write_text("[site]\n", encoding="utf-8")
    assert gateway_domain(tmp_path) == ""


def test_an_email_address_is_masked_to_its_first_letter_and_domain():
    assert mask_email("zhang.san@example.com") == "z********@example.com"
    assert mask_email("a@example.com") == "a*@example.com"
    assert mask_email("") == ""
