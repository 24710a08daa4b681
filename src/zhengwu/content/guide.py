"""Guide (办事指南): the national service guide elements of one service."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant
from zope.schema.interfaces import ValidationError
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from zhengwu import _
from zhengwu.content.guide_rows import IFaqRow
from zhengwu.content.guide_rows import IMaterialRow
from zhengwu.content.guide_rows import check_material_situations
from zhengwu.content.situations import check_situations

ONLINE_DEPTHS = SimpleVocabulary(
    [
        SimpleTerm(1, "1", _("1: information only")),
        SimpleTerm(2, "2", _("2: online pre-check")),
        SimpleTerm(3, "3", _("3: online acceptance")),
        SimpleTerm(4, "4", _("4: fully online")),
    ]
)
VISITS = SimpleVocabulary(
    [
        SimpleTerm(0, "0", _("No visit")),
        SimpleTerm(1, "1", _("One visit")),
        SimpleTerm(2, "2", _("Two visits")),
    ]
)


class NotAWebLink(ValidationError):
    __doc__ = _("Give an address that starts with http:// or https://.")


def is_web_link(value):
    """Only web addresses: a ``javascript:`` or ``data:`` link never reaches a page."""
    if not value.lower().startswith(("http://", "https://")):
        raise NotAWebLink(value)
    return True


class IGuide(model.Schema):
    """What a citizen needs to know to get one service done."""

    also_known_as = schema.List(
        title=_("Also known as"),
        description=_(
            "Other names citizens use for this service, one per line (a folk "
            "name, an old name, a short form): search finds the guide by them."
        ),
        value_type=schema.TextLine(max_length=40),
        required=False,
        default=[],
        max_length=20,
    )
    service_code = schema.ASCIILine(
        title=_("Service code"),
        description=_("The code of the service in the provincial catalogue."),
        required=True,
    )
    service_kind = schema.Choice(
        title=_("Kind of service"),
        vocabulary="zhengwu.ServiceKinds",
        required=False,
    )
    legal_basis = schema.Text(title=_("Legal basis"), required=False)
    conditions = schema.Text(title=_("Conditions"), required=False)

    model.fieldset(
        "materials",
        label=_("Situations and materials"),
        fields=["situations", "materials"],
    )
    situations = schema.List(
        title=_("Situations"),
        description=_(
            "One line per dimension: its name, a colon and its options separated"
            " by /, e.g. 户籍：本市户籍 / 非本市户籍. A citizen chooses one option of"
            " each dimension; a material names the options it is needed in."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        constraint=check_situations,
    )
    directives.widget("materials", DataGridFieldFactory)
    materials = schema.List(
        title=_("Materials"),
        value_type=DictRow(title=_("Material"), schema=IMaterialRow),
        required=False,
        default=[],
    )

    model.fieldset(
        "process",
        label=_("Process and time limits"),
        fields=[
            "process_steps",
            "statutory_limit",
            "promised_limit",
            "fees",
            "fee_basis",
            "online_depth",
            "visits",
            "postal_delivery",
            "booking",
            "online_url",
        ],
    )
    process_steps = schema.List(
        title=_("Process steps"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    statutory_limit = schema.Int(
        title=_("Statutory time limit (working days)"), min=0, required=False
    )
    promised_limit = schema.Int(
        title=_("Promised time limit (working days)"), min=0, required=False
    )
    fees = schema.Text(title=_("Fees"), required=False)
    fee_basis = schema.Text(title=_("Basis of the fees"), required=False)
    online_depth = schema.Choice(
        title=_("Online depth"), vocabulary=ONLINE_DEPTHS, required=False
    )
    visits = schema.Choice(title=_("Visits needed"), vocabulary=VISITS, required=False)
    postal_delivery = schema.Bool(title=_("Delivery by post"), required=False)
    booking = schema.Bool(title=_("Booking available"), required=False)
    online_url = schema.URI(
        title=_("Online application link"),
        description=_(
            "Where citizens apply online, an http(s) address; the guide shows "
            "an Apply online button when it is filled."
        ),
        constraint=is_web_link,
        required=False,
    )

    model.fieldset(
        "contact",
        label=_("Where and when"),
        fields=["windows", "office_hours", "enquiry_phone", "complaint_phone"],
    )
    windows = schema.Text(title=_("Windows"), required=False)
    office_hours = schema.TextLine(title=_("Office hours"), required=False)
    enquiry_phone = schema.TextLine(title=_("Enquiry phone"), required=False)
    complaint_phone = schema.TextLine(title=_("Complaint phone"), required=False)

    model.fieldset("faq", label=_("Questions"), fields=["faqs"])
    directives.widget("faqs", DataGridFieldFactory)
    faqs = schema.List(
        title=_("Frequently asked questions"),
        value_type=DictRow(title=_("Question"), schema=IFaqRow),
        required=False,
        default=[],
    )

    directives.mode(revision="display")
    revision = schema.Int(
        title=_("Revision"),
        description=_("Increases when a field citizens rely on changes."),
        readonly=True,
        required=False,
        default=0,
    )

    @invariant
    def materials_name_known_situations(data):
        check_material_situations(data.situations, data.materials)


@implementer(IGuide)
class Guide(Item):
    """A service guide; its id is the service id (``id-card``)."""
