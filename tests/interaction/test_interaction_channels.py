"""The channels of 互动交流 as district profiles give them."""

import pytest

from zhengwu.interaction.channels import load_channels
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import profiles_directory

GOOD = """
[channels.mailbox]
title_zh = "区长信箱"
title_en = "District Head's Mailbox"
prefix = "X"
accept_days = 5
answer_days = 15
"""


def write(tmp_path, text):
    path = tmp_path / "interaction.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("district", ["nanshan", "yantian"])
def test_both_districts_have_the_three_channels(district):
    channels = load_channels(profiles_directory() / district / "interaction.toml")
    assert list(channels) == ["mailbox", "consultation", "complaint"]
    assert channels["complaint"].identity_required is True
    assert channels["mailbox"].identity_required is False
    assert channels["mailbox"].title("zh") == "区长信箱"
    assert channels["mailbox"].title("en") == "District Head's Mailbox"


def test_districts_may_give_their_channels_different_deadlines():
    root = profiles_directory()
    nanshan = load_channels(root / "nanshan" / "interaction.toml")
    yantian = load_channels(root / "yantian" / "interaction.toml")
    assert nanshan["consultation"].answer_days == 10
    assert yantian["consultation"].answer_days == 7


def test_identity_is_optional_unless_the_channel_asks_for_it(tmp_path):
    channel = load_channels(write(tmp_path, GOOD))["mailbox"]
    assert (channel.accept_days, channel.answer_days) == (5, 15)
    assert channel.identity_required is False


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (("accept_days = 5", "accept_days = 0"), "'accept_days' = 0 is not 1 to 60"),
        (("answer_days = 15", "answer_days = 61"), "'answer_days' = 61 is not 1"),
        (("answer_days = 15", 'answer_days = "15"'), "whole number of days"),
        (("accept_days = 5", "accept_days = true"), "whole number of days"),
        (('prefix = "X"', 'prefix = "xy"'), "one capital letter"),
        (('title_zh = "区长信箱"', 'title_zh = " "'), "'title_zh' must be"),
        (("[channels.mailbox]", "[channels.Mail_Box]"), "is not a channel id"),
        (("answer_days = 15", "answer_days = 15\ncolour = 1"), "unknown key 'colour'"),
        (("answer_days = 15", "answer_days = 15\nidentity_required = 1"), "true or"),
    ],
)
def test_a_bad_channel_is_refused_with_its_reason(tmp_path, change, reason):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(ProfileError) as error:
        load_channels(path)
    assert reason in str(error.value)
    assert str(path) in str(error.value)


def test_no_channels_is_refused(tmp_path):
    with pytest.raises(ProfileError, match="at least one"):
        load_channels(write(tmp_path, "[channels]\n"))


def test_an_unknown_table_is_refused(tmp_path):
    with pytest.raises(ProfileError, match="unknown table 'mailboxes'"):
        load_channels(write(tmp_path, GOOD + "\n[mailboxes]\na = 1\n"))


def test_two_channels_may_not_share_a_prefix(tmp_path):
    twice = GOOD + GOOD.replace("channels.mailbox", "channels.other")
    with pytest.raises(ProfileError, match="share a tracking-number prefix"):
        load_channels(write(tmp_path, twice))
