"""The site map, the departments index and the encyclopedia index of a language
root, as anonymous visitors read them."""

import transaction
from navigation_helpers import core_links
from navigation_helpers import create
from navigation_helpers import tree_of
from plone.app.textfield.value import RichTextValue


def sitemap_links(tree):
    return [
        a.text_content().strip() for a in tree.xpath("//*[@id='portal-sitemap']//a")
    ]


def test_the_chinese_site_map_lists_the_columns_and_their_subcolumns(site, anonymous):
    links = sitemap_links(tree_of(anonymous, f"{site['zh-cn'].absolute_url()}/sitemap"))
    for title in ("政务公开", "政务服务", "政务知道", "互动交流", "走进南山", "专题"):
        assert title in links
    for title in ("权责清单", "政府信息公开", "机构职能", "我要提问", "政府百科"):
        assert title in links


def test_the_english_site_map_lists_its_sections(site, anonymous):
    links = sitemap_links(tree_of(anonymous, f"{site['en'].absolute_url()}/sitemap"))
    assert "Government" in links
    assert "Departments" in links
    assert "政务公开" not in links


def test_the_departments_index_lists_every_body_by_kind(site, anonymous):
    root = site["zh-cn"]
    tree = tree_of(anonymous, f"{root.absolute_url()}/@@departments")
    headings = [h.text_content() for h in tree.xpath("//*[@id='content-core']//h2")]
    assert len(headings) == 3  # departments, sub-district offices, vertical bureaus
    links = core_links(tree)
    assert ("深圳市公安局南山分局", root["gaj"].absolute_url()) in links
    assert ("蛇口街道办事处", root["shekou"].absolute_url()) in links
    assert (
        "联系方式",
        f"{root['gaj'].absolute_url()}#department-contacts-heading",
    ) in links


def entry(container, id_, title, topics=(), publish=True):
    return create(
        container,
        "EncyclopediaEntry",
        publish=publish,
        id=id_,
        title=title,
        text=RichTextValue("<p>释义</p>", "text/html", "text/html"),
        subject=list(topics),
    )


def test_the_encyclopedia_index_groups_entries_by_initial_and_topic(site, anonymous):
    root = site["zh-cn"]
    department = root["zsj"]
    entry(department, "miaopi", "秒批", ["审批改革"])
    entry(department, "rongque", "容缺受理", ["审批改革"])
    entry(department, "rexian", "12345热线", ["办事渠道"])
    entry(department, "quote", "“办不成事”反映窗口")
    entry(department, "draft", "未发布名词", ["审批改革"], publish=False)
    transaction.commit()
    tree = tree_of(anonymous, f"{root.absolute_url()}/@@encyclopedia")
    initials = tree.xpath("//section[contains(@class, '--initials')]")[0]
    groups = {
        h3.text_content(): [a.text_content() for a in h3.getnext().xpath(".//a")]
        for h3 in initials.xpath("./h3")
    }
    assert groups == {
        "B": ["“办不成事”反映窗口"],
        "M": ["秒批"],
        "R": ["容缺受理"],
        "#": ["12345热线"],
    }
    topics = tree.xpath("//section[contains(@class, '--topics')]")[0]
    by_topic = {
        h3.text_content(): [a.text_content() for a in h3.getnext().xpath(".//a")]
        for h3 in topics.xpath("./h3")
    }
    assert by_topic["审批改革"] == ["秒批", "容缺受理"] or by_topic["审批改革"] == [
        "容缺受理",
        "秒批",
    ]
    assert by_topic["其他名词"] == ["“办不成事”反映窗口"]
    assert "未发布名词" not in anonymous.contents
    letters = tree.xpath("//nav[@class='zw-initials']/a/@href")
    assert letters == [
        "#zw-initial-B",
        "#zw-initial-M",
        "#zw-initial-R",
        "#zw-initial-#",
    ]


def test_the_encyclopedia_index_is_reached_from_the_menu(site, anonymous):
    root = site["zh-cn"]
    links = dict(core_links(tree_of(anonymous, root["zwzd"].absolute_url())))
    assert links["政府百科"] == f"{root.absolute_url()}/@@encyclopedia"
