"""Upgrade 1005: trust (issue 13)."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from zhengwu.upgrades.v1005_trust import upgrade
from zhengwu.workflows.advance import advance

RECORDS = (
    "zhengwu.rest.allowed_origins",
    "zhengwu.workflows.allow_same_approver",
    "zhengwu.mail_limits.per_recipient_per_hour",
)


def test_profile_version_is_the_upgrade_destination(district):
    setup = district.portal_setup
    assert setup.getLastVersionForProfile("zhengwu:default") == ("1009",)


def test_a_site_without_a_district_profile_is_left_alone(integration):
    upgrade(integration["portal"].portal_setup)  # no setup steps, no error


def test_upgrade_adds_the_new_registry_records(district):
    registry = getUtility(IRegistry, context=district)
    for name in RECORDS:
        del registry.records[name]  # as a site made before 1005
    upgrade(district.portal_setup)
    assert all(name in registry.records for name in RECORDS)
    assert registry["zhengwu.workflows.allow_same_approver"] is False


def test_upgrade_takes_deleting_a_published_item_away_from_editors(district):
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)  # as the demo import runs
    item = api.content.create(
        container=district["zh-cn"]["jyj"], type="News Item", id="n", title="新闻"
    )
    assert advance(item) == "published"
    # as before 1005: the workflow left "Delete objects" to the folder
    item.manage_permission("Delete objects", ["Editor", "Owner"], acquire=True)
    upgrade(district.portal_setup)
    roles = {
        role["name"]
        for role in item.rolesOfPermission("Delete objects")
        if role["selected"]
    }
    assert "Editor" not in roles and "Owner" not in roles
    assert "Site Administrator" in roles


def test_upgrade_gives_the_question_department_to_the_moderators(district):
    fti = district.portal_types.getTypeInfo("Question")
    fti.behaviors = (*fti.behaviors, "zhengwu.department")  # as before 1005
    upgrade(district.portal_setup)
    assert "zhengwu.department" not in fti.behaviors
    assert list(fti.behaviors).count("zhengwu.question_department") == 1
