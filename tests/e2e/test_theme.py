"""The Zhengwu theme in the real Chromium: active, self-contained, phone-first,
keyboard-friendly, with the accessibility modes and the time-of-day scene."""

from datetime import UTC
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from publishing import publish_in_department

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DEPARTMENT = "/nanshan/zh-cn/gaj"
GUIDE = "/nanshan/zh-cn/gaj/theme-passport"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
SMALL_PHONE = {"width": 360, "height": 740}
SIZES = {"small-phone": SMALL_PHONE, "phone": PHONE, "desktop": DESKTOP}


@pytest.fixture
def base(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.fixture
def guide(acceptance):
    app = acceptance["app"]
    if "theme-passport" not in app["nanshan"]["zh-cn"]["gaj"]:
        publish_in_department(
            app,
            "gaj",
            type_="Guide",
            id="theme-passport",
            title="普通护照签发（首次申领、换发、补发）和出入境证件办理",
            service_code="THEME-0001",
            conditions="年满十六周岁的中国公民" * 20,
        )
    return GUIDE


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def no_horizontal_overflow(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth"
        " && document.body.scrollWidth <= window.innerWidth"
    )


@pytest.mark.browser
def test_the_theme_is_active_and_nothing_leaves_the_site(base, guide, page):
    outside = []
    page.on(
        "request",
        lambda request: request.url.startswith(base) or outside.append(request.url),
    )
    for path in (DEPARTMENT, guide, "/nanshan/zh-cn/@@search?SearchableText=护照"):
        response = page.goto(base + path)
        assert response.ok, path
        css = page.locator("link[data-bundle='diazo']").get_attribute("href")
        assert "++theme++zhengwu/build/zhengwu.css" in css
        # The stylesheet applies: the tokens are on :root, the header is blue.
        primary = page.evaluate(
            "getComputedStyle(document.documentElement)"
            ".getPropertyValue('--zw-primary').trim()"
        )
        assert primary == "#0b5cad"
        expect(page.locator("header#zw-header")).to_be_visible()
        expect(page.locator("#portal-breadcrumbs")).to_be_visible()
        expect(page.locator("footer#portal-footer-wrapper")).to_be_visible()
    assert outside == [], "the page loaded something from outside the site"


@pytest.mark.browser
@pytest.mark.parametrize("size", list(SIZES))
def test_department_and_guide_fit_the_screen_and_offer_the_search_box(
    base, guide, chromium, size
):
    viewport = SIZES[size]
    context = chromium.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    try:
        for name, path in (("department", DEPARTMENT), ("guide", guide)):
            page.goto(base + path)
            page.wait_for_load_state("load")
            assert no_horizontal_overflow(page), f"{name} scrolls sideways"
            box = page.locator("#portal-searchbox input[name=SearchableText]")
            expect(box).to_be_visible()
            box.fill("护照")
            box.press("Enter")
            page.wait_for_url("**/@@search**")
            assert no_horizontal_overflow(page), "search page scrolls sideways"
            page.goto(base + path)
            shot(page, f"theme-{name}-{viewport['width']}")
    finally:
        context.close()


@pytest.mark.browser
def test_the_menu_button_opens_the_navigation_on_phones(base, chromium):
    context = chromium.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(base + DEPARTMENT)
        toggle = page.locator(".zw-nav-toggle")
        nav = page.locator("#portal-globalnav")
        expect(toggle).to_be_visible()
        expect(toggle).to_have_attribute("aria-expanded", "false")
        assert toggle.get_attribute("aria-label")
        expect(nav).to_be_hidden()
        toggle.focus()
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(nav.locator("a").first).to_be_visible()
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")
        expect(nav).to_be_hidden()
        focused = page.evaluate("document.activeElement.className")
        assert "zw-nav-toggle" in focused
    finally:
        context.close()
    # On desktops the sections show without a button.
    context = chromium.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(base + DEPARTMENT)
        expect(page.locator(".zw-nav-toggle")).to_be_hidden()
        expect(page.locator("#portal-globalnav a").first).to_be_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_tab_reaches_the_skip_link_first_with_a_visible_focus(base, page):
    page.goto(base + DEPARTMENT)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const el = document.activeElement;"
        " const style = getComputedStyle(el);"
        " return {cls: el.className, href: el.getAttribute('href'),"
        " outline: style.outlineStyle, width: style.outlineWidth,"
        " visible: el.getBoundingClientRect().top >= 0}; })()"
    )
    assert focused["cls"] == "zw-skip-link"
    assert focused["href"] == "#content"
    assert focused["outline"] != "none" and focused["width"] != "0px"
    assert focused["visible"]
    shot(page, "theme-skip-link")
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")
    # Every further stop keeps a visible outline (search box, nav links, ...).
    for _ in range(8):
        page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", page.evaluate("document.activeElement.outerHTML")


def mode_button(page, mode):
    return page.locator(f"#zw-a11y-toolbar button[data-a11y='{mode}']")


@pytest.mark.browser
def test_accessibility_modes_toggle_apply_and_persist(base, page):
    page.goto(base + DEPARTMENT)
    html = page.locator("html")
    body_size = "parseFloat(getComputedStyle(document.body).fontSize)"
    h1_size = (
        "parseFloat(getComputedStyle(document.querySelector('#content h1')).fontSize)"
    )
    normal_body, normal_h1 = page.evaluate(body_size), page.evaluate(h1_size)
    normal_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")

    large = mode_button(page, "large-text")
    expect(large).to_have_attribute("aria-pressed", "false")
    large.click()
    expect(large).to_have_attribute("aria-pressed", "true")
    assert "zw-large-text" in html.get_attribute("class")
    assert page.evaluate(body_size) >= normal_body * 1.2
    assert page.evaluate(h1_size) >= normal_h1 * 1.2

    contrast = mode_button(page, "high-contrast")
    contrast.click()
    expect(contrast).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == (
        "rgb(0, 0, 0)"
    )
    assert normal_bg != "rgb(0, 0, 0)"
    link = page.locator("#portal-breadcrumbs a").first
    assert link.evaluate("el => getComputedStyle(el).color") == "rgb(255, 255, 0)"
    assert "underline" in link.evaluate("el => getComputedStyle(el).textDecorationLine")

    guide = mode_button(page, "reading-guide")
    guide.click()
    expect(page.locator(".zw-reading-guide-band")).to_be_visible()
    page.mouse.move(200, 400)
    band = page.locator(".zw-reading-guide-band").bounding_box()
    assert band["y"] < 400 < band["y"] + band["height"]
    shot(page, "theme-a11y-modes")

    # Remembered across pages and visits (restored before the first paint).
    assert page.evaluate("localStorage.getItem('zhengwu-a11y')") == (
        '["large-text","high-contrast","reading-guide"]'
    )
    page.reload()
    classes = html.get_attribute("class")
    for mode in ("large-text", "high-contrast", "reading-guide"):
        assert f"zw-{mode}" in classes
        expect(mode_button(page, mode)).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(body_size) >= normal_body * 1.2

    # Off again, and forgotten.
    for mode in ("large-text", "high-contrast", "reading-guide"):
        mode_button(page, mode).click()
        expect(mode_button(page, mode)).to_have_attribute("aria-pressed", "false")
    page.reload()
    assert "zw-large-text" not in (html.get_attribute("class") or "")
    assert page.evaluate(body_size) == normal_body


@pytest.mark.browser
def test_a_broken_storage_value_is_ignored(base, page):
    page.goto(base + DEPARTMENT)
    page.evaluate("localStorage.setItem('zhengwu-a11y', '{not json')")
    page.reload()
    assert "zw-large-text" not in page.locator("html").get_attribute("class")
    page.evaluate("localStorage.setItem('zhengwu-a11y', '[\"evil\", \"large-text\"]')")
    page.reload()
    classes = page.locator("html").get_attribute("class")
    assert "zw-large-text" in classes and "zw-evil" not in classes


def period_at(hour):
    if 5 <= hour < 11:
        return "morning"
    if 11 <= hour < 17:
        return "noon"
    return "evening"


def elsewhere(now, server_period):
    """A time zone where it is another period of the day than in Shanghai."""
    for offset in range(-12, 13):
        # Etc/GMT+N is N hours *behind* UTC.
        zone = f"Etc/GMT{'+' if offset <= 0 else '-'}{abs(offset)}"
        hour = now.astimezone(ZoneInfo(zone)).hour
        if period_at(hour) != server_period:
            return zone, period_at(hour)
    raise AssertionError("every zone has the same period")


@pytest.mark.browser
def test_the_scene_follows_the_visitors_clock_without_moving_the_page(base, chromium):
    now = datetime.now(UTC)
    server_period = period_at(now.astimezone(ZoneInfo("Asia/Shanghai")).hour)
    zone, visitor_period = elsewhere(now, server_period)

    def visit(timezone_id, javascript=True):
        context = chromium.new_context(
            viewport=DESKTOP,
            locale="zh-CN",
            timezone_id=timezone_id,
            java_script_enabled=javascript,
        )
        page = context.new_page()
        if javascript:
            page.clock.set_fixed_time(now)
        page.goto(base + DEPARTMENT)
        page.wait_for_load_state("load")
        scene = page.locator("#zw-scene")
        found = {
            "period": scene.get_attribute("data-period"),
            "style": scene.get_attribute("style") or "",
            "url": scene.get_attribute(f"data-scene-{visitor_period}"),
            "header": page.locator("#zw-header").bounding_box()["height"],
            "band": page.locator(".zw-header-band").bounding_box()["height"],
            "content_top": page.locator("#content").bounding_box()["y"],
        }
        shot(page, f"theme-scene-{found['period']}")
        context.close()
        return found

    served = visit("Asia/Shanghai", javascript=False)
    assert served["period"] == server_period
    at_home = visit("Asia/Shanghai")
    assert at_home["period"] == server_period
    abroad = visit(zone)
    assert abroad["period"] == visitor_period
    assert abroad["url"] and abroad["url"] in abroad["style"]
    # No layout shift: the band, the header and the content stay where they were.
    assert abroad["band"] == at_home["band"] == served["band"]
    assert abroad["header"] == at_home["header"] == served["header"]
    assert abroad["content_top"] == served["content_top"]


@pytest.mark.browser
def test_picking_a_role_sets_the_cookie(base, page):
    page.goto(base + "/nanshan/zh-cn/gaj")
    switcher = page.locator("#zw-role-switcher")
    expect(switcher).to_be_visible()
    link = switcher.locator("a[data-role='tourist']")
    link.click()
    page.wait_for_load_state()
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["zhengwu_role"]["value"] == "tourist"
    assert cookies["zhengwu_role"]["path"] == "/"
    assert cookies["zhengwu_role"]["sameSite"] == "Lax"
    assert cookies["zhengwu_role"]["expires"] > datetime.now(UTC).timestamp() + 3e7
