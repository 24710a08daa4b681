"""axe-core (from npm, theme/node_modules) on the homepages, a guide, the search page
and the English homepage: no serious or critical violations."""

import json
from pathlib import Path

import pytest
from publishing import publish_in_department

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "theme" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
PAGES = {
    "classic": "/nanshan/zh-cn",
    "resident": "/nanshan/zh-cn/resident",
    "enterprise": "/nanshan/zh-cn/enterprise",
    "tourist": "/nanshan/zh-cn/tourist",
    "guide": "/nanshan/zh-cn/gaj/axe-id-card",
    "search": "/nanshan/zh-cn/@@search?SearchableText=身份证",
    "english": "/nanshan/en",
}


@pytest.fixture
def base(acceptance):
    app = acceptance["app"]
    if "axe-id-card" not in app["nanshan"]["zh-cn"]["gaj"]:
        publish_in_department(
            app,
            "gaj",
            type_="Guide",
            id="axe-id-card",
            title="居民身份证申领",
            service_code="AXE-0001",
            conditions="年满十六周岁的中国公民",
            # the situation picker: one radio group per dimension
            situations=["申领类型：首次申领 / 补领", "户籍：本市户籍 / 非本市户籍"],
            materials=[
                {"name": "居民户口簿", "form": "original", "count": 1,
                 "medium": "paper", "situations": "本市户籍"},
            ],
        )  # fmt: skip
    return f"http://{acceptance['host']}:{acceptance['port']}"


def serious(violations):
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def report(violations):
    return json.dumps(
        [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in violations
        ],
        ensure_ascii=False,
        indent=2,
    )


def run_axe(page):
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations"
    )


@pytest.mark.browser
@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_no_serious_or_critical_violations(base, chromium, name, size):
    viewport = {"width": 375, "height": 812} if size == "phone" else None
    context = chromium.new_context(
        viewport=viewport or {"width": 1280, "height": 900},
        locale="en-US" if name == "english" else "zh-CN",
    )
    page = context.new_page()
    try:
        response = page.goto(base + PAGES[name])
        assert response.ok, f"{PAGES[name]}: {response.status}"
        page.wait_for_load_state("load")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"axe-{name}-{size}.png"), full_page=True)
        violations = serious(run_axe(page))
    finally:
        context.close()
    assert violations == [], report(violations)


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["zw-high-contrast", "zw-large-text"])
def test_the_accessibility_modes_keep_the_guide_accessible(base, page, mode):
    page.goto(base + PAGES["guide"])
    page.evaluate(
        "mode => { localStorage.setItem('zhengwu-a11y',"
        " JSON.stringify([mode.slice(3)])); }",
        mode,
    )
    page.reload()
    assert mode in page.locator("html").get_attribute("class")
    violations = serious(run_axe(page))
    assert violations == [], report(violations)


@pytest.mark.browser
def test_axe_finds_what_it_should(base, page):
    """The check can fail: a page with an unlabelled image link is caught."""
    page.goto(base + PAGES["guide"])
    page.evaluate(
        "() => { const a = document.createElement('a'); a.href = '#';"
        " a.innerHTML = '<img src=\"x.png\">';"
        " document.querySelector('#content').appendChild(a); }"
    )
    ids = {v["id"] for v in serious(run_axe(page))}
    assert ids & {"link-name", "image-alt"}
