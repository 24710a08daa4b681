"""The demo bookable services and the bookings already made (bookings.toml)."""

import datetime

import pytest
from layers import PROFILES
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite

from zhengwu.bookings import ledger as states
from zhengwu.bookings.people import checked_id_number
from zhengwu.bookings.store import booking_store
from zhengwu.importers.demo_bookings import demo_id_number
from zhengwu.importers.demo_bookings import load_demo_bookings
from zhengwu.importers.demo_bookings import read_bookings
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile

YANTIAN = {
    "wtlj": {"dameisha-booking", "chung-ying-street-booking", "museum-booking"},
    "zsj": {"door-to-door-booking", "after-hours-appointments"},
}
NANSHAN = {"zsj": {"door-to-door-booking", "after-hours-appointments"}}


@pytest.fixture
def site_of(demo):
    app = demo["app"]
    login(app, SITE_OWNER_NAME)

    def site_of(district):
        site = app[district]
        setSite(site)
        return site

    yield site_of
    setSite(demo["portal"])


def bookables(site):
    path = "/".join(site.getPhysicalPath())
    return {
        brain.getId: brain.getObject()
        for brain in api.content.find(context=site, portal_type="Bookable", path=path)
    }


def all_bookings(bookable):
    store = booking_store(bookable)
    return [
        (day, booking)
        for day, ledger in store.days.items()
        for booking in ledger.entries.values()
    ]


@pytest.mark.parametrize(
    ("district", "wanted"), [("yantian", YANTIAN), ("nanshan", NANSHAN)]
)
def test_each_district_has_its_published_bookables_tied_to_guides(
    site_of, district, wanted
):
    site = site_of(district)
    found = bookables(site)
    assert set(found) == set().union(*wanted.values())
    for department, ids in wanted.items():
        for bookable_id in ids:
            bookable = site["zh-cn"][department][bookable_id]
            assert api.content.get_state(bookable) == "published", bookable_id
            guide = bookable.guide.to_object
            assert guide is not None and guide.aq_parent.getId() == department
            assert guide.booking is True, guide.getId()


def test_yantian_rules_follow_the_brief(site_of):
    wtlj = site_of("yantian")["zh-cn"]["wtlj"]
    beach = wtlj["dameisha-booking"]
    assert beach.daily_quota and beach.opening == "every_day"
    assert (beach.per_person, beach.max_companions, beach.waiting_list) == (1, 4, False)
    assert not beach.account_required
    street = wtlj["chung-ying-street-booking"]
    assert street.daily_quota is None and street.opening == "every_day"
    assert wtlj["museum-booking"].closed_weekdays == [0]
    zsj = site_of("yantian")["zh-cn"]["zsj"]
    door = zsj["door-to-door-booking"]
    assert door.kind == "door_to_door" and door.account_required
    assert door.needs_address and door.needs_confirmation
    late = zsj["after-hours-appointments"]
    assert late.kind == "after_hours" and late.opening == "working_days"
    assert late.windows and late.account_required
    assert all(line.split("-")[0] >= "17:00" for line in late.slots)


@pytest.mark.parametrize("district", ["yantian", "nanshan"])
def test_bookings_are_made_for_coming_open_days_with_one_full_slot(
    site_of, demo, district
):
    site = site_of(district)
    counts = demo["demo_counts"][district]["bookings"]
    made = {bid: all_bookings(b) for bid, b in bookables(site).items()}
    assert counts["bookings"] == sum(len(v) for v in made.values()) > 0
    full = 0
    for bookable_id, bookings in made.items():
        bookable = bookables(site)[bookable_id]
        places = {line.split()[0]: int(line.split()[1]) for line in bookable.slots}
        for day, booking in bookings:
            assert booking.state == states.BOOKED
            assert datetime.date.fromisoformat(day).weekday() not in (
                bookable.closed_weekdays or []
            )
            for person in booking.people:
                assert person["name"].startswith("演示"), person
                assert checked_id_number(person["id_number"]), person
            if bookable.account_required:
                assert booking.contact["account"] == "demo-resident-03"
            if bookable.needs_address:
                assert booking.contact["address"].startswith("演示地址")
                assert booking.confirmed is False  # waits for the department
        store = booking_store(bookable)
        for ledger in store.days.values():
            for slot, taken in ledger.taken.items():
                assert taken <= places[slot]
                full += taken == places[slot]
    assert full == 1, made


def test_loading_again_adds_nothing(site_of):
    site = site_of("nanshan")
    profile = load_district_profile(PROFILES / "nanshan")
    before = {bid: len(all_bookings(b)) for bid, b in bookables(site).items()}
    assert load_demo_bookings(site, profile) == {"bookables": 0, "bookings": 0}
    after = {bid: len(all_bookings(b)) for bid, b in bookables(site).items()}
    assert after == before


def test_demo_id_numbers_are_valid_and_of_the_district():
    numbers = {demo_id_number("yantian", n) for n in range(1, 200)}
    assert len(numbers) == 199
    assert all(checked_id_number(n) and n.startswith("440308") for n in numbers)


def test_a_bad_bookings_file_is_refused(tmp_path):
    (tmp_path / "content").mkdir()
    path = tmp_path / "content" / "bookings.toml"
    path.write_text(
        '[[bookable]]\nid = "x"\ndepartment = "zsj"\ntitle = "x"\n'
        'slots = ["12:00-09:00 5"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ProfileError, match="slots"):
        read_bookings(tmp_path)
    path.write_text('[[booking]]\nbookable = "nowhere"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="unknown bookable"):
        read_bookings(tmp_path)
    path.write_text(
        '[[bookable]]\nid = "x"\ndepartment = "zsj"\ntitle = "x"\n'
        'slots = ["09:00-12:00 5"]\ncolour = "red"\n',
        encoding="utf-8",
    )
    with pytest.raises(ProfileError, match="colour"):
        read_bookings(tmp_path)
