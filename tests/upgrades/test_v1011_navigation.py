"""Upgrade 1011: the Chinese site's navigation (issue 16)."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue
from zope.annotation.interfaces import IAnnotations

from zhengwu.navigation.setup_step import CREATED_KEY
from zhengwu.upgrades.v1011_navigation import upgrade

COLUMN_IDS = ("zwgk", "zwfw", "zwzd", "hdjl", "zjns", "zt")


def as_before_1011(district):
    """Remove what 1011 brings: the columns and what the step remembers."""
    root = district["zh-cn"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for column_id in COLUMN_IDS:
            if column_id in root.objectIds():
                api.content.delete(root[column_id], check_linkintegrity=False)
    IAnnotations(root).pop(CREATED_KEY, None)
    return root


def run_upgrade(district):
    """As the site owner runs it from the add-ons control panel."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        upgrade(district.portal_setup)


def test_an_existing_site_gets_its_columns(district):
    root = as_before_1011(district)
    run_upgrade(district)
    assert [cid for cid in root.objectIds() if cid in COLUMN_IDS] == list(COLUMN_IDS)
    assert api.content.get_state(root["zwgk"]["qzqd"]) == "published"
    assert root["zwgk"]["qzqd"].remoteUrl == "${navigation_root_url}/@@powers"


def test_running_it_again_keeps_what_editors_changed(district):
    root = district["zh-cn"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.delete(root["zt"], check_linkintegrity=False)
    root["zwgk"].setTitle("信息公开")
    run_upgrade(district)
    assert "zt" not in root.objectIds()
    assert root["zwgk"].Title() == "信息公开"


def test_demo_encyclopedia_entries_without_tags_get_their_topics(district):
    department = district["zh-cn"]["zsj"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        untagged = api.content.create(
            container=department,
            type="EncyclopediaEntry",
            id="miaopi",
            title="秒批",
            text=RichTextValue("<p>释义</p>", "text/html", "text/html"),
        )
        tagged = api.content.create(
            container=department,
            type="EncyclopediaEntry",
            id="yiwang-tongban",
            title="一网通办",
            subject=["编辑的主题"],
        )
    run_upgrade(district)
    assert untagged.Subject() == ("审批改革",)
    assert tagged.Subject() == ("编辑的主题",)
    processQueue()  # the indexing queue, as at the end of the upgrade's request
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog.getIndexDataForUID("/".join(untagged.getPhysicalPath()))[
        "Subject"
    ] == ["审批改革"]
