"""Solr learns the publishing date too: its Date and year fields follow it.

The publishing date set from code (``workflows/effective.py``) used to reach only
the ``effective`` fields: Solr's ``Date`` kept the modification date of the draft
until the next full reindex, which then disagreed with it.
"""

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
import time_machine
import transaction
from DateTime import DateTime
from layers import solr_select
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from Products.CMFCore.indexing import processQueue
from zope.component.hooks import setSite

ITEM = "published-in-one-go"


def _solr_doc(port, uid):
    (doc,) = solr_select(port, q=f"UID:{uid}")["docs"]
    return doc


@pytest.fixture(autouse=True)
def forget_test_content(solr_server):
    yield
    solr_server.delete("nanshan", f"getId:{ITEM}")


def test_an_item_created_and_published_in_one_go_is_dated_by_its_publication(
    functional, solr_server
):
    site = functional["app"]["nanshan"]
    setSite(site)
    created = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        with time_machine.travel(created, tick=False):
            item = api.content.create(
                container=site["zh-cn"]["gaj"], type="News Item", id=ITEM
            )
            # A catalog query on the way (a guard, a notification) sends the
            # queued index of the new item to Solr before it is published.
            processQueue()
        with time_machine.travel(created + timedelta(minutes=5), tick=False):
            api.content.transition(item, to_state="published")
        transaction.commit()

    doc = _solr_doc(solr_server.port, item.UID())
    published = created + timedelta(minutes=5)
    assert DateTime(doc["effective"]).asdatetime() == published
    assert DateTime(doc["Date"]).asdatetime() == published
    assert DateTime(doc["modified"]).asdatetime() == created
