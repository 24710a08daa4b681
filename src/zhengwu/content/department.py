"""Department (部门): a department, sub-district office or vertical bureau."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from zhengwu import _

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


@implementer(IDepartment)
class Department(Container):
    """Folderish: holds the department's guides, news and disclosure records."""
