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


def add_site_admin_and_editor(site, site_admin, editor, department="gaj"):
    """Create a Site Administrator and an Editor of ``department`` (each a
    ``(username, password)`` pair); the caller commits."""
    with api.env.adopt_roles(["Manager"]):
        for username, password in (site_admin, editor):
            api.user.create(
                email=f"{username}@example.org",
                username=username,
                password=password,
                roles=("Member",),
            )
        api.user.grant_roles(username=site_admin[0], roles=["Site Administrator"])
        api.user.grant_roles(
            username=editor[0], obj=site["zh-cn"][department], roles=["Editor"]
        )
