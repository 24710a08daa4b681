"""Checking a written letter: clear refusals, plain text, identity for complaints."""

import pytest

from zhengwu.interaction.channels import load_channels
from zhengwu.interaction.writing import LetterError
from zhengwu.interaction.writing import checked_letter
from zhengwu.sites.profile import profiles_directory

PDF = b"%PDF-1.4 a letter's photo"
EXE = b"MZ\x90\x00 a program"
BOUNDS = (2, 1024)


@pytest.fixture(scope="module")
def channels():
    return load_channels(profiles_directory() / "nanshan" / "interaction.toml")


def form(**changes):
    values = {
        "channel": "mailbox",
        "subject": "小区门口路灯不亮",
        "body": "南山大道某小区门口的路灯已经坏了两周，夜间出行不便。",
        "visibility": "public",
        "publish_consent": "on",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def refusals(channels, values, files=()):
    with pytest.raises(LetterError) as error:
        checked_letter(values, list(files), channels, BOUNDS)
    return error.value.errors


def test_a_letter_to_the_mailbox_needs_no_name(channels):
    letter = checked_letter(form(), [], channels, BOUNDS)
    assert letter.channel == "mailbox"
    assert letter.public and letter.publish_consent
    assert (letter.writer_name, letter.writer_phone) == ("", "")


def test_a_complaint_needs_name_and_phone(channels):
    errors = refusals(channels, form(channel="complaint"))
    assert set(errors) == {"name", "phone"}
    assert "name" in str(errors["name"]).lower()


def test_a_complaint_with_name_and_phone_is_taken(channels):
    letter = checked_letter(
        form(channel="complaint", name=" 张三 ", phone="138 1234 5678"),
        [],
        channels,
        BOUNDS,
    )
    assert (letter.writer_name, letter.writer_phone) == ("张三", "13812345678")


def test_a_phone_given_anywhere_must_be_a_mobile_number(channels):
    assert set(refusals(channels, form(phone="12345"))) == {"phone"}


def test_every_refusal_comes_at_once(channels):
    errors = refusals(
        channels,
        {"channel": "nope", "subject": "", "body": "短", "visibility": "secret"},
    )
    assert set(errors) == {"channel", "subject", "body", "visibility"}


@pytest.mark.parametrize(
    "bad",
    [
        {"channel": ["mailbox"]},
        {"channel": None},
        {"subject": "题" * 61},
        {"body": "长" * 3001},
        {"subject": 12},
        {"visibility": None},
        {"name": "名" * 31},
    ],
)
def test_bad_input_is_refused_field_by_field(channels, bad):
    field = next(iter(bad))
    assert field in refusals(channels, form() | bad)


def test_markup_is_kept_as_the_characters_typed(channels):
    subject = '<script>alert("x")</script>路灯'
    letter = checked_letter(form(subject=subject), [], channels, BOUNDS)
    assert letter.subject == subject  # escaped where shown, never rendered


def test_control_characters_are_removed(channels):
    letter = checked_letter(form(subject="路灯\x00\x07不亮"), [], channels, BOUNDS)
    assert letter.subject == "路灯不亮"


def test_a_private_letter_never_consents_to_publication(channels):
    letter = checked_letter(form(visibility="private"), [], channels, BOUNDS)
    assert not letter.public and not letter.publish_consent


def test_a_public_letter_without_consent_keeps_its_reply_unlisted(channels):
    letter = checked_letter(form(publish_consent=None), [], channels, BOUNDS)
    assert letter.public and not letter.publish_consent


def test_attachments_are_checked_by_content(channels):
    letter = checked_letter(
        form(), [("attachment", PDF, "照片 张三.pdf")], channels, BOUNDS
    )
    assert letter.uploads[0].content_type == "application/pdf"
    assert "张三" not in letter.uploads[0].filename
    errors = refusals(channels, form(), [("attachment", EXE, "photo.pdf")])
    assert set(errors) == {"attachments"}


def test_too_many_or_too_big_attachments_are_refused(channels):
    three = [("attachment", PDF, f"{n}.pdf") for n in range(3)]
    assert "attachments" in refusals(channels, form(), three)
    big = [("attachment", PDF + b"x" * 2048, "big.pdf")]
    assert "attachments" in refusals(channels, form(), big)
