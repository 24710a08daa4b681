"""The strategy page warns when its guide has changed; the author can confirm it."""

from urllib.error import HTTPError

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

NOTICE = "本攻略撰写后办事指南已有更新"
CONFIRM = "我已核对，本攻略仍然有效"


@pytest.fixture
def strategy(gaj, id_card, create, publish):
    strategy = create(
        gaj,
        "Strategy",
        id="newborn",
        title="孩子出生后一个月内办完入户",
        guide=RelationValue(getUtility(IIntIds).getId(id_card)),
    )
    publish(strategy)
    publish(id_card)
    transaction.commit()
    return strategy


@pytest.fixture
def guide_changes(id_card):
    def change():
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            id_card.fees = "工本费 20 元"
            notify(ObjectModifiedEvent(id_card))
        transaction.commit()

    return change


def test_current_strategy_shows_no_notice_and_links_its_guide(strategy, anonymous):
    anonymous.open(strategy.absolute_url())
    assert NOTICE not in anonymous.text
    assert anonymous.getLink("居民身份证申领").url.endswith("/gaj/id-card")


def test_anonymous_reader_is_warned_but_cannot_confirm(
    strategy, guide_changes, anonymous
):
    guide_changes()
    anonymous.open(strategy.absolute_url())
    assert NOTICE in anonymous.text
    assert CONFIRM not in anonymous.text


def test_author_confirms_the_strategy_and_the_notice_goes(
    strategy, guide_changes, owner, anonymous
):
    guide_changes()
    owner.open(strategy.absolute_url())
    owner.getControl(CONFIRM).click()
    assert "已按最新指南确认本攻略。" in owner.text
    anonymous.open(strategy.absolute_url())
    assert NOTICE not in anonymous.text


def test_confirming_needs_a_post_with_the_authenticator(strategy, guide_changes, owner):
    guide_changes()
    with pytest.raises(HTTPError, match="400"):
        owner.open(strategy.absolute_url() + "/@@confirm-guide")
    with pytest.raises(HTTPError, match="403"):
        owner.post(strategy.absolute_url() + "/@@confirm-guide", "")
    transaction.begin()
    assert strategy.guide_revision == 1


def test_anonymous_cannot_confirm(strategy, guide_changes, anonymous):
    guide_changes()
    anonymous.open(strategy.absolute_url() + "/@@confirm-guide")
    assert "/login" in anonymous.url
    transaction.begin()
    assert strategy.guide_revision == 1
