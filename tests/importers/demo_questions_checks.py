"""Checks of the demo 政务知道 of both districts (questions in their states,
answers, votes), run in ``TestDemoCorpus`` of test_demo_corpus.py: its layer (both
sites with their demo corpus) takes minutes to set up, once per test class."""

import pytest
from plone import api
from zope.component.hooks import setSite

from zhengwu.participation.votes import has_voted
from zhengwu.participation.votes import vote_count
from zhengwu.search.stats.storage import stats_of


class DemoQuestionsChecks:
    @pytest.fixture
    def nanshan(self, demo):
        site = demo["app"]["nanshan"]
        setSite(site)
        yield site
        setSite(demo["portal"])

    @staticmethod
    def _questions(site, **query):
        return api.content.find(
            context=site["zh-cn"]["zhidao"], portal_type="Question", **query
        )

    @pytest.mark.parametrize("district", ["nanshan", "yantian"])
    def test_each_district_has_forty_published_questions_most_answered(
        self, demo, district
    ):
        counts = demo["demo_counts"][district]["questions"]
        assert sum(counts.values()) >= 40
        assert set(counts) == {"open", "answered", "closed"}
        assert counts["answered"] + counts["closed"] > counts["open"]

    def test_a_closed_question_has_its_accepted_answer_published(self, nanshan):
        question = nanshan["zh-cn"]["zhidao"]["newborn-hukou-deadline"]
        assert api.content.get_state(question) == "closed"
        accepted = api.content.get(UID=question.accepted_answer)
        assert accepted is not None
        assert api.content.get_state(accepted) == "published"
        assert (
            accepted.aq_parent is question
            or accepted.aq_parent.getId() == question.getId()
        )

    def test_an_official_answer_is_published_and_owned_by_its_department(self, nanshan):
        answered = self._questions(nanshan, review_state="answered")
        question = answered[0].getObject()
        official = question["official"]
        assert official.portal_type == "OfficialAnswer"
        assert official.department == question.department
        assert api.content.get_state(official) == "published"

    def test_citizens_own_their_questions_and_votes_count_once(self, nanshan):
        question = nanshan["zh-cn"]["zhidao"]["newborn-hukou-deadline"]
        assert question.getOwner().getId().startswith("demo-")
        assert vote_count(question) >= 1
        voter = next(
            iter(question.__annotations__["zhengwu.participation.votes"].voters)
        )
        assert has_voted(question, voter)
        assert (
            self._questions(nanshan, sort_on="votes", sort_order="descending")[0].votes
            >= 1
        )

    def test_open_questions_are_dated_as_asked_so_some_are_overdue(self, nanshan):
        from zhengwu.participation.staff.dashboard import open_questions

        items = [
            item
            for department in nanshan["zh-cn"].objectValues()
            if department.portal_type == "Department"
            for item in open_questions(department)
        ]
        ages = {item["age_working_days"] for item in items}
        assert len(ages) > 2
        assert any(item["overdue"] for item in items)
        assert not all(item["overdue"] for item in items)

    def test_page_opens_of_the_questions_are_in_the_search_statistics(self, nanshan):
        question = nanshan["zh-cn"]["zhidao"]["newborn-hukou-deadline"]
        stats = stats_of(nanshan)
        assert stats is not None
        assert stats.popularity.get(api.content.get_uuid(question), 0) > 0

    def test_demo_citizens_have_no_known_password(self, nanshan):
        acl = nanshan.acl_users
        assert (
            acl.authenticate("demo-resident-01", "demo-resident-01", nanshan.REQUEST)
            is None
        )
