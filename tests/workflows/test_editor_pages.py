"""Editors' own pages: tasks and submissions in the personal menu, titled; the
history of an item readable along its whole chain (issue 16)."""

import html
import json

import transaction
from plone import api
from plone.testing.zope import Browser
from wf_helpers import PASSWORD


def browse_as(deps, user_id=None, accept=None):
    transaction.commit()
    browser = Browser(deps.site.getPhysicalRoot())
    browser.raiseHttpErrors = False
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    if accept:
        browser.addHeader("Accept", accept)
    return browser


def test_my_tasks_page_has_its_own_title_not_the_sites_byline(functional_departments):
    deps = functional_departments
    browser = browse_as(deps, deps.user("gaj", "section"))
    browser.open(f"{deps.root.absolute_url()}/@@my-tasks")
    page = html.unescape(browser.contents)
    assert '<h1 class="documentFirstHeading">我的待办</h1>' in page
    assert "by admin" not in page and "—" not in page.split("<h1")[1][:200]


def test_my_submissions_lists_the_editors_items_with_their_state(
    functional_departments,
):
    deps = functional_departments
    deps.use_test_chains("gaj")
    deps.item("gaj", "pending_section", title="待审稿件")
    deps.item("gaj", "draft", title="草稿稿件")
    browser = browse_as(deps, deps.user("gaj", "editor"))
    browser.open(f"{deps.root.absolute_url()}/@@my-submissions")
    page = html.unescape(browser.contents)
    assert '<h1 class="documentFirstHeading">我的提交</h1>' in page
    assert "待审稿件" in page and "草稿稿件" in page
    row = page.split("待审稿件")[1].split("</tr>")[0]
    assert "审核中" in row
    assert "审核中" not in page.split("草稿稿件")[1].split("</tr>")[0]


def test_my_submissions_of_another_editor_lists_none_of_them(functional_departments):
    deps = functional_departments
    deps.item("gaj", "draft", title="公安草稿")
    browser = browse_as(deps, deps.user("jyj", "editor"))
    browser.open(f"{deps.root.absolute_url()}/@@my-submissions")
    assert browser.headers["status"].startswith("200")
    page = html.unescape(browser.contents)
    assert "公安草稿" not in page
    assert "您还没有撰写任何内容。" in page


def test_visitors_have_no_submissions_page(functional_departments):
    deps = functional_departments
    browser = browse_as(deps)
    browser.open(f"{deps.root.absolute_url()}/@@my-submissions")
    assert "/login?came_from=" in browser.url  # Plone's login form
    assert "我的提交" not in html.unescape(browser.contents)


def test_rest_submissions_page_by_page_and_bounded(functional_departments):
    deps = functional_departments
    for number in range(3):
        deps.item("gaj", "draft", title=f"稿件{number}")
    editor = deps.user("gaj", "editor")
    browser = browse_as(deps, editor, accept="application/json")
    browser.open(f"{deps.root.absolute_url()}/@submissions?b_size=2")
    answer = json.loads(browser.contents)
    assert answer["items_total"] == 3
    assert len(answer["items"]) == 2
    assert {item["review_state"] for item in answer["items"]} == {"draft"}
    browser.open(f"{deps.root.absolute_url()}/@submissions?b_size=2&b_start=2")
    assert len(json.loads(browser.contents)["items"]) == 1
    browser.open(f"{deps.root.absolute_url()}/@submissions?b_size=100000")
    assert browser.headers["status"].startswith("400")
    assert "b_size" in json.loads(browser.contents)["message"]
    visitor = browse_as(deps, accept="application/json")
    visitor.open(f"{deps.root.absolute_url()}/@submissions")
    assert visitor.headers["status"].startswith("401")


def test_staff_find_tasks_and_submissions_in_their_personal_menu(
    functional_departments,
):
    deps = functional_departments
    editor = deps.user("gaj", "editor")
    with api.env.adopt_user(username=editor):
        actions = deps.site.portal_actions.listActionInfos(
            object=deps.root, categories=["user"]
        )
    urls = {action["id"]: action["url"] for action in actions}
    assert urls["zhengwu-my-tasks"] == f"{deps.root.absolute_url()}/@@my-tasks"
    assert urls["zhengwu-my-submissions"].endswith("/zh-cn/@@my-submissions")
    browser = browse_as(deps, editor)
    browser.open(deps.root["gaj"].absolute_url())
    assert "/zh-cn/@@my-submissions" in browser.contents


def _signed_off(deps, title):
    """A guide-like Document of 公安 taken through its chain with comments."""
    deps.use_test_chains("gaj")
    obj = deps.item("gaj", "draft", title=title)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj, transition="submit", comment="请科室审核")
        api.content.transition(obj, transition="approve_section", comment="科室同意")
        api.content.transition(obj, transition="sign_off", comment="领导签发同意")
    assert api.content.get_state(obj) == "published"
    return obj


def test_a_leader_reads_the_history_of_what_they_signed_off(functional_departments):
    deps = functional_departments
    obj = _signed_off(deps, "已签发稿件")
    browser = browse_as(deps, deps.user("gaj", "leader"))
    browser.open(f"{obj.absolute_url()}/@@historyview")
    assert browser.headers["status"].startswith("200")
    page = html.unescape(browser.contents)
    assert "领导签发同意" in page and "科室同意" in page
    assert page.index("领导签发同意") < page.index("请科室审核")  # newest first


def test_the_section_reviewer_reads_it_too_but_not_another_department(
    functional_departments,
):
    deps = functional_departments
    obj = _signed_off(deps, "已签发稿件二")
    reviewer = browse_as(deps, deps.user("gaj", "section"))
    reviewer.open(f"{obj.absolute_url()}/@@historyview")
    assert "科室同意" in html.unescape(reviewer.contents)
    stranger = browse_as(deps, deps.user("jyj", "leader"))
    stranger.open(f"{obj.absolute_url()}/@@historyview")
    assert "科室同意" not in html.unescape(stranger.contents)
    visitor = browse_as(deps)
    visitor.open(f"{obj.absolute_url()}/@@historyview")
    assert "科室同意" not in html.unescape(visitor.contents)
