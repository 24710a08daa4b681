"""Content as editors leave it: created (drafts) or published, and committed."""

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.component.hooks import setSite


def _create(app, department, type_, fields, publish):
    site = app["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(
            container=site["zh-cn"][department], type=type_, **fields
        )
        if publish:
            api.content.transition(obj, to_state="published")
    transaction.commit()
    return obj


def publish_in_department(app, department, type_="Document", **fields):
    """Create in /nanshan/zh-cn/<department> as the site owner, publish through the
    department's chain, commit (so Solr receives it); return the object."""
    return _create(app, department, type_, fields, publish=True)


def draft_in_department(app, department, type_="Document", **fields):
    """Create in /nanshan/zh-cn/<department> as the site owner and leave it in the
    workflow's initial (private) state; commit; return the object."""
    return _create(app, department, type_, fields, publish=False)
