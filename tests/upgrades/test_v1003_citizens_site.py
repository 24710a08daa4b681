"""Upgrade 1003: the citizens' site (theme, homepages, identity, English sections)."""

from plone.app.theming.utils import getCurrentTheme

from zhengwu.upgrades.v1003_citizens_site import district_profile_of
from zhengwu.upgrades.v1003_citizens_site import upgrade


def test_profile_version_is_the_upgrade_destination(district):
    setup = district.portal_setup
    assert setup.getLastVersionForProfile("zhengwu:default") == ("1003",)


def test_a_site_without_a_district_profile_is_left_alone(integration):
    portal = integration["portal"]
    assert district_profile_of(portal) is None
    upgrade(portal.portal_setup)  # no setup steps, no error


def test_upgrade_activates_the_theme_again(district):
    from plone.app.theming.utils import applyTheme

    applyTheme(None)
    assert getCurrentTheme() is None
    upgrade(district.portal_setup)
    assert getCurrentTheme() == "zhengwu"
