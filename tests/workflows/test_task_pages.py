"""The @@my-tasks and @@review-overdue pages in the browser."""

import html

import transaction
from DateTime import DateTime
from plone.testing.zope import Browser
from wf_helpers import PASSWORD


def browse_as(deps, user_id):
    transaction.commit()
    browser = Browser(deps.site.getPhysicalRoot())
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    return browser


def test_my_tasks_page_lists_the_waiting_item_and_marks_it_overdue(
    functional_departments,
):
    deps = functional_departments
    deps.use_test_chains("gaj")
    obj = deps.item("gaj", "pending_section", title="逾期稿件")
    history = obj.workflow_history["zhengwu_three_stage"]
    history[-1]["time"] = DateTime("2026/09/30 10:00 GMT+8")  # long ago
    obj.workflow_history._p_changed = True
    browser = browse_as(deps, deps.user("gaj", "section"))
    browser.open(f"{deps.root.absolute_url()}/@@my-tasks")
    page = html.unescape(browser.contents)
    assert "逾期稿件" in page
    assert 'class="overdue' in page


def test_my_tasks_page_of_another_departments_reviewer_is_empty(
    functional_departments,
):
    deps = functional_departments
    deps.use_test_chains("gaj", "jyj")
    deps.item("gaj", "pending_section", title="公安稿件")
    browser = browse_as(deps, deps.user("jyj", "section"))
    browser.open(f"{deps.root.absolute_url()}/@@my-tasks")
    assert browser.headers["status"].startswith("200")
    assert "公安稿件" not in html.unescape(browser.contents)


def test_review_overdue_page_is_for_site_admins_only(functional_departments):
    deps = functional_departments
    browser = browse_as(deps, deps.user("gaj", "editor"))
    browser.open(f"{deps.root.absolute_url()}/@@review-overdue")
    assert "insufficient-privileges" in browser.url or browser.headers[
        "status"
    ].startswith("401")
