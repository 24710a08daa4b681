"""Letter (来信): a citizen's letter to the district through one of its channels.

The title is the tracking number (受理编号) only, so that listings, mails and the
catalog carry no personal data. The query code (查询码) is kept as a digest
(``interaction/tracking.py``). Letters live in the site's LetterBox, outside the
departments: the routed department's groups get their roles on the letter itself
(``participation/departments.py``) and its chain comes from the department's
policy (``interaction/chain.py``). Attachments are LetterAttachment items inside.
"""

from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from zhengwu import _
from zhengwu.content.choices import fixed_vocabulary

REPLY_MAX = 5000
REASON_MAX = 500
RATINGS = fixed_vocabulary(
    (
        ("satisfied", _("Satisfied")),
        ("basically", _("Basically satisfied")),
        ("unsatisfied", _("Not satisfied")),
    )
)

# What a citizen may write (the form checks the same, interaction/writing.py).
SUBJECT_MAX = 60
BODY_MAX = 3000
BODY_MIN = 10
NAME_MAX = 30


class ILetter(model.Schema):
    """What the citizen wrote, where it went and how it was answered."""

    channel = schema.TextLine(title=_("Channel"))
    # Not ``subject``: Dublin Core keeps the keywords under that name.
    topic = schema.TextLine(title=_("Subject"), max_length=SUBJECT_MAX)
    body = schema.Text(title=_("Letter"), max_length=BODY_MAX)
    public = schema.Bool(title=_("Public letter"), required=False)
    publish_consent = schema.Bool(
        title=_("The reply may be published without personal data"), required=False
    )
    writer_name = schema.TextLine(title=_("Name"), max_length=NAME_MAX, required=False)
    writer_phone = schema.TextLine(title=_("Mobile phone"), required=False)
    department = schema.TextLine(title=_("Department"), required=False)
    received = schema.Date(title=_("Received on"))
    accepted = schema.Date(title=_("Accepted on"), required=False)
    answered = schema.Date(title=_("Answered on"), required=False)
    reply = schema.Text(title=_("Reply"), max_length=REPLY_MAX, required=False)
    refusal_reason = schema.Text(
        title=_("Reason for refusal"), max_length=REASON_MAX, required=False
    )
    merged_into = schema.TextLine(title=_("Merged into"), required=False)
    rating = schema.Choice(title=_("Rating"), vocabulary=RATINGS, required=False)
    reopened = schema.Bool(title=_("Reopened once"), required=False)


@implementer(ILetter)
class Letter(Container):
    """Holds its attachments; ``query_code_digest`` is set by the portal only."""

    query_code_digest = ""


class ILetterAttachment(model.Schema):
    file = NamedBlobFile(title=_("File"))


@implementer(ILetterAttachment)
class LetterAttachment(Item):
    """A file sent with a letter: a photo, a document."""


class ILetterBox(model.Schema):
    """The site's letters (the title comes from plone.basic)."""


@implementer(ILetterBox)
class LetterBox(Container):
    """Holds every letter of the site; made by the portal only."""
