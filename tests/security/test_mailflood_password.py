"""Password resets: limited mail, the same answer for known and unknown names (13.8)."""

import pytest
import requests
from mailflood_helpers import SITE
from mailflood_helpers import mail_site
from mailflood_helpers import main_text
from mailflood_helpers import recipients
from mailflood_helpers import rest_post

from zhengwu.citizens import mail_limits


@pytest.fixture
def base(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.fixture
def generous(acceptance):
    """Limits that do not get in the way of the enumeration tests."""
    yield mail_site(acceptance, per_address_per_hour=50, per_recipient_per_hour=50)
    mail_limits._limiters.clear()


def lost_password(base, userid):
    return requests.post(
        f"{base}{SITE}/mail_password", data={"userid": userid}, timeout=60
    )


def test_lost_password_form_answers_the_same_for_unknown_and_known_names(
    base, generous
):
    known = lost_password(base, "linmei")
    unknown = lost_password(base, "nobody-here")
    by_mail = lost_password(base, "linmei@example.org")
    assert known.status_code == unknown.status_code == by_mail.status_code == 200
    assert main_text(known) == main_text(unknown) == main_text(by_mail)
    assert "could not be found" not in unknown.text
    assert recipients(generous) == ["linmei@example.org"]


def test_reset_over_rest_answers_204_for_unknown_and_known_names(base, generous):
    known = rest_post(base, "/@users/linmei/reset-password", {})
    unknown = rest_post(base, "/@users/nobody-here/reset-password", {})
    assert known.status_code == unknown.status_code == 204
    assert known.content == unknown.content == b""
    assert recipients(generous) == ["linmei@example.org"]


def test_a_token_for_an_unknown_name_is_refused_like_a_wrong_token(base, generous):
    body = {"reset_token": "not-a-token", "new_password": "Zhengwu-2026-secret"}
    known = rest_post(base, "/@users/linmei/reset-password", body)
    unknown = rest_post(base, "/@users/nobody-here/reset-password", body)
    assert known.status_code == unknown.status_code == 403
    assert known.json() == unknown.json()


def test_one_recipient_gets_at_most_the_limit_of_reset_mails(acceptance, base):
    site = mail_site(acceptance, per_address_per_hour=50, per_recipient_per_hour=2)
    answers = [lost_password(base, "linmei") for _ in range(4)]
    answers += [rest_post(base, "/@users/linmei/reset-password", {})]
    assert [a.status_code for a in answers] == [200] * 4 + [204]
    assert recipients(site) == ["linmei@example.org"] * 2
    mail_limits._limiters.clear()


def test_one_address_is_refused_with_429_after_its_limit(acceptance, base):
    site = mail_site(acceptance, per_address_per_hour=2, per_recipient_per_hour=50)
    first = [lost_password(base, name) for name in ("linmei", "nobody-here")]
    third = lost_password(base, "linmei")
    rest = rest_post(base, "/@users/linmei/reset-password", {})
    assert [a.status_code for a in first] == [200, 200]
    assert third.status_code == 429
    assert int(third.headers["Retry-After"]) > 0
    assert 'name="userid"' in third.text  # the form again, with the message
    assert "邮件" in third.text or "e-mail" in third.text
    assert rest.status_code == 429 and rest.json()["error"]["message"]
    assert recipients(site) == ["linmei@example.org"]
    mail_limits._limiters.clear()
