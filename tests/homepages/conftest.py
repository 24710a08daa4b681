"""Homepage tests: fresh page-open counts, the Nanshan site, users who edit or not."""

import pytest
import transaction
from homepage_fixtures import DEPARTMENT_EDITOR
from homepage_fixtures import SITE_ADMIN
from plone import api
from zope.component.hooks import setSite

from zhengwu.homepages import usage
from zhengwu.search.stats import buffer


@pytest.fixture(autouse=True)
def fresh_counts():
    """Counts and cached totals live in process memory: they outlive a test's DB."""
    buffer._buffers.clear()
    usage._cache.clear()
    yield
    buffer._buffers.clear()
    usage._cache.clear()


@pytest.fixture
def site(functional):
    """The Nanshan site of the functional layer, as the current site."""
    site = functional["app"]["nanshan"]
    setSite(site)
    yield site
    setSite(functional["portal"])


@pytest.fixture
def people(site):
    """A site administrator and an editor of the gaj department, committed."""
    with api.env.adopt_roles(["Manager"]):
        for username, password in (SITE_ADMIN, DEPARTMENT_EDITOR):
            api.user.create(
                email=f"{username}@example.org",
                username=username,
                password=password,
                roles=("Member",),
            )
        api.user.grant_roles(username=SITE_ADMIN[0], roles=["Site Administrator"])
        api.user.grant_roles(
            username=DEPARTMENT_EDITOR[0], obj=site["zh-cn"]["gaj"], roles=["Editor"]
        )
    transaction.commit()
