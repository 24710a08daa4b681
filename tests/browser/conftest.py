"""Content for the page tests: a guide, a strategy and a department editor, served
over HTTP by the functional layer (each test gets its own copy of the database)."""

import pytest
import transaction
from guide_samples import ID_CARD
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from visitors import Visitor

EDITOR = "gaj-editor"
EDITOR_PASSWORD = "secret-gaj-editor-1"


@pytest.fixture
def gaj(site):
    return site["zh-cn"]["gaj"]


@pytest.fixture
def publish():
    def publish(obj):
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            api.content.transition(obj, to_state="published")

    return publish


@pytest.fixture
def create(site):
    """Create content as the site owner; commit so the HTTP side sees it."""

    def create(container, type, **fields):
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            obj = api.content.create(container=container, type=type, **fields)
        transaction.commit()
        return obj

    return create


@pytest.fixture
def id_card(gaj, create):
    return create(gaj, "Guide", **ID_CARD)


@pytest.fixture
def editor(site, gaj):
    """A departmental editor of 公安分局 (Editor, Contributor, Reader there)."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(
            email="editor@example.org", username=EDITOR, password=EDITOR_PASSWORD
        )
        api.user.grant_roles(
            username=EDITOR, obj=gaj, roles=["Editor", "Contributor", "Reader"]
        )
        gaj.reindexObjectSecurity()  # as the sharing page does
    transaction.commit()
    return EDITOR


@pytest.fixture
def as_editor(functional, editor):
    """The departmental editor's browser."""
    browser = Visitor(functional["app"])
    browser.addHeader("Authorization", f"Basic {EDITOR}:{EDITOR_PASSWORD}")
    return browser
