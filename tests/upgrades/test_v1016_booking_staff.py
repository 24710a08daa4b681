"""Upgrade 1016: the bookings' retention period from the district profile."""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from zhengwu.upgrades.v1016_booking_staff import upgrade

RECORD = "zhengwu.bookings.retention_days"


def test_a_site_without_a_district_profile_is_left_alone(integration):
    upgrade(integration["portal"].portal_setup)


def test_an_old_site_gets_the_record_with_the_profiles_period(district):
    registry = getUtility(IRegistry)
    del registry.records[RECORD]
    upgrade(district.portal_setup)
    upgrade(district.portal_setup)
    assert api.portal.get_registry_record(RECORD) == 180
