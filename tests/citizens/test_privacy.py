"""Nobody but the citizen and the site administrators sees a citizen's details."""

import pytest
import transaction
from citizen_helpers import SITE
from citizen_helpers import browser_of
from citizen_helpers import credentials
from citizen_helpers import make_citizen
from citizen_helpers import rest
from publishing import add_site_admin_and_editor
from visitors import Visitor

PHONE = "13812345678"
MAIL = "linmei@example.org"
SITE_ADMIN = ("webmaster", "webmaster-secret-1")
EDITOR = ("gaj-writer", "gaj-writer-secret-1")


@pytest.fixture
def people(functional, nanshan):
    """Citizen linmei (the one looked at), citizen chen (another) and a site
    administrator."""
    make_citizen(
        nanshan,
        "linmei",
        kind="resident",
        tags=["newborn_parents"],
        phone=PHONE,
        fullname="林女士",
    )
    make_citizen(nanshan, "chen", kind="enterprise", fullname="陈先生")
    add_site_admin_and_editor(nanshan, SITE_ADMIN, EDITOR)
    transaction.commit()
    return functional["app"]


def _no_personal_data(text):
    for secret in (MAIL, PHONE, "138****5678", "newborn_parents", "新生儿父母"):
        assert secret not in text


def test_another_citizen_sees_only_the_display_name_on_the_author_page(people):
    browser = browser_of(people, "chen")
    browser.open(f"{SITE}/author/linmei")
    assert "林女士" in browser.text
    assert "zw-citizen-private" in browser.contents
    assert "author-feedback" not in browser.contents
    _no_personal_data(browser.text)


def test_anonymous_visitors_are_sent_to_log_in_for_an_author_page(people):
    browser = Visitor(people)
    browser.open(f"{SITE}/author/linmei")
    assert "login" in browser.url
    assert "林女士" not in browser.text


@pytest.mark.parametrize("viewer", ["linmei", "webmaster"])
def test_the_citizen_and_site_administrators_get_plones_author_page(people, viewer):
    password = SITE_ADMIN[1] if viewer == "webmaster" else None
    browser = browser_of(people, viewer, password)
    browser.open(f"{SITE}/author/linmei")
    assert "林女士" in browser.text
    assert "zw-citizen-private" not in browser.contents


def test_another_citizen_cannot_read_the_profile_over_rest(people):
    status, answer = rest(people, "GET", "/@users/linmei", user=credentials("chen"))
    assert status == 401
    _no_personal_data(str(answer))


def test_anonymous_callers_cannot_read_the_profile_over_rest(people):
    status, _ = rest(people, "GET", "/@users/linmei")
    assert status == 401


def test_another_citizen_cannot_search_members_over_rest(people):
    status, answer = rest(
        people, "GET", "/@users?query=linmei", user=credentials("chen")
    )
    assert status == 401
    _no_personal_data(str(answer))


def test_another_citizen_cannot_change_the_profile_over_rest(people):
    status, _ = rest(
        people,
        "PATCH",
        "/@users/linmei",
        {"citizen_kind": "enterprise"},
        user=credentials("chen"),
    )
    assert status == 403


def test_site_administrators_read_the_profile_over_rest(people):
    status, user = rest(people, "GET", "/@users/linmei", user=SITE_ADMIN)
    assert status == 200
    assert user["email"] == MAIL
    assert user["citizen_phone"] == PHONE
    assert user["citizen_kind"] == "resident"
    assert list(user["citizen_tags"]) == ["newborn_parents"]


def test_site_administrators_see_the_profile_on_the_user_information_form(people):
    browser = browser_of(people, *SITE_ADMIN)
    browser.open(f"{SITE}/@@user-information?userid=linmei")
    assert browser.getControl(name="form.widgets.citizen_phone").value == PHONE
    assert browser.getControl(name="form.widgets.email").value == MAIL


@pytest.mark.parametrize(
    "page", ["@@user-information?userid=linmei", "@@member-search?email=linmei"]
)
def test_another_citizen_cannot_open_member_pages(people, page):
    browser = browser_of(people, "chen")
    browser.handleErrors = True
    browser.open(f"{SITE}/{page}")
    assert browser.url.endswith("/insufficient-privileges")
    _no_personal_data(browser.text)
    assert "林女士" not in browser.text


def test_site_administrators_may_search_members(people):
    browser = browser_of(people, *SITE_ADMIN)
    browser.open(f"{SITE}/@@member-search")
    assert browser.headers["status"].startswith("200")
