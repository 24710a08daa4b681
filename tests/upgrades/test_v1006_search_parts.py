"""Upgrade 1006: guides searched whole, one result per question thread (issue 15)."""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from zhengwu.upgrades.v1006_search_parts import upgrade

NOT_SEARCHED = "plone.types_not_searched"


def test_answers_leave_plones_own_search(district):
    registry = getUtility(IRegistry, context=district)
    registry[NOT_SEARCHED] = tuple(
        name for name in registry[NOT_SEARCHED] if "Answer" not in name
    )  # as a site made before 1006
    upgrade(district.portal_setup)
    assert {"Answer", "OfficialAnswer"} <= set(registry[NOT_SEARCHED])
    assert "Answer" not in api.portal.get_tool("plone_utils").getUserFriendlyTypes()


def test_the_pages_that_fill_the_new_fields_are_indexed_again(district, caplog):
    caplog.set_level("INFO", logger="zhengwu.upgrades.v1006_search_parts")
    upgrade(district.portal_setup)
    assert "pages indexed again" in caplog.text
