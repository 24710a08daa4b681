"""The context token: signed, tamper-evident, expiring, without personal data."""

import pytest
from plone.keyring.interfaces import IKeyManager
from zope.component import getGlobalSiteManager

from zhengwu.assistant import context as tokens


class Keys:
    def secret(self):
        return "a test secret"


@pytest.fixture
def keyring():
    manager = getGlobalSiteManager()
    keys = Keys()
    manager.registerUtility(keys, IKeyManager)
    yield keys
    manager.unregisterUtility(keys, IKeyManager)


def test_a_token_carries_the_guide_the_options_and_the_topics(keyring):
    state = tokens.Context("uid-1", {"户籍": "非本市户籍"}, ["materials"])
    token = tokens.dump(state, now=1000)
    loaded = tokens.load(token, now=1100)
    assert (loaded.guide, loaded.chosen, loaded.topics) == (
        "uid-1",
        {"户籍": "非本市户籍"},
        ["materials"],
    )


def test_a_changed_token_is_refused(keyring):
    token = tokens.dump(tokens.Context("uid-1"), now=1000)
    payload, signature = token.rsplit(".", 1)
    other = tokens.dump(tokens.Context("uid-2"), now=1000).rsplit(".", 1)[0]
    with pytest.raises(tokens.BadContext):
        tokens.load(f"{other}.{signature}", now=1000)
    with pytest.raises(tokens.BadContext):
        tokens.load("not a token", now=1000)
    with pytest.raises(tokens.BadContext):
        tokens.load("x" * 3000, now=1000)


def test_an_expired_token_starts_a_new_conversation(keyring):
    token = tokens.dump(tokens.Context("uid-1"), now=1000)
    assert tokens.load(token, now=1000 + tokens.MAX_AGE + 1).guide is None


def test_no_token_is_an_empty_context():
    assert tokens.load(None) == tokens.Context()
