"""PowerItem (权责清单事项): one item of the powers-and-responsibilities list."""

from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer

from zhengwu import _


class IPowerItem(model.Schema):
    """A power the district exercises, with who answers for it and on what basis."""

    power_code = schema.ASCIILine(
        title=_("Item code"),
        description=_("Unique in the site, e.g. NS-GAJ-CF-0001."),
        required=True,
    )
    power_category = schema.Choice(
        title=_("Category"),
        vocabulary="zhengwu.PowerCategories",
        required=True,
    )
    sub_items = schema.List(
        title=_("Sub-items"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    legal_basis = schema.Text(title=_("Legal basis"), required=True)
    responsibilities = schema.List(
        title=_("Responsibilities"),
        description=_(
            "One per line: acceptance, review, decision, service, follow-up."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    accountability = schema.Text(title=_("Grounds for accountability"), required=False)
    supervising_phone = schema.TextLine(title=_("Supervising phone"), required=False)
    guide = RelationChoice(
        title=_("Service guide"),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "guide",
        ContentBrowserFieldWidget,
        pattern_options={"selectableTypes": ["Guide"]},
    )


@implementer(IPowerItem)
class PowerItem(Item):
    """Not folderish: the list has thousands of items, each a small record."""
