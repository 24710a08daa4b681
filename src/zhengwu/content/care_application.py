"""CareApplication (居家养老申请): a citizen's application for home-based elderly care.

The applicant's personal data lives in the schema fields; the title is the
application's reference only, so that listings, mails and the catalog carry no
personal data. Attachments are ``CareAttachment`` items inside the application,
with no workflow of their own: they are seen by whoever sees the application.
"""

from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from zhengwu import _
from zhengwu.content.choices import fixed_vocabulary

NAME_MAX = 50
ADDRESS_MAX = 200
SITUATION_MAX = 2000

CARE_NEEDS = fixed_vocabulary(
    (
        ("meals", _("Meals")),
        ("cleaning", _("Cleaning")),
        ("bathing", _("Bathing")),
        ("medical", _("Medical escort")),
        ("nursing", _("Home nursing")),
    )
)
# The levels of the national assessment of older people's abilities (MZ/T 039).
DISABILITY_LEVELS = fixed_vocabulary(
    (
        ("none", _("Independent")),
        ("mild", _("Mildly dependent")),
        ("moderate", _("Moderately dependent")),
        ("severe", _("Severely dependent")),
        ("unassessed", _("Not assessed yet")),
    )
)
ATTACHMENT_KINDS = fixed_vocabulary(
    (
        ("id_card", _("Copy of the identity card")),
        ("assessment", _("Medical or assessment document")),
    )
)


class ICareApplication(model.Schema):
    """The title is the reference (受理编号), set when the application is made."""

    applicant_name = schema.TextLine(title=_("Applicant's name"), max_length=NAME_MAX)
    id_number = schema.TextLine(
        title=_("Resident ID number"),
        description=_("18 characters; the last one may be X."),
    )
    phone = schema.TextLine(title=_("Mobile phone"))
    address = schema.TextLine(title=_("Address"), max_length=ADDRESS_MAX)
    care_needs = schema.List(
        title=_("Care needed"),
        value_type=schema.Choice(vocabulary=CARE_NEEDS),
        required=False,
    )
    lives_alone = schema.Bool(title=_("The elderly person lives alone"), required=False)
    disability_level = schema.Choice(
        title=_("Level of dependency"), vocabulary=DISABILITY_LEVELS
    )
    situation = schema.Text(
        title=_("The elderly person's situation"),
        max_length=SITUATION_MAX,
        required=False,
    )
    consent = schema.Bool(
        title=_(
            "I agree that the civil affairs department uses these data to handle "
            "this application."
        )
    )


@implementer(ICareApplication)
class CareApplication(Container):
    """Holds its attachments."""


class ICareAttachment(model.Schema):
    kind = schema.Choice(title=_("Kind of document"), vocabulary=ATTACHMENT_KINDS)
    file = NamedBlobFile(title=_("File"))


@implementer(ICareAttachment)
class CareAttachment(Item):
    """A file of an application: a copy of the ID card, an assessment."""


class ICareApplicationFolder(model.Schema):
    """A department's queue of applications (the title comes from plone.basic)."""


@implementer(ICareApplicationFolder)
class CareApplicationFolder(Container):
    """Holds the department's applications; made by the portal only."""
