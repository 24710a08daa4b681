"""Who deletes what (issue 13.9): the workflows govern "Delete objects" in every
state. Editors delete drafts; items under review, published or archived are for site
administrators only, also when they sit in a folder an editor deletes. Over REST
``DELETE``, as integrators and the browser's scripts do."""

import pytest
import transaction
from access_helpers import ADMIN
from access_helpers import DISTRICT
from access_helpers import PASSWORD
from access_helpers import member
from access_helpers import mock_mailhost
from access_helpers import staff
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from visitors import rest_call
from zope.component.hooks import setSite

# gaj's documents follow the three-stage chain, czj's the disclosure chain.
PATHS = {
    "pending_section": ("gaj", ("submit",)),
    "pending_leader": ("gaj", ("submit", "approve_section")),
    "pending_confidentiality": ("czj", ("submit", "approve_section")),
    "published": ("gaj", ("submit", "approve_section", "sign_off")),
    "archived": ("gaj", ("submit", "approve_section", "sign_off", "archive")),
}


@pytest.fixture
def site(functional):
    """The functional layer's Nanshan site, mail caught, as the site owner."""
    app = functional["app"]
    site = app[DISTRICT]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    with mock_mailhost(site):
        yield site
    setSite(functional["portal"])


def item(site, department, transitions=(), container=None, title="通知"):
    """A document by the department's editor, moved on by the site owner."""
    container = container or site["zh-cn"][department]
    with api.env.adopt_user(username=staff(department, "editor")):
        obj = api.content.create(container=container, type="Document", title=title)
    for transition in transitions:
        api.content.transition(obj, transition=transition, comment="ok")
    return obj


def delete(site, obj, user):
    """REST ``DELETE`` of ``obj`` as ``user`` (a login or (login, password))."""
    credentials = user if isinstance(user, tuple) else (user, PASSWORD)
    transaction.commit()
    status, _ = rest_call(
        site.getPhysicalRoot(), "DELETE", obj.absolute_url(), None, credentials
    )
    return status


def exists(container, obj_id):
    transaction.begin()
    return obj_id in container.objectIds()


def test_editor_deletes_a_draft_of_the_department(site):
    doc = item(site, "gaj")
    assert delete(site, doc, staff("gaj", "editor")) == 204
    assert not exists(site["zh-cn"]["gaj"], doc.getId())


@pytest.mark.parametrize("state", sorted(PATHS))
def test_editor_cannot_delete_items_under_review_published_or_archived(site, state):
    department, transitions = PATHS[state]
    doc = item(site, department, transitions)
    assert api.content.get_state(doc) == state
    assert delete(site, doc, staff(department, "editor")) in (401, 403)
    assert exists(site["zh-cn"][department], doc.getId())


def test_reviewer_cannot_delete_what_awaits_their_review(site):
    doc = item(site, "gaj", ("submit",))
    assert delete(site, doc, staff("gaj", "section")) in (401, 403)
    assert exists(site["zh-cn"]["gaj"], doc.getId())


def test_site_administrator_deletes_published_items(site):
    admin = member("site-admin-1")
    api.user.grant_roles(username=admin, roles=["Site Administrator"])
    doc = item(site, "gaj", PATHS["published"][1])
    assert delete(site, doc, admin) == 204
    assert not exists(site["zh-cn"]["gaj"], doc.getId())


def test_manager_deletes_items_awaiting_sign_off(site):
    doc = item(site, "gaj", PATHS["pending_leader"][1])
    assert delete(site, doc, ADMIN) == 204
    assert not exists(site["zh-cn"]["gaj"], doc.getId())


def test_editor_cannot_delete_a_folder_holding_published_items(site):
    editor = staff("gaj", "editor")
    department = site["zh-cn"]["gaj"]
    with api.env.adopt_user(username=editor):
        folder = api.content.create(container=department, type="Folder", title="专栏")
    published = item(site, "gaj", PATHS["published"][1], container=folder)
    assert delete(site, folder, editor) in (401, 403)
    assert exists(department, folder.getId())
    assert published.getId() in department[folder.getId()].objectIds()


def test_editor_deletes_a_folder_holding_only_drafts(site):
    editor = staff("gaj", "editor")
    department = site["zh-cn"]["gaj"]
    with api.env.adopt_user(username=editor):
        folder = api.content.create(container=department, type="Folder", title="草稿")
    item(site, "gaj", container=folder)
    assert delete(site, folder, editor) == 204
    assert not exists(department, folder.getId())
