"""The moderation log holds immutable entries that render as JSON-ready data."""

import dataclasses
import json
import pickle
from datetime import UTC
from datetime import datetime

import pytest

from zhengwu.safety.moderation_log import ModerationEntry

WHEN = datetime(2026, 9, 10, 8, 30, tzinfo=UTC)


def entry(**changes):
    values = {
        "when": WHEN,
        "actor": "moderator1",
        "action": "held",
        "target_uid": "a1b2c3",
        "target_title": "怎么办理居住证",
        "reason": "敏感词：代开发票",
    }
    return ModerationEntry(**(values | changes))


def test_an_entry_renders_as_json_ready_data():
    data = entry().as_dict()
    assert data == {
        "when": "2026-09-10T08:30:00+00:00",
        "actor": "moderator1",
        "action": "held",
        "target_uid": "a1b2c3",
        "target_title": "怎么办理居住证",
        "reason": "敏感词：代开发票",
    }
    assert json.loads(json.dumps(data)) == data


def test_an_entry_cannot_be_changed_once_written():
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry().reason = "edited"


def test_an_entry_survives_pickling_as_in_the_zodb():
    assert pickle.loads(pickle.dumps(entry())) == entry()


def test_an_unknown_action_is_refused():
    with pytest.raises(ValueError):
        entry(action="approve")


def test_a_time_without_time_zone_is_refused():
    with pytest.raises(ValueError):
        entry(when=datetime(2026, 9, 10, 8, 30))


def test_an_entry_for_now_is_in_utc():
    made = ModerationEntry.now("system", "held", "a1b2c3", "标题", "敏感词")
    assert made.when.tzinfo is UTC
    assert made.reason == "敏感词"
