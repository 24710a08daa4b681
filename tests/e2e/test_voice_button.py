"""The header's voice button on a phone (375 px) and a desktop: the command box
opens with the keyboard, a typed command (speech recognition cannot run headless)
is sent and the page it names opens; nothing is loaded from the internet."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def base(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_a_typed_command_opens_the_department(base, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    outside = []
    page.on(
        "request",
        lambda request: request.url.startswith(base) or outside.append(request.url),
    )
    page.goto(f"{base}/nanshan/zh-cn/@@powers")
    button = page.locator("#zw-voice .zw-voice-button")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    box = page.locator("#zw-voice-text")
    expect(box).to_be_focused()
    box_width = page.locator("#zw-voice-panel").bounding_box()["width"]
    assert box_width <= width
    page.screenshot(path=str(ARTIFACTS / f"voice-{width}.png"))
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    box.fill("嗯那个打开打开卫健局")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/nanshan/zh-cn/wjj")
    assert outside == []
