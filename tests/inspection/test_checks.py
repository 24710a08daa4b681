"""Each self-inspection rule finds its case, and the case fixed is gone at the next
run. Every run is at a fixed moment (``NOW``): no test depends on today's date."""

import datetime

from DateTime import DateTime
from inspection_helpers import NOW
from inspection_helpers import create
from inspection_helpers import days_ago
from inspection_helpers import found
from plone import api
from plone.app.textfield.value import RichTextValue
from qa_helpers import approve
from qa_helpers import ask
from qa_helpers import citizen

from zhengwu.participation.setup_step import DEADLINES_RECORD


def rich(html):
    return RichTextValue(html, "text/html", "text/x-html-safe")


def set_approved(question, when):
    for history in question.workflow_history.values():
        for entry in history:
            if entry.get("action") == "approve":
                entry["time"] = DateTime(when)
    question.workflow_history._p_changed = True


def test_a_homepage_without_news_for_two_weeks_is_found_then_fixed(site):
    root = site["zh-cn"]
    create(root["gaj"], "News Item", id="old", title="旧闻", effective=days_ago(20))
    homepage = [p for p in found(site, "homepage-stale") if p.startswith("zh-cn/")]
    assert len(homepage) == 1
    finding = found(site, "homepage-stale")[homepage[0]]
    assert finding["detail"] == {"days": 20, "limit": 14}
    assert finding["department"] == ""
    create(root["gaj"], "News Item", id="new", title="新闻", effective=days_ago(2))
    assert homepage[0] not in found(site, "homepage-stale")


def test_news_dated_after_the_run_does_not_count_as_an_update(site):
    root = site["zh-cn"]
    create(root["gaj"], "News Item", id="old", title="旧闻", effective=days_ago(20))
    create(root["gaj"], "News Item", id="soon", title="预发", effective=days_ago(-3))
    assert any(p.startswith("zh-cn/") for p in found(site, "homepage-stale"))


def test_a_column_past_its_update_period_names_its_keeper(site):
    root = site["zh-cn"]
    # 政策解读 (zcjd) lists interpretations; columns.tsv gives it 30 days.
    create(
        root["fgj"],
        "PolicyInterpretation",
        id="jd",
        title="解读一",
        effective=days_ago(45),
    )
    stale = found(site, "column-stale")
    assert stale["zh-cn/zwgk/zcjd"]["detail"] == {"days": 45, "limit": 30}
    create(
        root["fgj"],
        "PolicyInterpretation",
        id="jd2",
        title="解读二",
        effective=days_ago(1),
    )
    assert "zh-cn/zwgk/zcjd" not in found(site, "column-stale")


def test_the_guides_column_is_kept_by_the_department_the_profile_names(site):
    root = site["zh-cn"]
    create(root["gaj"], "Guide", id="g1", title="护照办理", effective=days_ago(100))
    finding = found(site, "column-stale")["zh-cn/zwfw/bszn"]
    assert finding["department"] == "zsj"
    assert finding["detail"]["limit"] == 90


def test_an_empty_column_is_found_and_gone_once_it_shows_something(site):
    root = site["zh-cn"]
    assert "zh-cn/zwfw/bsgl" in found(site, "column-empty")
    create(root["gaj"], "Strategy", id="s1", title="办证攻略", effective=days_ago(1))
    assert "zh-cn/zwfw/bsgl" not in found(site, "column-empty")


def test_a_link_to_a_page_or_view_is_never_an_empty_column(site):
    empty = found(site, "column-empty")
    assert "zh-cn/zwgk/qzqd" not in empty  # @@powers
    assert "zh-cn/zwfw/jmfw" not in empty  # the residents' homepage


def test_a_broken_internal_link_is_found_on_its_page_and_department(site):
    root = site["zh-cn"]
    target = create(root["gaj"], "Document", id="target", title="目标")
    text = (
        '<p><a href="target">好</a> <a href="gone">坏</a>'
        f' <a href="resolveuid/{api.content.get_uuid(target)}">uid</a>'
        ' <a href="${navigation_root_url}/gaj/nowhere/@@view">坏2</a>'
        ' <a href="${navigation_root_url}/zhidao/@@ask">好2</a>'
        ' <a href="mailto:a@example.org">mail</a> <a href="#top">top</a></p>'
    )
    page = create(root["gaj"], "Document", id="page", title="页面", text=rich(text))
    findings = [
        f
        for f in found_all(site)
        if f["rule"] == "link-broken" and f["path"] == ("zh-cn/gaj/page")
    ]
    assert sorted(f["detail"]["link"] for f in findings) == [
        "${navigation_root_url}/gaj/nowhere/@@view",
        "gone",
    ]
    assert {f["department"] for f in findings} == {"gaj"}
    page.text = rich('<p><a href="target">好</a></p>')
    assert not [
        f
        for f in found_all(site)
        if f["rule"] == "link-broken" and f["path"] == "zh-cn/gaj/page"
    ]


def test_a_link_item_to_a_deleted_page_is_a_broken_link(site):
    root = site["zh-cn"]
    create(root["gaj"], "Document", id="gone-soon", title="将删除")
    create(
        root["zwgk"],
        "Link",
        id="to-it",
        title="链接",
        remoteUrl="${navigation_root_url}/gaj/gone-soon",
    )
    assert "zh-cn/zwgk/to-it" not in found(site, "link-broken")
    api.content.delete(root["gaj"]["gone-soon"])
    assert "zh-cn/zwgk/to-it" in found(site, "link-broken")


def found_all(site):
    from inspection_helpers import inspect

    return inspect(site)["findings"]


def test_overdue_questions_count_working_days_across_the_holiday(site):
    api.portal.set_registry_record(DEADLINES_RECORD, {"default": 5, "gaj": 4})
    # Approved Thursday 25 September: to 9 October there are 5 working days (the
    # make-up Sunday 28 September counts, National Day 1-8 October does not), not
    # 14 calendar days or 10 weekdays.
    late = approve(ask(site, citizen("asker"), "护照加急怎么办？", department="gaj"))
    set_approved(late, "2025/09/25 10:00 GMT+8")
    # The same five-day deadline, same dates: 5 working days is not past 5.
    on_time = approve(ask(site, citizen("asker"), "公积金额度？", department="zjj"))
    set_approved(on_time, "2025/09/25 10:00 GMT+8")
    overdue = found(site, "question-overdue")
    finding = overdue[f"zh-cn/zhidao/{late.getId()}"]
    assert finding["department"] == "gaj"
    assert finding["detail"] == {
        "age": 5,
        "since_date": "2025-09-25",
        "deadline": 4,
    }
    assert f"zh-cn/zhidao/{on_time.getId()}" not in overdue
    # Answered (closed): no longer overdue.
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(late, transition="close")
    assert f"zh-cn/zhidao/{late.getId()}" not in found(site, "question-overdue")


def test_a_guide_past_its_review_date_is_found_until_reviewed(site):
    root = site["zh-cn"]
    guide = create(root["gaj"], "Guide", id="old-guide", title="旧指南")
    guide.next_review = datetime.date(2025, 10, 1)
    guide.reindexObject()
    assert found(site, "review-overdue")["zh-cn/gaj/old-guide"]["detail"] == {
        "due_date": "2025-10-01"
    }
    guide.next_review = datetime.date(2026, 4, 1)
    guide.reindexObject()
    assert "zh-cn/gaj/old-guide" not in found(site, "review-overdue")


def test_a_disclosure_not_published_within_20_working_days_is_found(site):
    root = site["zh-cn"]
    fields = {"topic_category": None, "genre": None}
    record = create(
        root["gaj"],
        "DisclosureRecord",
        publish=False,
        id="rec",
        title="公开事项",
        written_date=datetime.date(2025, 9, 1),
        **{k: v for k, v in fields.items() if v},
    )
    finding = found(site, "disclosure-overdue")["zh-cn/gaj/rec"]
    # 20 working days from 1 September: the make-up day 28 September counts.
    assert finding["detail"]["deadline_date"] == "2025-09-28"
    record.written_date = datetime.date(2025, 9, 30)  # deadline after the holiday
    assert "zh-cn/gaj/rec" not in found(site, "disclosure-overdue")


def test_findings_of_the_earlier_run_are_not_kept(site):
    from inspection_helpers import inspect

    first = inspect(site)
    second = inspect(site, NOW + datetime.timedelta(hours=1))
    assert second["number"] == first["number"] + 1
    from zhengwu.inspection.history import runs_of

    runs = runs_of(site)
    assert runs[-2]["findings"] == []
    assert runs[-2]["total"] == first["total"]
