"""Retention of bookings' personal data (PIPL): old days anonymised, counts kept."""

import datetime

import pytest
import transaction
from booking_helpers import MONDAY
from booking_helpers import MORNING
from booking_helpers import fix_now
from booking_helpers import id_number
from booking_helpers import make_bookable
from clerk_helpers import PHONE
from clerk_helpers import book
from clerk_helpers import browser_of
from clerk_helpers import make_users
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from zhengwu.bookings import service
from zhengwu.bookings.staff import retention
from zhengwu.bookings.staff.retention import apply_retention
from zhengwu.bookings.staff.setup_step import profile_retention_days
from zhengwu.bookings.store import booking_store
from zhengwu.bookings.store import held_by
from zhengwu.sites.profile import ProfileError

DAY_AFTER = MONDAY + datetime.timedelta(days=1)


@pytest.fixture
def beach(site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    make_users()
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        bookable = make_bookable(site["zh-cn"]["gaj"])
    api.portal.set_registry_record(retention.RECORD, 30)
    return bookable


def test_the_district_profile_sets_the_retention_period(site):
    assert api.portal.get_registry_record(retention.RECORD) == 180


def test_retention_anonymises_old_days_and_keeps_their_counts(beach, monkeypatch):
    old = book(beach, 1, 2)
    fix_now(monkeypatch, MORNING + datetime.timedelta(hours=4))
    service.mark_no_show(beach, old.reference)
    fix_now(monkeypatch, MORNING)
    kept = book(beach, 3, day=DAY_AFTER)
    uid = api.content.get_uuid(beach)
    holder = service.holder_of("resident")
    assert f"{uid}/{old.reference}" in held_by(holder)
    counts_before = service.counts(beach, MONDAY, DAY_AFTER)

    # 30 days after the Tuesday: the Monday is older than the period, not the Tuesday
    first_kept, done = apply_retention(
        api.portal.get(), DAY_AFTER + datetime.timedelta(days=30)
    )
    assert first_kept == DAY_AFTER
    assert done == 1
    _day, anonymised = service.find(beach, old.reference)
    assert anonymised.people == ({}, {})
    assert anonymised.contact == {}
    assert anonymised.places == 2
    assert anonymised.state == "no_show"
    assert dict(booking_store(beach).no_shows) == {}
    assert booking_store(beach).ledger(MONDAY).persons == {}
    assert f"{uid}/{old.reference}" not in held_by(holder)
    # the kept day is untouched, the counts are the same
    _day, still = service.find(beach, kept.reference)
    assert still.people[0]["id_number"] == id_number(3)
    assert still.contact["phone"] == PHONE
    assert f"{uid}/{kept.reference}" in held_by(holder)
    assert service.counts(beach, MONDAY, DAY_AFTER) == counts_before
    # a second run finds nothing more
    assert (
        apply_retention(api.portal.get(), DAY_AFTER + datetime.timedelta(days=30))[1]
        == 0
    )


def test_anonymised_days_show_no_one_to_the_staff(site, beach):
    old = book(beach, 1)
    apply_retention(api.portal.get(), MONDAY + datetime.timedelta(days=31))
    transaction.commit()
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{beach.absolute_url()}/@@bookings-day?date=2030-06-03")
    assert browser.headers["status"].startswith("200")
    assert old.reference in browser.contents
    assert id_number(1) not in browser.contents
    assert PHONE not in browser.contents


def test_the_daily_clock_runs_once_a_day_and_writes_only_what_it_removes(
    site, beach, monkeypatch
):
    old = book(beach, 1)
    transaction.commit()
    retention.LAST_RUN.clear()
    fix_now(monkeypatch, MORNING + datetime.timedelta(days=31))
    retention.anonymise_when_due(site, None)
    transaction.begin()
    assert service.find(beach, old.reference)[1].contact == {}
    db = site._p_jar.db()
    before = db.lastTransaction()
    retention.LAST_RUN.clear()
    retention.anonymise_when_due(site, None)  # nothing left to remove: no write
    assert db.lastTransaction() == before


def test_retention_view_is_for_managers_and_posts(site, beach):
    old = book(beach, 1)
    transaction.commit()
    url = f"{site.absolute_url()}/@@bookings-retention"
    clerk = browser_of(site.aq_parent, "clerk-of-gaj")
    clerk.post(url, "")
    transaction.begin()
    assert service.find(beach, old.reference)[1].contact
    owner = browser_of(site.aq_parent)
    owner.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    owner.open(url)
    assert "POST" in owner.contents
    transaction.begin()
    assert service.find(beach, old.reference)[1].contact  # a GET changes nothing


@pytest.mark.parametrize("value", ["0", "-1", '"180"', "true", "1.5"])
def test_a_bad_retention_period_in_the_profile_is_refused(tmp_path, value):
    (tmp_path / "district.toml").write_text(f"[bookings]\nretention_days = {value}\n")
    with pytest.raises(ProfileError, match="retention_days"):
        profile_retention_days(tmp_path)


def test_a_profile_without_bookings_keeps_the_default(tmp_path):
    (tmp_path / "district.toml").write_text('[site]\nid = "x"\n')
    assert profile_retention_days(tmp_path) is None
