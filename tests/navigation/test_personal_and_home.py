"""The citizen's own pages in the personal menu; the homepage's column links."""

from navigation_helpers import citizen_browser
from navigation_helpers import tree_of


def member_links(tree):
    return {
        a.text_content().strip(): a.get("href")
        for a in tree.xpath("//*[@id='zw-member-tools']//a")
    }


def test_a_citizen_finds_for_me_and_my_questions_in_the_personal_menu(site, functional):
    import transaction

    browser = citizen_browser(functional["app"])
    transaction.commit()
    root = site["zh-cn"]
    links = member_links(tree_of(browser, root["zwgk"].absolute_url()))
    assert links["为我推荐"] == f"{root.absolute_url()}/@@for-me"
    assert links["我的提问"] == f"{root.absolute_url()}/@@my-questions"
    assert links["我的申请"] == f"{root.absolute_url()}/@@my-applications"
    browser.open(links["我的提问"])
    assert browser.headers["status"].startswith("200")
    browser.open(links["为我推荐"])
    assert browser.headers["status"].startswith("200")


def test_anonymous_visitors_get_no_personal_menu(site, anonymous):
    assert member_links(tree_of(anonymous, site["zh-cn"].absolute_url())) == {}


def test_the_homepage_links_the_columns_and_the_main_services(site, anonymous):
    root = site["zh-cn"]
    tree = tree_of(anonymous, root.absolute_url())
    block = tree.xpath("//nav[@class='zw-column-links']")
    assert block, "no column links on the homepage"
    links = {a.text_content().strip(): a.get("href") for a in block[0].xpath(".//a")}
    assert links["政务公开"] == root["zwgk"].absolute_url()
    assert links["权责清单"] == f"{root.absolute_url()}/@@powers"
    assert links["政府信息公开"] == f"{root.absolute_url()}/@@disclosure"
    assert links["问答"] == f"{root.absolute_url()}/zhidao"
    assert links["机构职能"] == f"{root.absolute_url()}/@@departments"
