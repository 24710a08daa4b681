"""Strategy (攻略): a citizen's account of getting a service done, tied to a guide."""

from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from zhengwu import _
from zhengwu.content.relations import relation_to
from zhengwu.content.relations import widget_options


class IStrategy(model.Schema):
    """The text comes from the plone.richtext behaviour."""

    directives.widget("guide", ContentBrowserFieldWidget, **widget_options("Guide"))
    guide = relation_to(
        "Guide",
        title=_("Guide"),
        description=_("The service guide this strategy is about."),
        required=False,
    )
    directives.mode(guide_revision="display")
    guide_revision = schema.Int(
        title=_("Guide revision"),
        description=_("The revision of the guide when this was written or confirmed."),
        readonly=True,
        required=False,
    )


@implementer(IStrategy)
class Strategy(Item):
    """Out of date when its guide's revision is greater than ``guide_revision``."""
