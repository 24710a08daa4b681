"""The content pages on a phone (375 px) and a desktop (1280 px), in the real
Chromium against a live server: the guide's situation picker, the powers list, the
disclosure catalogue and the search page."""

from pathlib import Path

import pytest
import transaction
from DateTime import DateTime
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from publishing import publish_in_department
from zope.component.hooks import setSite

from zhengwu.search.solr import outage

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ROOT = "/nanshan/zh-cn"
VIEWPORTS = {"phone": (375, 812), "desktop": (1280, 900)}
GUIDE = {
    "id": "picker-id-card",
    "title": "居民身份证申领",
    "service_code": "11440305MB2C12345X4440120009000",
    "situations": ["申领类型：首次申领 / 补领", "户籍：本市户籍 / 非本市户籍",
                   "办理人：本人 / 监护人陪同"],
    "materials": [
        {"name": "居民户口簿", "form": "original", "count": 1, "medium": "paper",
         "source": "申请人自备", "situations": "", "note": ""},
        {"name": "挂失声明", "form": "copy", "count": 2, "medium": "electronic",
         "source": "报社", "situations": "补领", "note": "登报后三日"},
        {"name": "深圳市居住证", "form": "original_and_copy", "count": 1,
         "medium": "either", "source": "派出所", "situations": "非本市户籍",
         "note": ""},
        {"name": "户籍证明", "form": "original", "count": 1, "medium": "paper",
         "source": "派出所", "situations": "本市户籍", "note": ""},
        {"name": "监护人身份证", "form": "original", "count": 1, "medium": "paper",
         "source": "监护人", "situations": "监护人陪同", "note": ""},
    ],
    "fees": "不收费",
    "windows": "南山区行政服务大厅二楼",
}  # fmt: skip


@pytest.fixture
def live(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.fixture(params=sorted(VIEWPORTS))
def screen(request, chromium, live):
    """A Chinese-speaking browser page at a phone's or a desktop's width, with a
    list of the requests that left the site."""
    width, height = VIEWPORTS[request.param]
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": width, "height": height}
    )
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


def assert_no_horizontal_overflow(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than the {page.name} screen"


def material_names(page):
    return [name.strip() for name in page.locator(".material-name").all_inner_texts()]


def needed_names(page):
    names = page.locator(".chosen-materials > table .material-name")
    return [name.strip() for name in names.all_inner_texts()]


@pytest.mark.browser
def test_situation_picker_changes_the_materials(acceptance, live, screen):
    publish_in_department(acceptance["app"], "gaj", type_="Guide", **GUIDE)
    screen.goto(f"{live}{ROOT}/gaj/{GUIDE['id']}")
    assert material_names(screen) == [
        "居民户口簿", "挂失声明", "户籍证明", "深圳市居住证", "监护人身份证"
    ]  # fmt: skip

    picker = screen.locator("form.situation-picker")
    hukou = picker.locator("fieldset", has_text="户籍")
    expect(hukou.locator("legend")).to_have_text("户籍")
    expect(hukou.get_by_label("不限")).to_be_checked()
    local = hukou.locator("label.situation-option", has_text="本市户籍").first
    other = hukou.locator("label.situation-option", has_text="非本市户籍")
    local.click()  # the whole label is the tap target
    other.click()
    # one household only: choosing 非本市户籍 unchooses 本市户籍
    expect(other.locator("input")).to_be_checked()
    expect(local.locator("input")).not_to_be_checked()
    picker.locator("label.situation-option", has_text="补领").click()
    shoot(screen, "guide-picker")
    picker.get_by_role("button").click()
    screen.wait_for_url("**situation-*")

    assert needed_names(screen) == ["居民户口簿", "挂失声明", "深圳市居住证"]
    assert "户籍证明" not in material_names(screen)
    expect(screen.locator(".chosen-situations")).to_have_text("补领、非本市户籍")
    # 办理人 was left at 不限: the guardian's card is listed "only if"
    expect(screen.locator(".depending-materials")).to_contain_text("监护人陪同")
    expect(screen.locator(".depending-materials")).to_contain_text("监护人身份证")
    expect(screen.locator("a.guide-print")).to_be_visible()
    assert "print=1" in screen.locator("a.guide-print").get_attribute("href")
    assert_no_horizontal_overflow(screen)
    shoot(screen, "guide-materials")

    screen.reload()  # the URL keeps the choice: the same list, the same radios
    expect(other.locator("input")).to_be_checked()
    assert needed_names(screen) == ["居民户口簿", "挂失声明", "深圳市居住证"]
    assert screen.outside == []


@pytest.fixture
def powers(acceptance):
    for number, (department, title) in enumerate(
        [
            ("gaj", "对旅馆业经营者未按规定登记住宿旅客信息的处罚"),
            ("gaj", "公章刻制业特种行业许可证核发"),
            (
                "czj",
                "对违反政府采购法律法规行为的行政处罚（供应商提供虚假材料谋取中标）",
            ),
        ],
        start=1,
    ):
        publish_in_department(
            acceptance["app"],
            department,
            type_="PowerItem",
            id=f"layout-power-{number}",
            title=title,
            power_code=f"NS-{department.upper()}-CF-90{number:02d}",
            power_category="CF",
        )


@pytest.mark.browser
def test_powers_list_fits_the_screen(powers, live, screen):
    screen.goto(f"{live}{ROOT}/@@powers")
    expect(screen.locator(".powers-list tbody tr")).to_have_count(3)
    for control in ("#powers-department", "#powers-category", "#powers-keyword"):
        expect(screen.locator(f"label[for='{control[1:]}']")).to_have_count(1)
    assert_no_horizontal_overflow(screen)
    shoot(screen, "powers-list")
    assert screen.outside == []


@pytest.fixture
def records(acceptance):
    app = acceptance["app"]
    site = app["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for number in range(1, 6):
            record = api.content.create(
                container=site["zh-cn"]["czj" if number % 2 else "gaj"],
                type="DisclosureRecord",
                title=f"关于2025年第{number}批财政资金预算安排情况的公告及附件说明",
                topic_category="budget",
                genre="announcement",
                effective_date=DateTime(f"2025/0{number}/15"),
            )
            api.content.transition(record, to_state="published")
    transaction.commit()


@pytest.mark.browser
def test_disclosure_catalogue_fits_the_screen(records, live, screen):
    screen.goto(f"{live}{ROOT}/@@disclosure")
    expect(screen.locator(".zhengwu-disclosure-record")).to_have_count(5)
    assert_no_horizontal_overflow(screen)
    shoot(screen, "disclosure-catalogue")
    # A facet link filters the list and the form keeps the choice.
    screen.locator("[data-facet='department'] a", has_text="公安").first.click()
    expect(screen.locator(".zhengwu-disclosure-record")).to_have_count(2)
    expect(screen.locator("#disclosure-department")).to_have_value("gaj")
    assert_no_horizontal_overflow(screen)
    assert screen.outside == []


@pytest.fixture
def searchable(acceptance, solr_server):
    outage.forget()
    paths = []
    for number, type_ in enumerate(("Guide", "Document", "News Item"), start=1):
        fields = {"service_code": f"LAYOUT-{number}"} if type_ == "Guide" else {}
        publish_in_department(
            acceptance["app"],
            "gaj",
            type_=type_,
            id=f"layout-search-{number}",
            title=f"身份证办理说明{number}",
            description="身份证的办理地点和材料",
            **fields,
        )
        paths.append(f"{ROOT}/gaj/layout-search-{number}")
    yield
    for path in paths:
        solr_server.delete("nanshan", f'path_string:"{path}"')
    outage.forget()


@pytest.mark.browser
def test_search_on_a_phone_shows_results_first_and_facets_open_by_keyboard(
    searchable, live, chromium
):
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": 375, "height": 812}
    )
    page = context.new_page()
    page.goto(f"{live}{ROOT}/@@search?SearchableText=身份证")
    results = page.locator("#search-results")
    facets = page.locator("aside.zhengwu-facets")
    expect(results).to_be_visible()
    assert results.bounding_box()["y"] < facets.bounding_box()["y"]
    assert results.locator("em").count() > 0  # the matches are highlighted

    toggle = facets.locator("summary")
    panel = facets.locator("details")
    first_option = facets.locator("[data-facet] a").first
    expect(first_option).to_be_hidden()
    # Reach the toggle with the keyboard: it is a tab stop, and Enter opens it.
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    expect(panel).to_have_attribute("open", "")
    expect(first_option).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('[data-facet]') !== null")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-facets-phone.png"), full_page=True)
    toggle.focus()
    page.keyboard.press("Space")
    expect(first_option).to_be_hidden()
    context.close()
