"""The assistant for people: on a phone (375 px) the launcher opens the chat panel
(dialog, focus in and back, Esc), a materials question is clarified with option
buttons, an option answers it, a case's progress is handed over to the department
with the ask form; without JavaScript the launcher leads to the full page, whose
form carries the conversation. No horizontal overflow, nothing from the internet."""

from pathlib import Path

import pytest
from playwright.sync_api import expect
from publishing import publish_in_department

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ROOT = "/nanshan/zh-cn"


@pytest.fixture
def base(acceptance):
    app = acceptance["app"]
    if "chat-card" not in app["nanshan"]["zh-cn"]["gaj"]:
        publish_in_department(
            app,
            "gaj",
            type_="Guide",
            id="chat-card",
            title="测试居民证件申领",
            description="本市户籍居民申领、补领测试证件。",
            service_code="CHAT-0001",
            also_known_as=["办测试证"],
            conditions="年满十六周岁应当申领。遗失的应当补领。",
            situations=["申领类型：首次申领 / 补领"],
            materials=[
                {"name": "居民户口簿", "form": "original", "count": 1,
                 "medium": "paper", "source": "", "situations": "首次申领",
                 "note": None},
                {"name": "遗失声明", "form": "original", "count": 1,
                 "medium": "paper", "source": "", "situations": "补领",
                 "note": None},
                {"name": "现场采集的相片", "form": "original", "count": 1,
                 "medium": "electronic", "source": "", "situations": "",
                 "note": None},
            ],
            promised_limit=15,
            fees="首次申领每证20元；补领每证40元。",
            enquiry_phone="0755-00000001",
        )  # fmt: skip
    return f"http://{acceptance['host']}:{acceptance['port']}"


def watch_outside(page, base):
    outside = []
    page.on(
        "request",
        lambda request: request.url.startswith(base) or outside.append(request.url),
    )
    return outside


def no_horizontal_overflow(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_a_conversation_is_clarified_then_handed_over(base, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    outside = watch_outside(page, base)
    page.goto(f"{base}{ROOT}/@@powers")
    launcher = page.locator("#zw-chat .zw-chat-launcher")
    expect(launcher).to_be_visible()
    expect(launcher).to_have_text("智能客服")
    box = launcher.bounding_box()
    assert box["x"] + box["width"] <= width
    page.screenshot(path=str(ARTIFACTS / f"chat-launcher-{width}.png"))

    launcher.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#zw-chat-panel")
    expect(panel).to_be_visible()
    expect(panel).to_have_attribute("role", "dialog")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#zw-chat-q")).to_be_focused()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(launcher).to_be_focused()

    page.keyboard.press("Enter")
    page.locator("#zw-chat-q").fill("办测试证要带什么材料？")
    page.keyboard.press("Enter")
    log = page.locator("#zw-chat .zw-chat-log")
    expect(log).to_have_attribute("aria-live", "polite")
    reply = log.locator(".zw-chat-reply").last
    expect(reply).to_have_attribute("data-behaviour", "clarify")
    expect(reply).to_contain_text("现场采集的相片")
    expect(reply.locator("a", has_text="测试居民证件申领")).to_have_attribute(
        "href", f"{base}{ROOT}/gaj/chat-card"
    )
    reply.locator(".zw-chat-option", has_text="补领").click()
    chosen = log.locator(".zw-chat-reply").nth(1)
    expect(chosen).to_have_attribute("data-behaviour", "answer")
    expect(chosen).to_contain_text("遗失声明")

    page.locator("#zw-chat-q").fill("我的测试证申请办到哪一步了？")
    page.locator("#zw-chat .zw-chat-send").click()
    handover = log.locator(".zw-chat-reply").nth(2)
    expect(handover).to_have_attribute("data-behaviour", "handover")
    ask = handover.locator(".zw-chat-handover a", has_text="政务知道")
    expect(ask).to_be_visible()
    assert "zhidao/@@ask?title=" in ask.get_attribute("href")
    panel_box = panel.bounding_box()
    assert panel_box["x"] >= 0 and panel_box["x"] + panel_box["width"] <= width
    assert no_horizontal_overflow(page)
    page.screenshot(path=str(ARTIFACTS / f"chat-panel-{width}.png"))

    page.locator("#zw-chat .zw-chat-close").click()
    expect(panel).to_be_hidden()
    expect(launcher).to_be_focused()
    assert outside == []


@pytest.mark.browser
def test_the_launcher_leaves_the_end_of_the_page_uncovered_on_a_phone(base, page):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(f"{base}{ROOT}")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    launcher = page.locator("#zw-chat .zw-chat-launcher").bounding_box()
    links = page.locator("#portal-footer-wrapper a")
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        if not box:
            continue
        overlaps = not (
            box["x"] + box["width"] <= launcher["x"]
            or launcher["x"] + launcher["width"] <= box["x"]
            or box["y"] + box["height"] <= launcher["y"]
            or launcher["y"] + launcher["height"] <= box["y"]
        )
        assert not overlaps, links.nth(index).inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_without_javascript_the_full_page_converses(base, chromium, width):
    context = chromium.new_context(
        locale="zh-CN",
        java_script_enabled=False,
        viewport={"width": width, "height": 900},
    )
    page = context.new_page()
    outside = watch_outside(page, base)
    page.goto(f"{base}{ROOT}/@@powers")
    page.locator("#zw-chat .zw-chat-launcher").click()
    page.wait_for_url(f"{base}{ROOT}/@@assistant")
    expect(page.locator("h1")).to_have_text("智能客服")
    assert page.locator("#zw-chat").count() == 0  # no launcher on the page itself

    # (with scripts off, Playwright's click never finds the page "stable": keys)
    page.locator("#zw-assistant-q").fill("办测试证要带什么材料？")
    page.locator("#zw-assistant-q").press("Enter")
    current = page.locator(".zw-assistant-current")
    expect(current).to_have_attribute("data-behaviour", "clarify")
    expect(current.locator(".zw-assistant-sources a").first).to_have_attribute(
        "href", f"{base}{ROOT}/gaj/chat-card"
    )
    page.locator(".zw-assistant-option", has_text="补领").press("Enter")
    current = page.locator(".zw-assistant-current")
    expect(current).to_have_attribute("data-behaviour", "answer")
    expect(current).to_contain_text("遗失声明")
    # the conversation so far: the first question and its reply
    expect(page.locator(".zw-assistant-turn").first).to_contain_text(
        "办测试证要带什么材料"
    )

    page.locator("#zw-assistant-q").fill("我的测试证申请办到哪一步了？")
    page.locator(".zw-assistant-form button[type=submit]:not([name])").press("Enter")
    current = page.locator(".zw-assistant-current")
    expect(current).to_have_attribute("data-behaviour", "handover")
    ask = current.locator(".zw-assistant-ask").get_attribute("href")
    assert ask.startswith(f"{base}{ROOT}/zhidao/@@ask?title=")
    assert page.locator(".zw-assistant-turn").count() == 3
    assert no_horizontal_overflow(page)
    page.screenshot(path=str(ARTIFACTS / f"assistant-page-{width}.png"), full_page=True)
    assert outside == []
    context.close()
