"""Fixtures of the curation tests: Nanshan with a published guide, users, and a
Solr left as the layer made it (synonyms and documents) after each test."""

from contextlib import contextmanager

import pytest
import transaction
from curation_fixtures import COMPANY_TITLE
from curation_fixtures import DEPARTMENT_EDITOR
from curation_fixtures import RESIDENCE_TITLE
from curation_fixtures import SITE_ADMIN
from plone import api
from publishing import add_site_admin_and_editor
from publishing import publish_in_department
from zope.component.hooks import setSite

from zhengwu.search.curation.solr_sync import replace_synonyms
from zhengwu.search.curation.storage import synonym_groups
from zhengwu.search.solr import outage


@contextmanager
def solr_restored(app, solr_server, departments=("gaj",)):
    """Put the nanshan core's synonyms and documents back after the test: the layer's
    ZODB is rolled back, Solr is not."""
    site = app["nanshan"]
    setSite(site)
    groups = synonym_groups(site)
    outage.forget()
    try:
        yield
    finally:
        outage.forget()
        setSite(site)
        replace_synonyms(outage.solr_manager(), groups)
        for department in departments:
            solr_server.delete(
                "nanshan",
                f'path_parents:"/nanshan/zh-cn/{department}" -getId:{department}',
            )


@pytest.fixture
def guide(functional, solr_server):
    """A published 居住证 guide at /nanshan/zh-cn/gaj/residence-permit, in Solr."""
    with solr_restored(functional["app"], solr_server):
        yield publish_in_department(
            functional["app"],
            "gaj",
            type_="Guide",
            id="residence-permit",
            title=RESIDENCE_TITLE,
            service_code="11440305MB2C12345X4000000001",
        )


@pytest.fixture
def synonyms_kept(functional, solr_server):
    """The nanshan core's synonyms, put back after the test."""
    with solr_restored(functional["app"], solr_server, departments=()):
        yield


@pytest.fixture
def company_guide(functional, solr_server):
    """A published 企业设立登记（营业执照） guide of the market regulator, in Solr."""
    with solr_restored(functional["app"], solr_server, departments=("scjgj",)):
        yield publish_in_department(
            functional["app"],
            "scjgj",
            type_="Guide",
            id="business-registration",
            title=COMPANY_TITLE,
            service_code="11440305MBB18LEA3C4000000001",
        )


@pytest.fixture
def live(acceptance, solr_server):
    """The live server's Nanshan URL, with the guide, a draft and the test users."""
    app = acceptance["app"]
    with solr_restored(app, solr_server):
        yield _live_site(acceptance)


def _live_site(acceptance):
    app = acceptance["app"]
    site = app["nanshan"]
    publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="residence-permit",
        title=RESIDENCE_TITLE,
        service_code="11440305MB2C12345X4000000001",
    )
    setSite(site)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=site["zh-cn"]["gaj"], type="Document", id="draft", title="草稿"
        )
    add_site_admin_and_editor(site, SITE_ADMIN, DEPARTMENT_EDITOR)
    transaction.commit()
    return f"http://{acceptance['host']}:{acceptance['port']}/nanshan"
