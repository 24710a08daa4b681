"""Disclosure records in the Nanshan site, created as the site administrator."""

import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME


@pytest.fixture
def new_record():
    """Create a disclosure record in ``container`` as the site administrator."""

    def new_record(container, title="2026年部门预算", **fields):
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            return api.content.create(
                container=container,
                type="DisclosureRecord",
                title=title,
                topic_category="财政预算决算",
                genre="报告",
                **fields,
            )

    return new_record


@pytest.fixture
def as_admin():
    """Run a block as the site administrator."""
    return lambda: api.env.adopt_user(username=SITE_OWNER_NAME)
