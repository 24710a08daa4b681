"""Department (部门): a department, sub-district office or vertical bureau."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import ValidationError
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from zhengwu import _
from zhengwu.sites.profile import ORG_CODE_PATTERN

DEPARTMENT_KINDS = {
    "department": _("Department"),
    "subdistrict": _("Sub-district office"),
    "vertical": _("Vertically managed bureau"),
}


@provider(IVocabularyFactory)
def department_kinds(context):
    """The kinds of body a district has (部门 / 街道 / 垂直管理)."""
    return SimpleVocabulary(
        [SimpleTerm(key, key, title) for key, title in DEPARTMENT_KINDS.items()]
    )


class InvalidOrgCode(ValidationError):
    __doc__ = _("An 18-character unified social credit code (digits and capitals).")


def is_org_code(value):
    """统一社会信用代码: 18 characters of 0-9 and A-Z without I, O, S, V, Z."""
    if not ORG_CODE_PATTERN.match(value):
        raise InvalidOrgCode(value)
    return True


class IDepartment(model.Schema):
    """A body of the district government that owns content."""

    short_name = schema.TextLine(
        title=_("Short name"),
        description=_("The name people commonly use for this body."),
        required=True,
    )
    kind = schema.Choice(
        title=_("Kind"),
        vocabulary="zhengwu.DepartmentKinds",
        default="department",
        required=True,
    )
    name_en = schema.TextLine(title=_("English name"), required=False)
    org_code = schema.ASCIILine(
        title=_("Unified social credit code"),
        description=_(
            "18 characters; the prefix of the department's disclosure index numbers."
        ),
        constraint=is_org_code,
        required=False,
    )
    duties = schema.Text(title=_("Duties"), required=False)
    address = schema.TextLine(title=_("Address"), required=False)
    hours = schema.TextLine(title=_("Office hours"), required=False)
    phones = schema.List(
        title=_("Phones"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    leader = schema.TextLine(title=_("Leader"), required=False)


@implementer(IDepartment)
class Department(Container):
    """Folderish: holds the department's guides, news and disclosure records."""
