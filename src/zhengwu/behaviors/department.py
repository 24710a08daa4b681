"""``zhengwu.department``: the department that owns an item (所属部门 / 发布机构)."""

from Acquisition import aq_base
from Acquisition import aq_chain
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory

from zhengwu import _

DEPARTMENT_TYPE = "Department"


def department_of(obj):
    """The Department folder that contains ``obj`` (not ``obj`` itself), or None."""
    for item in aq_chain(aq_parent(aq_inner(obj)) if obj is not None else None):
        if getattr(item, "portal_type", None) == DEPARTMENT_TYPE:
            return item
    return None


@provider(IContextAwareDefaultFactory)
def enclosing_department_id(context):
    """Default: the Department the item is created in (the add form's container)."""
    if getattr(context, "portal_type", None) == DEPARTMENT_TYPE:
        return context.getId()
    department = department_of(context)
    return department.getId() if department is not None else None


@provider(IFormFieldProvider)
class IOwnerDepartment(model.Schema):
    """The department responsible for the item."""

    department = schema.Choice(
        title=_("Department"),
        description=_("The department, sub-district office or bureau responsible."),
        vocabulary="zhengwu.Departments",
        defaultFactory=enclosing_department_id,
        required=False,
    )


def set_department_on_add(obj, event):
    """Store the enclosing Department's id when none was given (REST, scripts).

    The add form fills the default itself; content made without a form would
    otherwise carry no department.
    """
    if getattr(aq_base(obj), "department", None):
        return
    department = department_of(obj)
    if department is not None:
        obj.department = department.getId()


@provider(IFormFieldProvider)
class IModeratedDepartment(IOwnerDepartment):
    """The department of a citizen's question: only moderators change it."""

    directives.write_permission(department="zhengwu.Moderate")
