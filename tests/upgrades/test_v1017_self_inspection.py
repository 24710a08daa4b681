"""Upgrade 1017: the self-inspection's registry records and a first run."""

from plone import api

from zhengwu.inspection.history import HISTORY_KEY
from zhengwu.inspection.history import runs_of
from zhengwu.upgrades.v1017_self_inspection import upgrade


def test_a_site_without_a_district_profile_gets_the_records_only(integration):
    upgrade(integration["portal"].portal_setup)
    assert runs_of(integration["portal"]) == []


def test_an_old_district_gets_its_records_and_a_first_run_once(district):
    from zope.annotation.interfaces import IAnnotations

    registry = api.portal.get_tool("portal_registry")
    del registry.records["zhengwu.inspection.homepage_days"]
    IAnnotations(district).pop(HISTORY_KEY, None)
    with api.env.adopt_roles(["Manager"]):
        upgrade(district.portal_setup)
        upgrade(district.portal_setup)
    assert api.portal.get_registry_record("zhengwu.inspection.homepage_days") == 14
    runs = runs_of(district)
    assert len(runs) == 1
    assert runs[0]["trigger"] == "startup"
