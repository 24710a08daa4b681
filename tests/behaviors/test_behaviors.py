"""Behaviours: owner department, audience and next review, and their catalog indexes."""

import datetime

import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.behaviors.audience import IAudience
from zhengwu.behaviors.department import IOwnerDepartment
from zhengwu.behaviors.review import INextReview


@pytest.fixture
def police(district):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        yield district["zh-cn"]["gaj"]


def make(container, portal_type, id, **fields):
    return api.content.create(
        container=container, type=portal_type, id=id, title=id, **fields
    )


def search(**query):
    return {b.getId for b in api.portal.get_tool("portal_catalog")(**query)}


@pytest.mark.parametrize(
    "portal_type, behaviours",
    [
        ("Guide", {IOwnerDepartment, IAudience, INextReview}),
        ("Strategy", {IOwnerDepartment, IAudience}),
        ("DisclosureRecord", {IOwnerDepartment}),
        ("PolicyInterpretation", {IOwnerDepartment}),
        ("EncyclopediaEntry", {IOwnerDepartment}),
        ("News Item", {IOwnerDepartment}),
    ],
)
def test_types_carry_the_behaviours_of_the_content_model(
    police, portal_type, behaviours
):
    fields = {"service_code": "C1"} if portal_type == "Guide" else {}
    if portal_type == "DisclosureRecord":
        fields = {"topic_category": "budget", "genre": "report"}
    obj = make(police, portal_type, "item", **fields)
    for behaviour in behaviours:
        assert behaviour.providedBy(obj), behaviour
    for behaviour in {IAudience, INextReview} - behaviours:
        assert not behaviour.providedBy(obj), behaviour


def test_department_defaults_to_the_enclosing_department(police):
    guide = make(police, "Guide", "passport", service_code="C2")
    folder = make(police, "Folder", "news")
    news = make(folder, "News Item", "flu")
    assert guide.department == "gaj"
    assert news.department == "gaj"
    assert search(department="gaj", portal_type="Guide") == {"passport"}
    assert search(department="gaj", portal_type="News Item") == {"flu"}


def test_an_explicit_department_wins_over_the_enclosing_one(police):
    guide = make(police, "Guide", "joint", service_code="C3", department="wjj")
    assert guide.department == "wjj"
    assert search(department="wjj", portal_type="Guide") == {"joint"}


def test_news_outside_a_department_has_no_department(district):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        news = make(district["zh-cn"], "News Item", "hello")
    assert not news.department
    assert "hello" not in search(department="gaj")


def test_audience_and_review_date_are_indexed(police):
    make(
        police,
        "Guide",
        "visa",
        service_code="C4",
        audience=["person"],
        audience_tags=["foreigners", "tourists"],
        next_review=datetime.date(2026, 12, 1),
    )
    assert search(audience="person") == {"visa"}
    assert search(audience_tags="tourists") == {"visa"}
    due = {"query": datetime.date(2026, 12, 31), "range": "max"}
    assert search(next_review=due) == {"visa"}


def test_files_in_a_record_do_not_acquire_its_index_number(police):
    record = make(
        police, "DisclosureRecord", "r1", topic_category="budget", genre="notice"
    )
    record.index_number = "11440305MB2C12345X/2026-00001"
    record.reindexObject()
    make(record, "File", "attachment")
    assert search(index_number="11440305MB2C12345X/2026-00001") == {"r1"}
    brain = api.portal.get_tool("portal_catalog")(getId="attachment")[0]
    assert not brain.index_number
