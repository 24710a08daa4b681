"""The Chinese menu in the real Chromium: menu → column → item, on a phone (the
burger menu, 375 px) and a desktop (1280 px); screenshots in test-artifacts/."""

from pathlib import Path

import pytest
from publishing import publish_in_department

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
VIEWPORTS = {"phone": (375, 812), "desktop": (1280, 900)}


@pytest.fixture
def live(acceptance):
    """The live server's base URL, with a news item for 政务公开 to list."""
    publish_in_department(
        acceptance["app"],
        "gaj",
        type_="News Item",
        id="nav-news",
        title="公安分局开放日",
    )
    return f"http://{acceptance['host']}:{acceptance['port']}"


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"navigation-{name}.png"), full_page=True)


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.browser
@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_menu_column_item(chromium, live, size):
    width, height = VIEWPORTS[size]
    context = chromium.new_context(
        viewport={"width": width, "height": height}, locale="zh-CN"
    )
    try:
        page = context.new_page()
        page.goto(f"{live}/nanshan/zh-cn")
        menu = page.locator("#portal-globalnav")
        if size == "phone":
            toggle = page.locator(".zw-nav-toggle")
            assert toggle.is_visible()
            assert not menu.get_by_role(
                "link", name="政务公开", exact=True
            ).is_visible()
            toggle.click()
            assert toggle.get_attribute("aria-expanded") == "true"
        column = menu.locator("> li > a", has_text="政务公开")
        assert column.is_visible()
        shot(page, f"menu-{size}")
        column.click()
        page.wait_for_url(f"{live}/nanshan/zh-cn/zwgk")
        assert page.locator("h1").first.inner_text() == "政务公开"
        for title in ("政府信息公开", "权责清单", "机构职能", "新闻动态"):
            assert page.locator("#content-core h2", has_text=title).is_visible()
        assert no_sideways_scroll(page) <= 0, f"the column scrolls at {width} px"
        shot(page, f"column-{size}")
        page.locator("#content-core a", has_text="公安分局开放日").click()
        page.wait_for_url(f"{live}/nanshan/zh-cn/gaj/nav-news")
        assert page.locator("h1").first.inner_text() == "公安分局开放日"
        page.go_back()
        page.locator("#content-core h2 a", has_text="权责清单").click()
        page.wait_for_url(f"{live}/nanshan/zh-cn/@@powers")
        shot(page, f"powers-{size}")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_the_indexes_fit_the_screen(chromium, live, size):
    width, height = VIEWPORTS[size]
    context = chromium.new_context(
        viewport={"width": width, "height": height}, locale="zh-CN"
    )
    try:
        page = context.new_page()
        for view in ("departments", "encyclopedia", "sitemap"):
            response = page.goto(f"{live}/nanshan/zh-cn/{view}")
            assert response.ok
            assert no_sideways_scroll(page) <= 0, f"{view} scrolls at {width} px"
            shot(page, f"{view}-{size}")
        page.goto(f"{live}/nanshan/zh-cn/@@departments")
        page.locator("#content-core a", has_text="蛇口街道办事处").click()
        page.wait_for_url(f"{live}/nanshan/zh-cn/shekou")
    finally:
        context.close()
