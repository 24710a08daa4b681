"""Checking a letter as written (写信): every field, all refusals together.

One path for the form and for REST: the channel must be one of the district's,
subject and body are plain text (``safety/text.py``: markup is kept as the
characters typed, never rendered), the writer chooses public or private and, for
a public letter, whether the reply may be published; name and phone are required
where the channel says so (投诉举报) and checked whenever given. Attachments are
checked by their content (``safety/attachments.py``). ``LetterError.errors`` maps
each field to why, so nothing typed is lost.
"""

from dataclasses import dataclass

from zhengwu import _
from zhengwu.content.letter import BODY_MAX
from zhengwu.content.letter import BODY_MIN
from zhengwu.content.letter import NAME_MAX
from zhengwu.content.letter import SUBJECT_MAX
from zhengwu.masking import is_mobile_phone
from zhengwu.safety.attachments import AttachmentError
from zhengwu.safety.attachments import checked_uploads
from zhengwu.safety.text import PostError
from zhengwu.safety.text import clean_plain_text

PUBLIC = "public"
PRIVATE = "private"
ATTACHMENT_KIND = "attachment"


class LetterError(ValueError):
    """The letter is refused; ``errors`` maps each field to why."""

    def __init__(self, errors):
        super().__init__(sorted(errors))
        self.errors = errors


@dataclass(frozen=True)
class WrittenLetter:
    channel: str
    subject: str
    body: str
    public: bool
    publish_consent: bool  # the reply may be listed, personal data removed
    writer_name: str
    writer_phone: str
    uploads: tuple


def _text(form, name, max_length, errors, required=True):
    value = form.get(name)
    if value is not None and not isinstance(value, str):
        errors[name] = _("Please fill in this field.")
        return ""
    try:
        return clean_plain_text(value or "", max_length, field=name, required=required)
    except PostError as error:
        errors[name] = error.message
        return ""


def _flag(value):
    return value is True or str(value).lower() in ("1", "true", "on", "yes")


def _identity(form, channel, errors):
    name = _text(form, "name", NAME_MAX, errors, required=False)
    phone = "".join(str(form.get("phone") or "").split())
    if channel is not None and channel.identity_required:
        if not name and "name" not in errors:
            errors["name"] = _("Complaints and reports need the writer's name.")
        if not phone:
            errors["phone"] = _("Complaints and reports need a mobile number.")
    if phone and not is_mobile_phone(phone):
        errors["phone"] = _("Please give an 11-digit mobile number.")
    return name, phone


def checked_letter(form, files, channels, bounds=None):
    """A WrittenLetter from ``form`` (a mapping) and ``files`` ([(kind, bytes,
    name)]) for one of ``channels``; LetterError with every refusal."""
    errors = {}
    channel = (
        channels.get(form.get("channel"))
        if isinstance(form.get("channel"), str)
        else None
    )
    if channel is None:
        errors["channel"] = _("Please choose from the list.")
    subject = _text(form, "subject", SUBJECT_MAX, errors)
    body = _text(form, "body", BODY_MAX, errors)
    if body and len(body) < BODY_MIN:
        errors["body"] = _(
            "Please describe the matter in at least ${count} characters.",
            mapping={"count": BODY_MIN},
        )
    visibility = form.get("visibility")
    if visibility not in (PUBLIC, PRIVATE):
        errors["visibility"] = _("Please choose public or private.")
    name, phone = _identity(form, channel, errors)
    uploads = ()
    try:
        if files:
            uploads = tuple(checked_uploads(files, bounds))
    except AttachmentError as error:
        errors["attachments"] = error.message
    if errors:
        raise LetterError(errors)
    public = visibility == PUBLIC
    return WrittenLetter(
        channel=channel.id,
        subject=subject,
        body=body,
        public=public,
        publish_consent=public and _flag(form.get("publish_consent")),
        writer_name=name,
        writer_phone=phone,
        uploads=uploads,
    )
