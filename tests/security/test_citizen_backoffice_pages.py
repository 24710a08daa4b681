"""Citizens get no toolbar (edit, sharing, add menus) but their own links; staff
keep Plone's toolbar; ``show_inactive`` needs the permission (issue 13.10)."""

import pytest
import transaction
from access_helpers import DISTRICT
from access_helpers import staff
from backoffice_helpers import call
from backoffice_helpers import live_site
from backoffice_helpers import page
from DateTime import DateTime
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.component.hooks import setSite


@pytest.fixture
def web(acceptance):
    yield live_site(acceptance)
    setSite(acceptance["portal"])


def test_citizen_gets_no_toolbar_but_profile_and_log_out_links(web):
    response = page(web["open"].absolute_url(), "bo-asker")
    assert response.status_code == 200
    tree = html.fromstring(response.text)
    assert not tree.cssselect("#edit-bar, #edit-zone, #plone-contentmenu-factories")
    assert not tree.cssselect("#portal-toolbar")
    links = [a.get("href") for a in tree.cssselect("#zw-member-tools a")]
    assert any(href.endswith("/logout") for href in links)
    assert any(href.endswith("/@@personal-information") for href in links)


def test_citizen_gets_no_toolbar_on_their_own_pending_question(web):
    response = page(web["pending"].absolute_url(), "bo-asker")
    assert response.status_code == 200
    tree = html.fromstring(response.text)
    assert not tree.cssselect("#edit-bar, #plone-contentmenu-workflow")
    assert "sharing" not in response.text.split('id="content"')[0]


def test_department_editor_keeps_the_toolbar(web):
    editor = staff("gaj", "editor")
    transaction.commit()
    department = web["site"]["zh-cn"]["gaj"]
    tree = html.fromstring(page(department.absolute_url(), editor).text)
    assert tree.cssselect("#edit-bar")
    assert not tree.cssselect("#zw-member-tools")


def test_anonymous_gets_neither_toolbar_nor_member_links(web):
    tree = html.fromstring(page(web["open"].absolute_url()).text)
    assert not tree.cssselect("#edit-bar, #zw-member-tools")


@pytest.fixture
def expired(web):
    """A published page whose expiry date lies ten days back."""
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(
            container=web["site"]["zh-cn"],
            type="Document",
            id="bo-expired-notice",
            title="过期的通知",
        )
        api.content.transition(item, transition="publish")
    item.setExpirationDate(DateTime() - 10)
    item.reindexObject()
    transaction.commit()
    yield item
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(item)
    transaction.commit()


@pytest.mark.parametrize("user", [None, "bo-other"])
@pytest.mark.parametrize("flag", ["1", "true", "True"])
def test_show_inactive_is_ignored_without_the_permission(web, expired, user, flag):
    url = f"{web['site'].absolute_url()}/@search"
    query = f"?UID={api.content.get_uuid(expired)}&show_inactive={flag}"
    response = call("GET", url + query, user)
    assert response.status_code == 200
    assert response.json()["items_total"] == 0


def test_show_inactive_works_for_who_may_see_inactive_content(web, expired):
    url = f"{web['site'].absolute_url()}/@search"
    query = f"?UID={api.content.get_uuid(expired)}&show_inactive=1"
    response = call("GET", url + query, SITE_OWNER_NAME)
    assert response.status_code == 200
    assert response.json()["items_total"] == 1
    assert DISTRICT in response.json()["items"][0]["@id"]
