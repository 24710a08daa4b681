"""Upgrade 1003: the citizens' site (theme, homepages, identity, English sections)."""

from plone.app.theming.utils import getCurrentTheme

from zhengwu.upgrades.v1003_citizens_site import district_profile_of
from zhengwu.upgrades.v1003_citizens_site import upgrade


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


def test_a_publishing_date_hidden_in_an_attribute_moves_to_effective_date(district):
    import datetime

    import transaction
    from plone import api
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import login

    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    item = api.content.create(
        container=district["zh-cn"]["jyj"],
        type="News Item",
        id="old-news",
        title="旧闻",
    )
    item.effective = datetime.datetime(2024, 5, 1, 10, 0)  # as the old import did
    transaction.savepoint(optimistic=True)
    item._p_jar.cacheMinimize()  # as the upgrade finds it: a ghost
    upgrade(district.portal_setup)
    assert "effective" not in item.__dict__
    assert item.effective().ISO8601().startswith("2024-05-01T10:00:00+08:00")
    brain = api.content.find(UID=item.UID(), search_backend="catalog")[0]
    assert brain.effective.ISO8601().startswith("2024-05-01T10:00:00+08:00")
