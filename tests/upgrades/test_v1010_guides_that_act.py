"""Upgrade 1010: public pages without the back office, guides that act (issue 16)."""

from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from zhengwu.upgrades.v1010_guides_that_act import upgrade

MAP_URL = "zhengwu.identity.map_url"


def test_a_site_without_a_district_profile_is_left_alone(integration):
    upgrade(integration["portal"].portal_setup)  # no setup step, no error


def test_the_map_link_record_is_added_and_filled_from_the_profile(district):
    registry = getUtility(IRegistry, context=district)
    del registry.records[MAP_URL]  # as a site made before 1010
    upgrade(district.portal_setup)
    assert registry[MAP_URL].startswith("https://")
    assert "{address}" in registry[MAP_URL]


def test_an_administrators_map_link_is_kept(district):
    registry = getUtility(IRegistry, context=district)
    registry[MAP_URL] = "https://maps.example.cn/?q={address}"
    upgrade(district.portal_setup)
    assert registry[MAP_URL] == "https://maps.example.cn/?q={address}"
