"""Public pages in the real Chromium at 375 and 1280 px: a guide that shows how to
act and copies its link without the internet, its print page on a phone, a
disclosure record with its attachment and interpretation, and a homepage with one
title and one search box."""

from pathlib import Path

import pytest
import transaction
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from publishing import publish_in_department
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.intid.interfaces import IIntIds

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ROOT = "/nanshan/zh-cn"
VIEWPORTS = {"phone": (375, 812), "desktop": (1280, 900)}
ONLINE = "https://www.gdzwfw.gov.cn/"
SAFE = "text/x-html-safe"
GUIDE = {
    "id": "act-id-card",
    "title": "居民身份证申领",
    "service_code": "11440305MB2C12345X4440120009001",
    "situations": ["首次申领", "补领"],
    "materials": [
        {"name": "居民户口簿", "form": "original", "count": 1, "medium": "paper",
         "source": "申请人自备", "situations": "", "note": ""},
    ],
    "fees": "不收费",
    "windows": "南山区政务服务中心（南山大道2097号）综合受理窗口",
    "enquiry_phone": "0755-26651000",
    "booking": True,
    "online_url": ONLINE,
}  # fmt: skip


@pytest.fixture
def live(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.fixture(params=sorted(VIEWPORTS))
def screen(request, chromium, live):
    """A Chinese-speaking page at a phone's or a desktop's width that may use the
    clipboard, with a list of the requests that left the site."""
    width, height = VIEWPORTS[request.param]
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": width, "height": height}
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live)
    page = context.new_page()
    page.outside = []
    page.on(
        "request",
        lambda r: r.url.startswith((live, "data:")) or page.outside.append(r.url),
    )
    page.name = request.param
    yield page
    context.close()


def shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.name}.png"), full_page=True)


def assert_fits(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than the {page.name} screen"


@pytest.fixture
def guide(acceptance):
    return publish_in_department(acceptance["app"], "gaj", type_="Guide", **GUIDE)


@pytest.fixture
def record(acceptance):
    app = acceptance["app"]
    site = app["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        record = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="DisclosureRecord",
            id="act-record",
            title="关于调整居住证办理流程的通知",
            topic_category="policy",
            genre="notice",
            document_number="深南公〔2026〕7号",
            text=RichTextValue(
                "<p>办理流程调整如下。</p>", "text/html", "text/x-html-safe"
            ),
        )
        api.content.create(
            container=record,
            type="File",
            id="notice.pdf",
            title="通知全文（PDF）",
            file=NamedBlobFile(b"%PDF-1.4 demo", filename="notice.pdf"),
        )
        api.content.transition(record, to_state="published")
        interpretation = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="PolicyInterpretation",
            id="act-reading",
            title="一图读懂居住证办理新流程",
            interprets=RelationValue(getUtility(IIntIds).getId(record)),
        )
        api.content.transition(interpretation, to_state="published")
    transaction.commit()
    return record


@pytest.mark.browser
def test_a_guide_shows_how_to_act_and_copies_its_link(guide, live, screen):
    url = f"{live}{ROOT}/gaj/{GUIDE['id']}"
    screen.goto(url)
    actions = screen.locator(".guide-actions")
    expect(actions.get_by_role("link", name="在线办理")).to_have_attribute(
        "href", ONLINE
    )
    expect(actions.locator("a[href='tel:075526651000']")).to_be_visible()
    expect(actions.get_by_text("可以预约办理")).to_be_visible()
    expect(actions.get_by_role("link", name="在地图上查看")).to_be_visible()
    assert_fits(screen)
    shoot(screen, "guide-actions")
    share = screen.locator(".guide-share")
    share.scroll_into_view_if_needed()
    copy = share.get_by_role("button", name="复制链接")
    copy.click()
    expect(share.locator(".guide-copy-status")).to_have_text("链接已复制")
    assert screen.evaluate("navigator.clipboard.readText()") == url
    share.get_by_text("分享到微信").click()
    expect(share.locator("img.guide-share-qr")).to_be_visible()
    weibo = share.get_by_role("link", name="分享到微博")
    assert weibo.get_attribute("href").startswith(
        "https://service.weibo.com/share/share.php?url="
    )
    assert screen.outside == [], "the page loaded something from outside the site"


@pytest.mark.browser
def test_the_print_page_works_on_a_phone(guide, live, screen):
    screen.goto(f"{live}{ROOT}/gaj/{GUIDE['id']}?print=1")
    button = screen.get_by_role("button", name="打印")
    expect(button).to_be_visible()
    assert_fits(screen)
    shoot(screen, "guide-print")
    # On paper the tools are gone, the list stays.
    screen.emulate_media(media="print")
    expect(button).to_be_hidden()
    expect(screen.get_by_text("居民户口簿")).to_be_visible()
    assert screen.outside == []


@pytest.mark.browser
def test_a_disclosure_record_shows_its_attachment_and_interpretation(
    record, live, screen
):
    screen.goto(f"{live}{ROOT}/gaj/act-record")
    main = screen.locator("#content")
    expect(main.get_by_role("link", name="通知全文（PDF）")).to_be_visible()
    expect(main.get_by_role("link", name="一图读懂居住证办理新流程")).to_be_visible()
    for words in ("短名", "版本化已启用", "这个文件夹中，当前没有任何内容"):
        expect(screen.get_by_text(words)).to_have_count(0)
    assert_fits(screen)
    shoot(screen, "disclosure-record")
    assert screen.outside == []


@pytest.mark.browser
def test_a_homepage_has_one_title_and_one_search_box(guide, live, screen):
    screen.goto(f"{live}{ROOT}/resident")
    visible_boxes = screen.locator("input[name=SearchableText]:visible")
    expect(visible_boxes).to_have_count(1)
    site_title = screen.get_by_text("深圳市南山区人民政府", exact=True)
    expect(site_title.locator("visible=true")).to_have_count(1)
    expect(screen.locator("h1")).to_have_text("居民服务")
    expect(screen.get_by_text("暂无内容")).to_have_count(0)
    assert_fits(screen)
    shoot(screen, "homepage-resident")
    assert screen.outside == []
