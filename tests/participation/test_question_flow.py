"""Questions and answers: who sees and does what, state by state, per department."""

import pytest
from plone import api
from qa_helpers import approve
from qa_helpers import ask
from qa_helpers import board
from qa_helpers import can
from qa_helpers import citizen
from qa_helpers import moderator
from qa_helpers import official_answer
from qa_helpers import staff
from zExceptions import Unauthorized

from zhengwu.workflows.comments import CommentRequired

VIEW = "View"
MODIFY = "Modify portal content"
ADD_OFFICIAL = "zhengwu: Add OfficialAnswer"
ADD_ANSWER = "zhengwu: Add Answer"


def _walk(obj, *transitions):
    with api.env.adopt_roles(["Manager"]):
        for transition in transitions:
            api.content.transition(obj, transition=transition)


def test_the_board_is_made_from_the_profile(site):
    zhidao = board(site)
    assert zhidao.portal_type == "QuestionBoard"
    assert zhidao.Title() == "政务知道"
    with api.env.adopt_roles(["Anonymous"]):
        assert api.user.has_permission(VIEW, obj=zhidao)
    assert "Moderator" in api.group.get(groupname="moderators").getRoles()
    deadlines = api.portal.get_registry_record("zhengwu.participation.answer_deadlines")
    assert deadlines["default"] == 5
    assert deadlines["gaj"] == 3


def test_a_new_question_awaits_moderation_seen_by_its_asker_and_moderators(site):
    question = ask(site, citizen("asker"), "身份证丢了怎么补办？", "下周要坐飞机。")
    assert api.content.get_state(question) == "pending_moderation"
    assert can("asker", VIEW, question)
    assert not can("asker", MODIFY, question)  # edits go through posting only
    assert can(moderator(), VIEW, question)
    assert not can(citizen("neighbour"), VIEW, question)
    assert not can(staff("gaj", "editor"), MODIFY, question)
    with api.env.adopt_roles(["Anonymous"]):
        assert not api.user.has_permission(VIEW, obj=question)


def test_an_approved_question_is_public_and_no_longer_the_askers_to_edit(site):
    question = approve(ask(site, citizen("asker"), "居住证怎么续签？"))
    assert api.content.get_state(question) == "open"
    with api.env.adopt_roles(["Anonymous"]):
        assert api.user.has_permission(VIEW, obj=question)
    assert not can("asker", MODIFY, question)
    assert can(moderator(), MODIFY, question)
    assert can(citizen("neighbour"), ADD_ANSWER, question)


def test_a_moderator_rejects_only_with_a_reason(site):
    question = ask(site, citizen("asker"), "广告贴")
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=moderator()), pytest.raises(CommentRequired):
        workflow.doActionFor(question, "reject", comment=" ")
    with api.env.adopt_user(username=moderator()):
        workflow.doActionFor(question, "reject", comment="广告内容")
    assert api.content.get_state(question) == "rejected"
    assert can("asker", VIEW, question)
    assert not can(citizen("neighbour"), VIEW, question)


def test_a_citizen_cannot_moderate(site):
    question = ask(site, citizen("asker"), "能不能自己批准？")
    with (
        api.env.adopt_user(username=citizen("neighbour")),
        pytest.raises(api.exc.InvalidParameterError),
    ):
        api.content.transition(question, transition="approve")
    assert api.content.get_state(question) == "pending_moderation"


def test_only_the_routed_departments_editors_may_answer_officially(site):
    question = approve(ask(site, citizen("asker"), "护照怎么办？", department="gaj"))
    assert can(staff("gaj", "editor"), ADD_OFFICIAL, question)
    assert not can(staff("jyj", "editor"), ADD_OFFICIAL, question)
    assert not can("asker", ADD_OFFICIAL, question)
    with (
        api.env.adopt_user(username=staff("jyj", "editor")),
        pytest.raises(Unauthorized),
    ):
        api.content.create(
            container=question, type="OfficialAnswer", id="answer", text="越权"
        )


def test_a_moderator_moves_a_question_to_another_department(site):
    question = approve(ask(site, citizen("asker"), "学位怎么申请？", department="gaj"))
    with api.env.adopt_user(username=moderator()):
        question.department = "jyj"
        from zope.lifecycleevent import modified

        modified(question)
    assert can(staff("jyj", "editor"), ADD_OFFICIAL, question)
    assert not can(staff("gaj", "editor"), ADD_OFFICIAL, question)


def test_no_answers_before_moderation(site):
    question = ask(site, citizen("asker"), "还没审核的问题")
    assert not can(staff("gaj", "editor"), ADD_OFFICIAL, question)
    assert not can(citizen("neighbour"), ADD_ANSWER, question)


def test_the_official_answer_follows_the_departments_chain(site):
    # Nanshan's police sign off answers at leader level (workflows.toml), the
    # education bureau in two stages.
    police = approve(ask(site, citizen("asker"), "港澳通行证续签？", department="gaj"))
    education = approve(ask(site, "asker", "转学怎么办？", department="jyj"))
    workflows = api.portal.get_tool("portal_workflow")
    police_answer = official_answer(police)
    education_answer = official_answer(education)
    assert workflows.getChainFor(police_answer) == ("zhengwu_three_stage",)
    assert workflows.getChainFor(education_answer) == ("zhengwu_two_stage",)
    assert api.content.get_state(police_answer) == "draft"


def test_the_department_reviews_its_answer_and_the_asker_cannot_touch_it(site):
    question = approve(
        ask(site, citizen("asker"), "驾驶证到期换证？", department="gaj")
    )
    answer = official_answer(question)
    assert answer.department == "gaj"
    assert not can("asker", VIEW, answer)
    assert not can("asker", MODIFY, answer)
    assert not can(staff("jyj", "editor"), VIEW, answer)
    assert can(staff("gaj", "editor"), MODIFY, answer)
    with api.env.adopt_user(username=staff("gaj", "editor")):
        api.content.transition(answer, transition="submit")
    with api.env.adopt_user(username=staff("gaj", "section")):
        api.content.transition(answer, transition="approve_section")
    assert api.content.get_state(question) == "open"
    with api.env.adopt_user(username=staff("gaj", "leader")):
        api.content.transition(answer, transition="sign_off")
    assert api.content.get_state(answer) == "published"
    assert api.content.get_state(question) == "answered"
    with api.env.adopt_roles(["Anonymous"]):
        assert api.user.has_permission(VIEW, obj=answer)


def test_a_section_reviewer_cannot_sign_off_for_the_leader(site):
    question = approve(
        ask(site, citizen("asker"), "无犯罪记录证明？", department="gaj")
    )
    answer = official_answer(question)
    _walk(answer, "submit", "approve_section")
    with (
        api.env.adopt_user(username=staff("gaj", "section")),
        pytest.raises(api.exc.InvalidParameterError),
    ):
        api.content.transition(answer, transition="sign_off")


def test_a_citizens_answer_is_theirs_not_the_askers(site):
    question = approve(
        ask(site, citizen("asker"), "公积金怎么提取？", department="zjj")
    )
    with api.env.adopt_user(username=citizen("helper")):
        answer = api.content.create(
            container=question, type="Answer", id="answer", text="我去年办过"
        )
    assert answer.Title() == question.Title()
    assert can("helper", VIEW, answer)
    assert not can("asker", MODIFY, answer)
    assert not can(staff("zjj", "editor"), MODIFY, answer)


def test_a_closed_question_takes_no_new_answers(site):
    question = approve(ask(site, citizen("asker"), "已经解决的问题", department="gaj"))
    _walk(question, "close")
    assert not can(citizen("neighbour"), ADD_ANSWER, question)
    assert not can(staff("gaj", "editor"), ADD_OFFICIAL, question)


def test_a_rerouted_question_takes_its_draft_official_answer_along(site):
    question = approve(
        ask(site, citizen("asker"), "学校门口违章停车", department="gaj")
    )
    answer = official_answer(question)
    with api.env.adopt_user(username=moderator()):
        question.department = "jyj"
        from zope.lifecycleevent import modified

        modified(question)
    assert answer.department == "jyj"
    assert api.portal.get_tool("portal_workflow").getChainFor(answer) == (
        "zhengwu_two_stage",
    )
    assert api.content.get_state(answer) == "draft"
    assert can(staff("jyj", "editor"), MODIFY, answer)
    assert not can(staff("gaj", "editor"), VIEW, answer)
