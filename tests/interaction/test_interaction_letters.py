"""A letter's life in the site: numbered, its department's only, handled through
its chain, found by number and code and by nobody else."""

import datetime

import pytest
from letters_helpers import DAY
from letters_helpers import PDF
from letters_helpers import can_view
from letters_helpers import member
from letters_helpers import staff
from letters_helpers import write
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from Products.CMFCore.WorkflowCore import WorkflowException

from zhengwu.interaction import letters
from zhengwu.interaction.letters import LetterRefused
from zhengwu.interaction.letters import find
from zhengwu.interaction.letters import letter_box

LATER = datetime.date(2024, 10, 10)


@pytest.fixture
def site(district):
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return district


def as_user(userid, function, *args):
    with api.env.adopt_user(username=userid):
        return function(*args)


def test_the_district_has_a_letter_box_only_staff_see(site):
    box = letter_box(site)
    assert box.portal_type == "LetterBox"
    assert api.portal.get_registry_record("zhengwu.interaction.box") == "zh-cn/letters"
    assert not can_view(member("citizen-zhao"), box)


def test_a_letter_is_numbered_by_channel_and_day_and_keeps_no_code(site):
    letter, code = write(site)
    assert letter.Title().startswith("T-20240927-")
    assert letter.received == DAY
    assert code not in letter.query_code_digest
    assert api.content.get_state(letter) == "received"
    workflows = api.portal.get_tool("portal_workflow").getWorkflowsFor(letter)
    assert [w.getId() for w in workflows] == ["zhengwu_letter"]


def test_only_its_department_and_its_writer_see_a_letter(site):
    writer = member("citizen-qian")
    letter, _code = write(site, department="gaj", userid=writer)
    assert can_view(staff("gaj", "editor"), letter)
    assert can_view(staff("gaj", "leader"), letter)
    assert can_view(writer, letter)
    assert not can_view(staff("jyj", "editor"), letter)
    assert not can_view(member("citizen-sun"), letter)
    logout()
    assert not api.user.has_permission("View", obj=letter)


def test_attachments_are_seen_with_their_letter_only(site):
    letter, _code = write(site, files=[("attachment", PDF, "现场 张三.pdf")])
    attachment = letter["attachment-1"]
    assert attachment.file.contentType == "application/pdf"
    assert "张三" not in attachment.file.filename
    assert can_view(staff("gaj", "editor"), attachment)
    assert not can_view(staff("jyj", "editor"), attachment)


def test_the_query_code_finds_the_letter(site):
    letter, code = write(site)
    assert find(site, letter.Title(), code) == letter
    assert find(site, letter.Title().lower().replace("-", " "), code.lower()) == letter


def test_the_query_code_never_reveals_another_letter(site):
    private, private_code = write(site)
    other, other_code = write(site, visibility="public")
    assert find(site, private.Title(), other_code) is None
    assert find(site, other.Title(), private_code) is None
    assert find(site, private.Title(), "") is None
    assert find(site, private.Title(), private_code[:-1]) is None
    assert find(site, "T-20240927-ZZZZZZ", private_code) is None
    assert find(site, "../../acl_users", private_code) is None


def test_the_department_accepts_answers_and_its_leader_approves(site):
    letter, _code = write(site)
    as_user(staff("gaj", "editor"), letters.accept, letter, DAY)
    assert letter.accepted == DAY
    as_user(staff("gaj", "editor"), letters.submit_reply, letter, "已责令停工整改。")
    assert api.content.get_state(letter) == "pending_reply"
    as_user(staff("gaj", "leader"), letters.approve_reply, letter, LATER)
    assert api.content.get_state(letter) == "answered"
    assert (letter.reply, letter.answered) == ("已责令停工整改。", LATER)


def test_another_departments_staff_cannot_handle_the_letter(site):
    letter, _code = write(site, department="gaj")
    with pytest.raises(WorkflowException):
        as_user(staff("jyj", "editor"), letters.accept, letter, DAY)
    as_user(staff("gaj", "editor"), letters.accept, letter, DAY)
    with pytest.raises(LetterRefused):
        as_user(staff("jyj", "editor"), letters.submit_reply, letter, "答复")
    as_user(staff("gaj", "editor"), letters.submit_reply, letter, "答复内容")
    with pytest.raises(WorkflowException):
        as_user(staff("jyj", "leader"), letters.approve_reply, letter, LATER)


def test_an_editor_cannot_approve_the_reply_a_leader_must(site):
    letter, _code = write(site)
    as_user(staff("gaj", "editor"), letters.accept, letter, DAY)
    as_user(staff("gaj", "editor"), letters.submit_reply, letter, "答复内容")
    with pytest.raises(WorkflowException):
        as_user(staff("gaj", "editor"), letters.approve_reply, letter, LATER)


def test_a_transferred_letter_changes_hands(site):
    letter, _code = write(site, department="gaj")
    as_user(staff("gaj", "editor"), letters.transfer, letter, "jyj")
    assert letter.department == "jyj"
    assert can_view(staff("jyj", "editor"), letter)
    assert not can_view(staff("gaj", "editor"), letter)
    as_user(staff("jyj", "editor"), letters.accept, letter, DAY)


def test_a_refusal_needs_its_reason(site):
    letter, _code = write(site)
    editor = staff("gaj", "editor")
    with pytest.raises(LetterRefused):
        as_user(editor, letters.refuse, letter, " ", DAY)
    as_user(editor, letters.refuse, letter, "不属于本部门职责范围。", DAY)
    assert api.content.get_state(letter) == "refused"
    assert letter.refusal_reason == "不属于本部门职责范围。"


def test_a_duplicate_is_merged_into_the_original(site):
    original, _code = write(site)
    duplicate, _code = write(site)
    as_user(staff("gaj", "editor"), letters.merge, duplicate, original, DAY)
    assert api.content.get_state(duplicate) == "merged"
    assert duplicate.merged_into == original.Title()
    with pytest.raises(LetterRefused):
        as_user(staff("gaj", "editor"), letters.merge, original, original, DAY)


def answered(site):
    letter, code = write(site)
    as_user(staff("gaj", "editor"), letters.accept, letter, DAY)
    as_user(staff("gaj", "editor"), letters.submit_reply, letter, "答复内容")
    as_user(staff("gaj", "leader"), letters.approve_reply, letter, LATER)
    return letter


def test_the_writer_rates_the_reply_and_may_reopen_once(site):
    letter = answered(site)
    letters.rate(letter, "unsatisfied")
    assert letter.rating == "unsatisfied"
    letters.reopen(letter)
    assert api.content.get_state(letter) == "accepted"
    assert letter.answered is None
    with pytest.raises(LetterRefused):
        letters.rate(letter, "satisfied")
    as_user(staff("gaj", "editor"), letters.submit_reply, letter, "补充答复")
    as_user(staff("gaj", "leader"), letters.approve_reply, letter, LATER)
    with pytest.raises(LetterRefused):
        letters.reopen(letter)


def test_a_rating_is_one_of_three(site):
    letter = answered(site)
    with pytest.raises(LetterRefused):
        letters.rate(letter, "great")
