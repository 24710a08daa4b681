"""EncyclopediaEntry (政府百科): explains a term such as 容缺受理; versioned."""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from zhengwu import _


class IEncyclopediaEntry(model.Schema):
    """The text comes from the plone.richtext behaviour."""

    related_terms = schema.List(
        title=_("Related terms"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )


@implementer(IEncyclopediaEntry)
class EncyclopediaEntry(Item):
    """Revisions are kept by CMFEditions (plone.versioning)."""
