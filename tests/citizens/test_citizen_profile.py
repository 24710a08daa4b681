"""The citizen profile on Plone's personal-information form and over @users."""

import pytest
import transaction
from citizen_helpers import SITE
from citizen_helpers import browser_of
from citizen_helpers import credentials
from citizen_helpers import make_citizen
from citizen_helpers import rest
from plone import api
from zope.component.hooks import setSite


@pytest.fixture
def lin(functional, nanshan):
    make_citizen(
        nanshan,
        "linmei",
        kind="resident",
        tags=["newborn_parents"],
        phone="13812345678",
        fullname="林女士",
    )
    transaction.commit()
    return "linmei"


def _properties(site, username):
    """The member as the last request left it."""
    transaction.begin()
    setSite(site)
    return api.user.get(username=username)


def test_citizen_sees_their_profile_on_the_personal_information_form(functional, lin):
    browser = browser_of(functional["app"], lin)
    browser.open(f"{SITE}/@@personal-information")
    assert browser.getControl(name="form.widgets.citizen_kind:list").value == [
        "resident"
    ]
    assert browser.getControl(name="form.widgets.citizen_tags:list").value == [
        "newborn_parents"
    ]
    assert browser.getControl(name="form.widgets.citizen_phone").value == "13812345678"


def test_citizen_changes_their_profile_on_the_form(functional, nanshan, lin):
    browser = browser_of(functional["app"], lin)
    browser.open(f"{SITE}/@@personal-information")
    browser.getControl(name="form.widgets.citizen_kind:list").value = ["enterprise"]
    browser.getControl(name="form.widgets.citizen_tags:list").value = [
        "startups",
        "retirees",
    ]
    browser.getControl(name="form.widgets.citizen_phone").value = "13900001111"
    browser.getControl(name="form.buttons.save").click()
    member = _properties(nanshan, lin)
    assert member.getProperty("citizen_kind") == "enterprise"
    assert set(member.getProperty("citizen_tags")) == {"startups", "retirees"}
    assert member.getProperty("citizen_phone") == "13900001111"


def test_a_bad_phone_on_the_form_is_refused_and_kept_for_correction(
    functional, nanshan, lin
):
    browser = browser_of(functional["app"], lin)
    browser.open(f"{SITE}/@@personal-information")
    browser.getControl(name="form.widgets.citizen_phone").value = "1381234567x"
    browser.getControl(name="form.buttons.save").click()
    assert "手机号码为以1开头的11位数字" in browser.text  # the error, translated
    assert browser.getControl(name="form.widgets.citizen_phone").value == "1381234567x"
    assert _properties(nanshan, lin).getProperty("citizen_phone") == "13812345678"


def test_citizen_reads_their_profile_over_rest(functional, lin):
    status, user = rest(
        functional["app"], "GET", f"/@users/{lin}", user=credentials(lin)
    )
    assert status == 200
    assert user["citizen_kind"] == "resident"
    assert list(user["citizen_tags"]) == ["newborn_parents"]
    assert user["citizen_phone"] == "13812345678"


def test_citizen_changes_their_profile_over_rest(functional, nanshan, lin):
    status, _ = rest(
        functional["app"],
        "PATCH",
        f"/@users/{lin}",
        {"citizen_kind": "enterprise", "citizen_tags": ["startups"]},
        user=credentials(lin),
    )
    assert status == 204
    member = _properties(nanshan, lin)
    assert member.getProperty("citizen_kind") == "enterprise"
    assert list(member.getProperty("citizen_tags")) == ["startups"]


@pytest.mark.parametrize(
    "change",
    [
        {"citizen_phone": "12345"},
        {"citizen_kind": "tourist"},
        {"citizen_tags": ["no_such_tag"]},
        {"citizen_tags": "startups"},
    ],
)
def test_bad_profile_values_over_rest_are_refused(functional, nanshan, lin, change):
    status, answer = rest(
        functional["app"], "PATCH", f"/@users/{lin}", change, user=credentials(lin)
    )
    assert status == 400
    assert answer["error"]["type"] == "BadRequest"
    member = _properties(nanshan, lin)
    assert member.getProperty("citizen_kind") == "resident"
    assert member.getProperty("citizen_phone") == "13812345678"
