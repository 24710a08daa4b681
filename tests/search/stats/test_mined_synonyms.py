"""Synonyms mined from visits: a search that led nowhere, then a guide found with
other words within the visit, proposed once enough different visitors did it."""

from datetime import date
from datetime import timedelta

import pytest
import transaction
from plone import api

from zhengwu.search.curation import storage
from zhengwu.search.stats import fold_now
from zhengwu.search.stats import mined
from zhengwu.search.stats.visits import MAX_VISITS
from zhengwu.search.stats.visits import VisitLog
from zhengwu.search.stats.visits import record_visit_open
from zhengwu.search.stats.visits import record_visit_search

GUIDE = ("guide-uid-1", "企业设立登记")
START = 1_000_000.0


def visit(
    site, token, failed, found, guide=GUIDE, gap=60, day=None, click=False, at=START
):
    """One visitor: ``failed`` (nothing opened, unless ``click``), then ``gap``
    seconds later ``found``, from whose results the guide is opened."""
    record_visit_search(site, token, failed, now=at)
    if click:
        record_visit_open(site, token, failed, ("other-uid", "其他"), at + 5, day)
    record_visit_search(site, token, found, found_as=found, now=at + gap)
    record_visit_open(site, token, found, guide, now=at + gap + 5, day=day)


def proposed(site, **kwargs):
    fold_now(site)
    return [(found.terms, found.visitors) for found in mined.proposals(site, **kwargs)]


def test_a_pair_is_proposed_once_three_different_visitors_agree(site):
    for number in range(2):
        visit(site, f"visitor-{number}", "开店", "营业执照")
    assert proposed(site) == []
    visit(site, "visitor-2", "开店", "营业执照")
    assert proposed(site) == [(("开店", "营业执照"), 3)]
    proposal = mined.proposals(site)[0]
    assert (proposal.searched, proposal.found, proposal.guide) == (
        "开店",
        "营业执照",
        GUIDE[0],
    )


def test_the_threshold_is_a_setting(site):
    api.portal.set_registry_record("zhengwu.search.stats.synonym_min_visitors", 1)
    transaction.commit()  # a fold runs transactions of its own
    visit(site, "visitor-0", "开店", "营业执照")
    assert proposed(site) == [(("开店", "营业执照"), 1)]


def test_one_visitor_counts_once_a_day_and_again_another_day(site):
    for visits in range(3):  # three visits of one visitor (hours apart)
        visit(site, "visitor-0", "开店", "营业执照", at=START + visits * 7200)
    assert proposed(site) == []
    yesterday = date.today() - timedelta(days=1)
    visit(site, "visitor-0", "开店", "营业执照", day=yesterday, at=START + 86400)
    visit(site, "visitor-1", "营业执照", "开店")  # the other way round: same pair
    assert proposed(site) == [(("开店", "营业执照"), 3)]


def test_a_click_on_the_first_query_makes_no_evidence(site):
    for number in range(3):
        visit(site, f"visitor-{number}", "开店", "营业执照", click=True)
    assert proposed(site) == []


def test_a_search_after_the_visit_window_makes_no_evidence(site):
    for number in range(3):
        visit(site, f"visitor-{number}", "开店", "营业执照", gap=11 * 60)
    assert proposed(site) == []


def test_opening_a_page_that_is_no_guide_makes_no_evidence(site):
    for number in range(3):
        visit(site, f"visitor-{number}", "开店", "营业执照", guide=None)
    assert proposed(site) == []


def test_a_failed_search_is_evidence_for_the_next_success_only(site):
    for number in range(3):
        token = f"visitor-{number}"
        visit(site, token, "开店", "营业执照")
        record_visit_search(site, token, "税务登记", "税务登记", now=START + 200)
        record_visit_open(site, token, "税务登记", GUIDE, now=START + 205)
    assert proposed(site) == [(("开店", "营业执照"), 3)]


def test_pinyin_found_is_proposed_in_the_words_of_the_guide_title(site):
    for number in range(3):
        token = f"visitor-{number}"
        record_visit_search(site, token, "开店", now=START)
        # a search this process did not see: its words come from the guide's title
        record_visit_open(site, token, "qiye sheli", GUIDE, now=START + 30)
    assert proposed(site) == [(("企业设立", "开店"), 3)]


@pytest.mark.parametrize(
    ("failed", "found"),
    [
        ("公积金", "公积金提取"),  # a refinement
        ("身份证补办", "身份证"),  # a wider query
        ("身份正", "身份证"),  # a homophone typo
        ("hukouben", "户口本"),  # its pinyin
        ("hkb", "户口本"),  # its initials
        ("营业执照", "营业执照"),
        ("开" * 41, "营业执照"),  # longer than a synonym term may be
    ],
)
def test_refinements_typos_and_spellings_are_no_synonyms(failed, found):
    assert mined.candidate_pair(failed, found) is None


def test_other_names_are_synonyms_in_any_script():
    assert mined.candidate_pair("开店", "营业执照") == ("开店", "营业执照")
    assert mined.candidate_pair("Business Licence", "营业执照") == (
        "business licence",
        "营业执照",
    )


def test_pairs_already_in_one_group_or_in_two_groups_are_not_proposed(site):
    api.portal.set_registry_record("zhengwu.search.stats.synonym_min_visitors", 1)
    for group in storage.synonym_groups(site):
        storage.remove_synonym_group(site, group[0])
    storage.add_synonym_group(site, ["户口本", "户口簿"])
    storage.add_synonym_group(site, ["身份证", "居民身份证"])
    transaction.commit()  # a fold runs transactions of its own
    visit(site, "visitor-0", "户口簿", "户口本")  # already one group
    visit(site, "visitor-1", "户口本", "身份证")  # two groups: merging is for editors
    visit(site, "visitor-2", "户籍本", "户口本")  # joins the group of 户口本
    fold_now(site)
    assert [(p.terms, p.joins) for p in mined.proposals(site)] == [
        (("户口本", "户籍本"), ("户口本", "户口簿"))
    ]


def test_sensitive_or_blocked_terms_are_never_proposed(site):
    api.portal.set_registry_record("zhengwu.search.stats.synonym_min_visitors", 1)
    api.portal.set_registry_record("zhengwu.search.stats.blocklist", ["骗子"])
    transaction.commit()
    visit(site, "visitor-0", "代开发票", "发票领用")
    visit(site, "visitor-1", "骗子公司", "企业信用")
    visit(site, "visitor-2", "开店", "营业执照")
    assert proposed(site) == [(("开店", "营业执照"), 1)]


def test_a_dismissed_pair_is_not_proposed_again(site):
    for number in range(3):
        visit(site, f"visitor-{number}", "开店", "营业执照")
    fold_now(site)
    mined.dismiss(site, ["营业执照", "开店"])
    transaction.commit()  # as the editor's request does
    for number in range(3, 6):
        visit(site, f"visitor-{number}", "开店", "营业执照")
    assert proposed(site) == []


def test_an_unknown_proposal_is_refused_with_its_terms(site):
    with pytest.raises(storage.CurationError) as refused:
        mined.accept(site, ["开店", "营业执照"])
    assert refused.value.message.mapping["terms"] == "开店 ≈ 营业执照"
    with pytest.raises(storage.CurationError):
        mined.dismiss(site, ["开店"])


def test_visits_are_bounded_and_forgotten():
    log = VisitLog()
    for number in range(MAX_VISITS + 10):
        log.search(f"visitor-{number}", "开店", "", START)
    assert len(log) == MAX_VISITS
    log.search("late", "开店", "", START + 3600)  # the others' visits are over
    assert len(log) == 1
