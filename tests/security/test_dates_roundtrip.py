"""Publishing and expiry dates over REST read back as the instant written (issue 13.6).

The portal runs with TZ=Asia/Shanghai set by zope.conf after DateTime was imported:
the fixture ``shanghai_process`` recreates that (Python's local zone Shanghai,
DateTime's still the one it was imported with), the state in which every read and
write-back of a date moved it by eight hours.
"""

import os
import time
from urllib.parse import urlsplit

import pytest
import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from visitors import rest_call
from zope.component.hooks import setSite

ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
# Types with plone.publication's dates (a DisclosureRecord has none over REST: its
# date is the day it is published, set by the workflow).
TYPES = ("Document", "News Item")


@pytest.fixture
def shanghai_process():
    """Python's local time zone Asia/Shanghai, as in a running portal."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def items(functional, shanghai_process):
    """One item of each type in the Nanshan site, by type: its REST URL."""
    site = functional["app"]["nanshan"]
    setSite(site)
    urls = {}
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for portal_type in TYPES:
            obj = api.content.create(
                container=site["zh-cn"]["gaj"],
                type=portal_type,
                title=f"日期 {portal_type}",
            )
            urls[portal_type] = obj.absolute_url()
    transaction.commit()
    yield urls
    setSite(functional["portal"])


def patch(app, url, body):
    return rest_call(app, "PATCH", url, body, ADMIN)


def read(app, url):
    status, body = rest_call(app, "GET", url, None, ADMIN)
    assert status == 200, body
    return body


@pytest.mark.parametrize("portal_type", TYPES)
def test_a_date_with_a_zone_reads_back_as_the_same_instant(
    functional, items, portal_type
):
    app, url = functional["app"], items[portal_type]
    status, body = patch(
        app,
        url,
        {
            "effective": "2030-06-01T12:00:00+00:00",
            "expires": "2031-01-01T08:30:00+08:00",
        },
    )
    assert status == 204, body
    item = read(app, url)
    assert item["effective"] == "2030-06-01T12:00:00+00:00"
    assert item["expires"] == "2031-01-01T00:30:00+00:00"


@pytest.mark.parametrize("portal_type", TYPES)
def test_writing_back_what_was_read_changes_nothing(functional, items, portal_type):
    app, url = functional["app"], items[portal_type]
    assert patch(app, url, {"effective": "2030-06-01T12:00:00+00:00"})[0] == 204
    first = read(app, url)["effective"]
    for _round in range(3):
        assert patch(app, url, {"effective": read(app, url)["effective"]})[0] == 204
    assert read(app, url)["effective"] == first == "2030-06-01T12:00:00+00:00"


def test_a_date_without_a_zone_is_in_the_portals_zone(functional, items):
    app, url = functional["app"], items["News Item"]
    assert patch(app, url, {"effective": "2030-06-01T20:00:00"})[0] == 204
    assert read(app, url)["effective"] == "2030-06-01T12:00:00+00:00"
    assert patch(app, url, {"effective": "2030-06-01"})[0] == 204
    assert read(app, url)["effective"] == "2030-05-31T16:00:00+00:00"


def test_the_item_stores_the_instant_written(functional, items):
    app, url = functional["app"], items["Document"]
    assert patch(app, url, {"effective": "2030-06-01T12:00:00+00:00"})[0] == 204
    document = app.unrestrictedTraverse(urlsplit(url).path.lstrip("/"))
    assert (
        document.effective().timeTime() == DateTime("2030-06-01T12:00:00Z").timeTime()
    )


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31T23:59:59",
        "9999-12-31T23:59:59+00:00",
        "0000-01-01T00:00:00",
        "0001-01-01T00:00:00",
        "2030-13-01T00:00:00",
        "2030-02-30",
        "not a date",
        "",
        12345,
        ["2030-06-01"],
        {"date": "2030-06-01"},
    ],
)
def test_a_date_out_of_range_or_garbage_is_a_400_with_a_message(
    functional, items, value
):
    app, url = functional["app"], items["News Item"]
    assert patch(app, url, {"effective": "2030-06-01T12:00:00+00:00"})[0] == 204
    status, body = patch(app, url, {"effective": value})
    assert status == 400, body
    assert "effective" in str(body["message"])
    assert read(app, url)["effective"] == "2030-06-01T12:00:00+00:00"


def test_expiry_before_publishing_is_still_refused(functional, items):
    app, url = functional["app"], items["Document"]
    status, body = patch(
        app,
        url,
        {"effective": "2030-06-01T12:00:00+00:00", "expires": "2030-05-01T12:00:00"},
    )
    assert status == 400, body


def test_clearing_a_date_still_works(functional, items):
    app, url = functional["app"], items["Document"]
    assert patch(app, url, {"expires": "2031-01-01T00:00:00+08:00"})[0] == 204
    assert patch(app, url, {"expires": None})[0] == 204
    assert read(app, url)["expires"] is None
