"""The Chinese site's columns: in the global navigation, each a landing page that
shows its subcolumns and what they list, with the visitor's permissions."""

import transaction
from navigation_helpers import core_links
from navigation_helpers import create
from navigation_helpers import tree_of

COLUMN_TITLES = ["政务公开", "政务服务", "政务知道", "互动交流", "走进南山", "专题"]


def top_level_menu(tree):
    return [
        a.text_content().strip() for a in tree.xpath("//*[@id='portal-globalnav']/li/a")
    ]


def test_the_chinese_menu_holds_home_and_the_six_columns(site, anonymous):
    tree = tree_of(anonymous, site["zh-cn"].absolute_url())
    assert top_level_menu(tree) == ["首页", *COLUMN_TITLES]


def test_the_menu_opens_on_the_subcolumns_of_a_column(site, anonymous):
    tree = tree_of(anonymous, site["zh-cn"].absolute_url())
    column = tree.xpath(
        "//*[@id='portal-globalnav']/li[a[normalize-space()='政务公开']]"
    )
    titles = [a.text_content().strip() for a in column[0].xpath(".//ul//a")]
    assert titles == ["政府信息公开", "权责清单", "机构职能", "新闻动态", "政策解读"]


def test_every_column_page_renders_for_anonymous_with_its_subcolumns(site, anonymous):
    root = site["zh-cn"]
    for column_id in ("zwgk", "zwfw", "zwzd", "hdjl", "zjns", "zt"):
        tree = tree_of(anonymous, root[column_id].absolute_url())
        assert anonymous.headers["status"].startswith("200")
        assert tree.get("lang") == "zh-cn"
        headings = tree.xpath("//*[@id='content-core']//h2[@class='zw-column__title']")
        assert len(headings) >= 2, column_id
        assert "being prepared" not in anonymous.contents
        assert "正在建设" not in anonymous.contents


def test_a_subcolumn_link_leads_straight_to_the_existing_page(site, anonymous):
    root = site["zh-cn"]
    links = dict(core_links(tree_of(anonymous, root["zwgk"].absolute_url())))
    assert links["权责清单"] == f"{root.absolute_url()}/@@powers"
    assert links["政府信息公开"] == f"{root.absolute_url()}/@@disclosure"
    assert links["机构职能"] == f"{root.absolute_url()}/@@departments"
    interaction = dict(core_links(tree_of(anonymous, root["hdjl"].absolute_url())))
    assert interaction["在线提问"] == f"{root.absolute_url()}/zhidao/@@ask"
    assert interaction["我为政府网站找错"] == f"{root.absolute_url()}/@@report-error"
    anonymous.open(links["权责清单"])
    assert anonymous.headers["status"].startswith("200")


def test_the_news_subcolumn_lists_published_news_only(site, anonymous):
    root = site["zh-cn"]
    create(root["gaj"], "News Item", id="open-day", title="公安分局开放日")
    create(root["gaj"], "News Item", publish=False, id="draft", title="未发布的稿件")
    transaction.commit()
    landing = dict(core_links(tree_of(anonymous, root["zwgk"].absolute_url())))
    assert "公安分局开放日" in landing
    assert "未发布的稿件" not in landing
    page = dict(core_links(tree_of(anonymous, root["zwgk"]["xwdt"].absolute_url())))
    assert page == {"公安分局开放日": root["gaj"]["open-day"].absolute_url()}


def test_a_listing_that_finds_nothing_says_so_plainly(site, anonymous):
    tree = tree_of(anonymous, site["zh-cn"]["zwfw"]["bsgl"].absolute_url())
    assert tree.xpath("//*[contains(@class, 'zw-column__none')]")


def test_the_street_offices_column_lists_the_sub_districts(site, anonymous):
    root = site["zh-cn"]
    page = dict(core_links(tree_of(anonymous, root["zjns"]["jdbsc"].absolute_url())))
    assert page["蛇口街道办事处"] == root["shekou"].absolute_url()
    assert "深圳市公安局南山分局" not in page


def test_the_latest_questions_list_approved_questions_not_those_awaiting(
    site, anonymous
):
    from plone import api
    from plone.app.testing import SITE_OWNER_NAME
    from qa_helpers import approve
    from qa_helpers import ask
    from qa_helpers import citizen

    with api.env.adopt_user(username=SITE_OWNER_NAME):
        citizen("asker")
        approve(ask(site, "asker", "护照过期了怎么换新的？"))
        ask(site, "asker", "还在等审核的提问")
    transaction.commit()
    page = dict(
        core_links(tree_of(anonymous, site["zh-cn"]["zwzd"]["zxwd"].absolute_url()))
    )
    assert "护照过期了怎么换新的？" in page
    assert "还在等审核的提问" not in page
