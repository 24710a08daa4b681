"""Upgrade 1015: the registry records of booking codes and the district's gateway."""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from zhengwu.upgrades.v1015_booking_codes import upgrade

RECORDS = ("zhengwu.bookings.codes_per_hour", "zhengwu.bookings.sms_gateway_domain")


def test_an_old_site_gets_the_records_and_its_gateway(district):
    registry = getUtility(IRegistry, context=district)
    for name in RECORDS:
        del registry.records[name]
    upgrade(district.portal_setup)
    upgrade(district.portal_setup)
    assert registry["zhengwu.bookings.codes_per_hour"] == 5
    assert registry["zhengwu.bookings.sms_gateway_domain"] == "sms-gateway.localhost"


def test_the_administrators_values_are_kept(district):
    api.portal.set_registry_record("zhengwu.bookings.codes_per_hour", 3)
    api.portal.set_registry_record(
        "zhengwu.bookings.sms_gateway_domain", "sms.example.gov.cn"
    )
    upgrade(district.portal_setup)
    assert api.portal.get_registry_record("zhengwu.bookings.codes_per_hour") == 3
    domain = api.portal.get_registry_record("zhengwu.bookings.sms_gateway_domain")
    assert domain == "sms.example.gov.cn"


def test_a_site_without_a_district_profile_gets_the_records_only(integration):
    portal = integration["portal"]
    upgrade(portal.portal_setup)
    registry = getUtility(IRegistry, context=portal)
    assert registry["zhengwu.bookings.codes_per_hour"] == 5
