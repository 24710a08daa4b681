"""Content as approved work ends up: created, published and committed."""

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.component.hooks import setSite


def publish_in_department(app, department, type_="Document", **fields):
    """Create in /nanshan/zh-cn/<department> as the site owner, publish through the
    department's chain, commit (so Solr receives it); return the object."""
    site = app["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(
            container=site["zh-cn"][department], type=type_, **fields
        )
        api.content.transition(obj, to_state="published")
    transaction.commit()
    return obj
