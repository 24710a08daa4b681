"""The setup step builds the columns of /nanshan/zh-cn from the profile: published,
in order, again without harm; a link to a page the site lacks is left out."""

from layers import PROFILES
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.navigation.columns import Column
from zhengwu.navigation.columns import Subcolumn
from zhengwu.navigation.interfaces import IColumn
from zhengwu.navigation.setup_step import CREATED_KEY
from zhengwu.navigation.setup_step import build_columns
from zhengwu.sites.profile import load_district_profile


def run_step(site):
    step = getUtility(IDistrictSetupStep, name="zhengwu.columns")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        step(site, load_district_profile(PROFILES / "nanshan"))


def test_the_columns_are_published_folders_of_the_chinese_root_in_order(district):
    root = district["zh-cn"]
    ids = [cid for cid in root.objectIds() if IColumn.providedBy(root[cid])]
    assert ids == ["zwgk", "zwfw", "zwzd", "hdjl", "zjns", "zt"]
    for cid in ids:
        assert api.content.get_state(root[cid]) == "published"
        assert root[cid].getLayout() == "column-view"
        assert root[cid].Language() == "zh-cn"
    assert root["zwgk"]["xwdt"].portal_type == "Folder"
    assert root["zwzd"]["wytw"].portal_type == "Link"
    assert "en" not in [
        c.Language() for c in root.objectValues() if IColumn.providedBy(c)
    ]


def test_running_again_adds_nothing_and_keeps_a_deleted_column_deleted(district):
    root = district["zh-cn"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.delete(root["zt"], check_linkintegrity=False)
    before = list(root.objectIds())
    run_step(district)
    assert list(root.objectIds()) == before


def test_a_link_to_a_page_the_site_lacks_is_left_out(district, caplog):
    root = district["zh-cn"]
    column = Column(
        id="extra",
        title="额外",
        description="",
        subcolumns=(
            Subcolumn(id="gone", title="不存在", description="", link="nowhere/@@x"),
            Subcolumn(id="ask", title="提问", description="", link="zhidao/@@ask"),
        ),
    )
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        created = build_columns(root, (column,))
    assert created == ["extra", "extra/ask"]
    assert "no page nowhere/@@x" in caplog.text
    assert "extra/gone" not in IAnnotations(root)[CREATED_KEY]
