"""Vocabularies: the departments, and data-file terms in the content's language."""

import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

from zhengwu.vocabularies.data import load_terms

DATA_VOCABULARIES = {
    "zhengwu.Audiences": ("person", "自然人", "Individuals"),
    "zhengwu.AudienceTags": ("tourists", "游客", "Tourists"),
    "zhengwu.ServiceKinds": ("licensing", "行政许可", "Administrative licensing"),
    "zhengwu.DisclosureTopics": (
        "budget",
        "财政预算决算",
        "Budgets and final accounts",
    ),
    "zhengwu.DisclosureGenres": ("notice", "通知", "Notice"),
}


def vocabulary(name, context):
    return getUtility(IVocabularyFactory, name)(context)


def test_departments_vocabulary_lists_the_departments_of_the_chinese_root(district):
    terms = vocabulary("zhengwu.Departments", district["zh-cn"]["gaj"])
    assert len(terms) == 32
    assert terms.getTerm("wjj").title == "南山区卫生健康局"
    assert "nosuch" not in terms


def test_departments_vocabulary_at_the_site_root_uses_the_default_language(district):
    assert "gaj" in vocabulary("zhengwu.Departments", district)


def test_english_root_without_departments_offers_the_chinese_ones_in_english(
    district,
):
    terms = vocabulary("zhengwu.Departments", district["en"])
    assert terms.getTerm("wjj").title == "Health Commission"
    assert len(terms) == 32


def test_a_department_added_to_the_root_joins_the_vocabulary(district):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.create(
            container=district["zh-cn"],
            type="Department",
            id="xzfw",
            title="南山区行政服务大厅",
            short_name="服务大厅",
        )
    assert "xzfw" in vocabulary("zhengwu.Departments", district["zh-cn"])


@pytest.mark.parametrize("name", DATA_VOCABULARIES)
def test_data_vocabulary_titles_follow_the_language_of_the_content(district, name):
    value, chinese, english = DATA_VOCABULARIES[name]
    assert vocabulary(name, district["zh-cn"]).getTerm(value).title == chinese
    assert vocabulary(name, district["en"]).getTerm(value).title == english


@pytest.mark.parametrize(
    "name",
    [
        "audiences",
        "audience_tags",
        "service_kinds",
        "disclosure_topics",
        "disclosure_genres",
    ],
)
def test_data_files_have_unique_ascii_values(name):
    values = [value for value, _zh, _en in load_terms(name)]
    assert len(values) == len(set(values))
    assert all(value.isascii() and value.isidentifier() for value in values)
