"""Fixtures of the powers-list tests: the Nanshan Chinese root, a live list."""

import pytest
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from powers_rows import DRAFT
from powers_rows import EDITOR
from powers_rows import LISTED
from powers_rows import SITE_ADMIN
from powers_rows import sheet


@pytest.fixture
def root(district):
    """The Chinese language root of Nanshan, as its admin."""
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return district["zh-cn"]


@pytest.fixture
def live(acceptance, solr_server):
    """The live server with a small published list (and one draft) in Nanshan."""
    import transaction
    from plone import api
    from zope.component.hooks import setSite

    from zhengwu.powers.importer import import_powers

    app = acceptance["app"]
    site = app["nanshan"]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    root = site["zh-cn"]
    guide = api.content.create(
        container=root["gaj"],
        type="Guide",
        id="seal-engraving",
        title="公章刻制业特种行业许可证核发",
        service_code="11440305MB2C12345X4000000000",
    )
    api.content.transition(guide, to_state="published")
    assert import_powers(root, sheet(LISTED), "csv").ok
    # A draft added in the browser by an editor: the workflow's initial state.
    api.content.create(
        container=root["jyj"],
        type="PowerItem",
        id=DRAFT["code"].lower(),
        title=DRAFT["name"],
        power_code=DRAFT["code"],
        power_category=DRAFT["category"],
        legal_basis=DRAFT["legal_basis"],
    )
    for (username, password), role in (
        (SITE_ADMIN, "Site Administrator"),
        (EDITOR, "Editor"),
    ):
        api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=password,
            roles=("Member", role),
        )
    transaction.commit()
    setSite(acceptance["portal"])
    yield f"http://{acceptance['host']}:{acceptance['port']}/nanshan/zh-cn"
    # the ZODB is rolled back after the test, Solr is not
    solr_server.delete("nanshan", "portal_type:PowerItem")
