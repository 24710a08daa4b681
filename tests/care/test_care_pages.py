"""The care application's pages and REST: the form on the care guide, the
applicant's list and the department's queue (numbers masked), REST for staff."""

import re

import pytest
import transaction
from care_helpers import PASSWORD
from care_helpers import PDF
from care_helpers import VALID_ID
from care_helpers import apply_as
from care_helpers import citizen
from care_helpers import staff
from layers import DISTRICT
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.app.testing.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from visitors import Visitor
from visitors import rest_call
from zope.component import getSiteManager
from zope.component.hooks import setSite

from zhengwu.masking import mask_id_number
from zhengwu.masking import mask_phone

ROOT = f"http://nohost/{DISTRICT}/zh-cn"
GUIDE = f"{ROOT}/mzj/home-care"
QUEUE = f"{ROOT}/mzj/care-applications"


@pytest.fixture
def app(functional):
    return functional["app"]


@pytest.fixture
def site(functional):
    portal = functional["app"][DISTRICT]
    setSite(portal)
    login(functional["app"], SITE_OWNER_NAME)
    from zhengwu.participation import posting

    posting._limiters.clear()
    root = portal["zh-cn"]
    if "home-care" not in root["mzj"]:
        with api.env.adopt_roles(["Manager"]):
            guide = api.content.create(
                container=root["mzj"],
                type="Guide",
                id="home-care",
                title="居家养老服务申请",
            )
            api.content.transition(guide, to_state="published")
    for userid in ("citizen-li", "citizen-wang"):
        citizen(userid)
    for department, role in (("mzj", "editor"), ("mzj", "section"), ("gaj", "editor")):
        staff(department, role)
    mailhost = MockMailHost("MailHost")
    portal.MailHost = mailhost
    manager = getSiteManager(portal)
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(mailhost, provided=IMailHost)
    portal.portal_registry["plone.email_from_address"] = "portal@example.org"
    transaction.commit()
    yield portal
    setSite(functional["portal"])


def browser_of(app, name=None):
    browser = Visitor(app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    if name is not None:
        browser.addHeader("Authorization", f"Basic {name}:{PASSWORD}")
    return browser


def _applied(site, userid="citizen-li"):
    application = apply_as(userid)
    transaction.commit()
    return application


def test_the_care_guide_links_to_the_form_and_other_guides_do_not(app, site):
    browser = browser_of(app)
    browser.open(GUIDE)
    assert f"{GUIDE}/@@care-application" in browser.contents
    browser.open(f"{GUIDE}/@@care-application")
    assert "/login" in browser.url  # anonymous: Plone's login form
    other = site["zh-cn"]["mzj"].objectIds()
    assert "home-care" in other
    browser = browser_of(app, "citizen-li")
    browser.open(f"{ROOT}/mzj/@@care-application")
    assert browser.headers["status"].startswith("404")


def post_form(app, userid, fields, files):
    """The form sent as a browser does (multipart, with its CSRF token): the
    response. zope.testbrowser cannot fill a file input with ``multiple``."""
    browser = browser_of(app, userid)
    browser.open(f"{GUIDE}/@@care-application")
    token = re.search(r'name="_authenticator" value="([^"]+)"', browser.contents)
    params = {"_authenticator": token.group(1), "form.submitted": "1", **fields}
    return browser.testapp.post(
        f"{GUIDE}/@@care-application",
        params=params,
        upload_files=[(name, filename, data) for name, filename, data in files],
        headers={"Authorization": f"Basic {userid}:{PASSWORD}"},
        expect_errors=True,
    )


FIELDS = {
    "applicant_name": "李秀兰",
    "id_number": VALID_ID,
    "phone": "13812345678",
    "address": "南头街道示例路1号",
    "disability_level": "moderate",
    "care_needs:list": "meals",
    "consent:boolean": "on",
}


def test_a_citizen_applies_through_the_form(app, site):
    response = post_form(app, "citizen-li", FIELDS, [("id_card", "身份证.pdf", PDF)])
    assert response.status_int == 302
    assert "/care-applications/jy-" in response.headers["Location"]
    transaction.begin()
    found = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="CareApplication"
    )
    assert len(found) == 1
    application = found[0]._unrestrictedGetObject()
    assert application.id_number == VALID_ID
    assert application.care_needs == ["meals"]
    assert application.consent is True
    browser = browser_of(app, "citizen-li")
    browser.open(response.headers["Location"])
    assert VALID_ID in browser.text  # in full on the item, for the applicant


def test_a_refused_form_keeps_what_was_typed_and_says_why(app, site):
    fields = {**FIELDS, "id_number": VALID_ID[:-1] + "Y", "phone": "12345"}
    response = post_form(
        app, "citizen-li", fields, [("id_card", "身份证.pdf", b"MZ\x90\x00 no pdf")]
    )
    assert response.status_int == 400
    text = response.body.decode("utf-8")
    assert 'value="李秀兰"' in text
    assert "zw-care-attachments-error" in text
    assert text.count("invalid-feedback d-block") >= 3
    transaction.begin()
    assert not api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="CareApplication"
    )


def test_a_form_without_its_token_is_refused(app, site):
    browser = browser_of(app, "citizen-li")
    response = browser.testapp.post(
        f"{GUIDE}/@@care-application",
        params={**FIELDS, "form.submitted": "1"},
        upload_files=[("id_card", "id.pdf", PDF)],
        headers={"Authorization": f"Basic citizen-li:{PASSWORD}"},
        expect_errors=True,
    )
    assert response.status_int == 403
    transaction.begin()
    assert not api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="CareApplication"
    )


def test_my_applications_lists_only_mine_with_numbers_masked(app, site):
    mine = _applied(site)
    theirs = _applied(site, "citizen-wang")
    browser = browser_of(app, "citizen-li")
    browser.open(f"{ROOT}/@@my-applications")
    assert mine.Title() in browser.text
    assert theirs.Title() not in browser.text
    assert mask_id_number(VALID_ID) in browser.text
    assert mask_phone("13812345678") in browser.text
    assert VALID_ID not in browser.text and "13812345678" not in browser.text


def test_the_queue_masks_numbers_and_the_item_shows_them_to_staff(app, site):
    application = _applied(site)
    browser = browser_of(app, "care-editor-of-mzj")
    browser.open(QUEUE)
    assert application.Title() in browser.text
    assert mask_id_number(VALID_ID) in browser.text
    assert VALID_ID not in browser.text
    browser.open(f"{QUEUE}/{application.getId()}")
    assert VALID_ID in browser.text and "13812345678" in browser.text


def test_other_departments_and_strangers_get_nothing(app, site):
    application = _applied(site)
    url = f"{QUEUE}/{application.getId()}"
    for name in ("care-editor-of-gaj", "citizen-wang"):
        browser = browser_of(app, name)
        browser.open(url)
        # Plone's "insufficient privileges" page, never the application
        assert "zw-care-application" not in browser.contents
        assert VALID_ID not in browser.text
        browser.open(f"{url}/attachment-1/@@download/file")
        assert not browser.contents.startswith("%PDF")
    browser = browser_of(app)
    browser.open(f"{url}/attachment-1/@@download/file")
    assert not browser.contents.startswith("%PDF")


def test_rest_read_and_transition_need_the_departments_roles(app, site):
    application = _applied(site)
    url = f"{QUEUE}/{application.getId()}"
    editor = ("care-editor-of-mzj", PASSWORD)
    status, body = rest_call(app, "GET", url, user=editor)
    assert status == 200
    assert body["id_number"] == VALID_ID
    assert body["review_state"] == "submitted"
    for user in (("care-editor-of-gaj", PASSWORD), ("citizen-wang", PASSWORD), None):
        status, body = rest_call(app, "GET", url, user=user)
        assert status in (401, 403, 404)
        assert VALID_ID not in str(body)
    status, _body = rest_call(
        app, "POST", f"{url}/@workflow/accept", user=("citizen-li", PASSWORD)
    )
    assert status >= 400 and status < 500
    status, body = rest_call(
        app,
        "POST",
        f"{url}/@workflow/send_back_intake",
        body={"comment": ""},
        user=editor,
    )
    assert status == 400
    status, body = rest_call(
        app, "POST", f"{url}/@workflow/accept", body={"comment": "受理"}, user=editor
    )
    assert status == 200, body
    assert body["review_state"] == "pending_section"
    status, body = rest_call(
        app, "GET", f"{url}/@workflow", user=("citizen-li", PASSWORD)
    )
    assert status == 200
    assert [h["action"] for h in body["history"]][-1] == "accept"


def test_a_citizen_cannot_create_an_application_over_rest(app, site):
    status, _body = rest_call(
        app,
        "POST",
        QUEUE,
        body={"@type": "CareApplication", "title": "x", "id_number": VALID_ID},
        user=("citizen-li", PASSWORD),
    )
    assert 400 <= status < 500
