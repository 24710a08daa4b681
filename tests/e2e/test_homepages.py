"""The homepages in the real Chromium: phone and desktop widths, and the role a
visitor picks in the role switcher, remembered on the next visit."""

from pathlib import Path

import pytest
from publishing import publish_in_department

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HOMEPAGES = {
    "classic": "/nanshan/zh-cn",
    "resident": "/nanshan/zh-cn/resident",
    "enterprise": "/nanshan/zh-cn/enterprise",
    "tourist": "/nanshan/zh-cn/tourist",
    "english": "/nanshan/en",
}
VIEWPORTS = {"phone": (375, 812), "desktop": (1280, 900)}
MODULES = ("news", "services", "featured", "hot-topics", "interpretations")


@pytest.fixture
def live(acceptance):
    """The live server's base URL, with a guide and a news item to show."""
    app = acceptance["app"]
    publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="home-residence",
        title="居住证申领",
        service_code="HP-LIVE-0001",
        audience=["person"],
    )
    publish_in_department(app, "gaj", type_="News Item", id="home-news", title="新消息")
    return f"http://{acceptance['host']}:{acceptance['port']}"


def watch_outside_requests(page, base):
    outside = []
    page.on(
        "request",
        lambda request: (
            request.url.startswith((base, "data:")) or outside.append(request.url)
        ),
    )
    return outside


@pytest.mark.browser
@pytest.mark.parametrize("name", list(HOMEPAGES))
def test_homepage_fits_phone_and_desktop_without_empty_modules(chromium, live, name):
    ARTIFACTS.mkdir(exist_ok=True)
    for size, (width, height) in VIEWPORTS.items():
        context = chromium.new_context(
            viewport={"width": width, "height": height}, locale="zh-CN"
        )
        try:
            page = context.new_page()
            outside = watch_outside_requests(page, live)
            response = page.goto(live + HOMEPAGES[name])
            assert response.ok
            assert page.url == live + HOMEPAGES[name]  # no role: no redirect
            page.screenshot(
                path=str(ARTIFACTS / f"homepage-{name}-{size}.png"), full_page=True
            )
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, f"{name} scrolls sideways at {width} px"
            assert page.locator("h1").count() == 1
            search = page.locator("#zw-hero-search-text")
            assert search.is_visible()
            assert page.locator("input[name=SearchableText]:visible").count() == 1
            assert page.locator("label[for=zw-hero-search-text]").is_visible()
            # Visitors get the modules that have something to show, never an
            # empty one.
            assert page.get_by_text("暂无内容").count() == 0
            for module in MODULES:
                heading = page.locator(f"#zw-module-{module} h2")
                if heading.count():
                    heading.scroll_into_view_if_needed()
                    assert heading.is_visible(), f"{module} on {name} at {width} px"
            if name in ("classic", "resident"):
                services = page.locator("#zw-module-services")
                assert services.get_by_text("居住证申领").is_visible()
            assert outside == [], "the page loaded something from outside the site"
        finally:
            context.close()


@pytest.mark.browser
def test_hero_search_opens_the_search_page(page, live):
    page.goto(live + HOMEPAGES["classic"])
    page.fill("#zw-hero-search-text", "居住证")
    page.locator("#zw-hero .zw-hero-search-button").click()
    page.wait_for_load_state()
    assert page.url.startswith(live + "/nanshan/zh-cn/@@search?")
    assert "SearchableText=" in page.url


@pytest.mark.browser
def test_the_chosen_role_is_remembered_until_classic_is_chosen(chromium, live):
    """Needs the role switcher (#zw-role-switcher) and theme/js/role.js, which set
    the cookie zhengwu_role on a click."""
    context = chromium.new_context(
        viewport={"width": 375, "height": 812}, locale="zh-CN"
    )
    try:
        page = context.new_page()
        page.goto(live + HOMEPAGES["classic"])
        page.locator("#zw-role-switcher a[data-role=enterprise]").click()
        page.wait_for_url(live + HOMEPAGES["enterprise"])
        # Another visit (a new tab of the same browser) lands on the role's page.
        later = context.new_page()
        later.goto(live + HOMEPAGES["classic"])
        assert later.url == live + HOMEPAGES["enterprise"]
        switcher = later.locator("#zw-role-switcher")
        current = switcher.locator("a[aria-current=page]")
        assert current.get_attribute("data-role") == "enterprise"
        ARTIFACTS.mkdir(exist_ok=True)
        later.screenshot(path=str(ARTIFACTS / "homepage-role-remembered.png"))
        # Back to the classic homepage: it stays there, now and next time.
        switcher.locator("a[data-role=classic]").click()
        later.wait_for_url(live + HOMEPAGES["classic"])
        again = context.new_page()
        again.goto(live + HOMEPAGES["classic"])
        assert again.url == live + HOMEPAGES["classic"]
        assert again.locator("#zw-hero").get_attribute("data-role") == "classic"
    finally:
        context.close()
