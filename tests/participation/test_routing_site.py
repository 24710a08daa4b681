"""The router of a site: built from its published content, cached, rebuilt."""

import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.participation.routing_site import router_for
from zhengwu.participation.routing_site import training_data


@pytest.fixture
def owner(district):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        yield district


def add_guide(site, department, guide_id, title, description, publish=True):
    """A guide in /nanshan/zh-cn/<department>, published through its chain."""
    guide = api.content.create(
        container=site["zh-cn"][department],
        type="Guide",
        id=guide_id,
        title=title,
        description=description,
    )
    if publish:
        api.content.transition(guide, to_state="published")
    return guide


@pytest.fixture
def guides(owner):
    add_guide(owner, "gaj", "passport", "普通护照签发", "出国护照首次申领、换发、补发")
    add_guide(owner, "jyj", "school-place", "义务教育阶段学位申请", "小学一年级学位")
    return owner


def first(site, question):
    found = router_for(site).suggest(question)
    return found[0].department if found else None


def test_questions_go_to_the_department_of_the_published_guide(guides):
    assert first(guides, "护照快过期了，换发要多久") == "gaj"
    assert first(guides, "孩子上一年级的学位怎么申请") == "jyj"
    assert "护照" in router_for(guides).suggest("护照换发")[0].terms


def test_every_department_folder_is_known_by_its_duties(owner):
    # No content at all: the duties of the Department folders still route.
    assert first(owner, "想申请法律援助，还有人民调解") == "sfj"


def test_drafts_never_train_the_router(guides):
    add_guide(guides, "wjj", "draft", "潜水艇模型比赛", "潜水艇模型", publish=False)
    documents, _names = training_data(guides)
    assert not any("潜水艇" in text for _department, text, _weight in documents)
    found = router_for(guides).suggest("潜水艇模型比赛", limit=10)
    assert all("潜水艇" not in "".join(s.terms) for s in found)


def test_the_router_is_kept_until_the_catalog_changes(owner):
    router = router_for(owner)
    assert router_for(owner) is router
    assert first(owner, "狂犬疫苗去哪里打") != "wjj"
    add_guide(owner, "wjj", "rabies", "狂犬疫苗接种", "被狗咬伤后狂犬疫苗接种")
    assert router_for(owner) is not router
    assert first(owner, "狂犬疫苗去哪里打") == "wjj"
