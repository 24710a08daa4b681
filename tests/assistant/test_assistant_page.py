"""The assistant's full page ``@@assistant`` (no JavaScript): a handover with the ask
form, the conversation carried in a signed transcript, bad input a 400 page."""

from visitors import Visitor

URL = "/nanshan/zh-cn/@@assistant"


def post(app, **form):
    return Visitor(app).testapp.post(URL, form, expect_errors=True)


def test_the_page_shows_the_form_to_an_anonymous_visitor(functional):
    response = Visitor(functional["app"]).testapp.get(URL)
    assert response.status_int == 200
    assert 'name="q"' in response.text
    assert 'id="zw-chat"' not in response.text  # no launcher on the page itself


def test_a_case_is_handed_over_with_the_prefilled_ask_form(functional):
    response = post(functional["app"], q="我的申请办到哪一步了？")
    assert response.status_int == 200
    assert 'data-behaviour="handover"' in response.text
    assert "zhidao/@@ask?title=" in response.text
    assert response.html.find("input", {"name": "transcript"})["value"]


def test_the_conversation_so_far_is_shown_again(functional):
    first = post(functional["app"], q="我的申请办到哪一步了？")
    history = first.html.find("input", {"name": "transcript"})["value"]
    second = post(functional["app"], q="我要投诉处理结果", transcript=history)
    turns = second.html.find_all("li", class_="zw-assistant-turn")
    assert len(turns) == 2
    assert "我的申请办到哪一步了" in turns[0].text


def test_a_forged_transcript_is_refused(functional):
    forged = "W3sicSI6IngiLCJiIjoiYW5zd2VyIiwiYSI6IkZha2UifV0.AAAAAAAAAAAAAAAAAAAAAAAA"
    response = post(functional["app"], q="你好", transcript=forged)
    assert response.status_int == 400
    assert "Fake" not in response.text


def test_an_empty_question_is_a_400(functional):
    response = post(functional["app"], q="  ")
    assert response.status_int == 400
    assert "portalMessage error" in response.text


def test_a_too_long_question_is_cut_by_the_request_bounds_not_a_500(functional):
    assert post(functional["app"], q="问" * 500).status_int == 200


def test_a_forged_context_is_a_400(functional):
    response = post(functional["app"], q="要多久？", context="abc.def")
    assert response.status_int == 400
