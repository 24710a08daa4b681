"""A strategy knows when the guide it was written against has changed since."""

import pytest
from guide_samples import ID_CARD
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

from zhengwu.content_events.strategy_staleness import guide_changed


def edit(obj, **fields):
    """Save ``fields`` as the site administrator would in the edit form."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for name, value in fields.items():
            setattr(obj, name, value)
        notify(ObjectModifiedEvent(obj))


def relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


@pytest.fixture
def guide(district):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return api.content.create(
            container=district["zh-cn"]["gaj"], type="Guide", **ID_CARD
        )


@pytest.fixture
def strategy(district, guide):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return api.content.create(
            container=district["zh-cn"]["gaj"],
            type="Strategy",
            id="newborn",
            title="孩子出生后一个月内办完入户",
            guide=relation(guide),
        )


def test_new_guide_is_revision_one(guide):
    assert guide.revision == 1


@pytest.mark.parametrize(
    "field, value",
    [
        ("materials", [{"name": "照片", "situations": ""}]),
        ("situations", ["申领类型：首次申领 / 换领"]),
        ("conditions", "年满十六周岁"),
        ("fees", "工本费 20 元"),
        ("promised_limit", 10),
        ("statutory_limit", 30),
        ("windows", "南头街道办事处"),
        ("office_hours", "周六 9:00-12:00"),
        ("process_steps", ["网上预约", "领证"]),
        ("legal_basis", "新的依据"),
    ],
)
def test_a_change_citizens_act_on_increases_the_revision(guide, field, value):
    edit(guide, **{field: value})
    assert guide.revision == 2


def test_a_title_typo_or_review_date_does_not_increase_the_revision(guide):
    edit(guide, title="居民身份证申领（更正）", description="更正错别字")
    edit(guide, enquiry_phone="0755-87654321")
    assert guide.revision == 1


def test_saving_without_changes_does_not_increase_the_revision(guide):
    edit(guide)
    edit(guide, fees=guide.fees)
    assert guide.revision == 1


def test_strategy_is_written_against_the_guides_current_revision(guide, strategy):
    edit(guide, fees="工本费 20 元")
    assert strategy.guide_revision == 1
    assert guide_changed(strategy)


def test_strategy_is_current_until_its_guide_changes(guide, strategy):
    assert not guide_changed(strategy)
    edit(guide, title="改个标题")
    assert not guide_changed(strategy)


def test_editing_the_strategy_text_does_not_confirm_it(guide, strategy):
    edit(guide, fees="工本费 20 元")
    edit(strategy, title="新标题")
    assert guide_changed(strategy)


def test_moving_the_strategy_to_another_guide_takes_that_guides_revision(
    district, guide, strategy
):
    edit(guide, fees="工本费 20 元")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        other = api.content.create(
            container=district["zh-cn"]["gaj"],
            type="Guide",
            id="passport",
            title="护照",
            service_code="PASSPORT-1",
        )
    edit(other, fees="200 元")
    edit(strategy, guide=relation(other))
    assert strategy.guide_revision == 2
    assert not guide_changed(strategy)


def test_strategy_without_a_guide_is_never_stale(district):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        lone = api.content.create(
            container=district["zh-cn"]["gaj"], type="Strategy", title="随笔"
        )
    assert not guide_changed(lone)
    assert lone.guide_revision is None


def test_listings_see_a_strategy_go_stale_when_its_guide_changes(guide, strategy):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=strategy.UID())
    assert brain.guide_changed is False
    edit(guide, fees="工本费 20 元")
    (brain,) = catalog.unrestrictedSearchResults(UID=strategy.UID())
    assert brain.guide_changed is True
