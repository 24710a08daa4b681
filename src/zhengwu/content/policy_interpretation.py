"""PolicyInterpretation (政策解读): explains a disclosed policy document."""

from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from zhengwu import _
from zhengwu.content.choices import INTERPRETATION_FORMS
from zhengwu.content.relations import relation_to
from zhengwu.content.relations import widget_options


class IPolicyInterpretation(model.Schema):
    """The text comes from the plone.richtext behaviour."""

    directives.widget(
        "interprets", ContentBrowserFieldWidget, **widget_options("DisclosureRecord")
    )
    interprets = relation_to(
        "DisclosureRecord",
        title=_("Interprets"),
        description=_("The disclosed document this interpretation explains."),
        required=False,
    )
    interpretation_form = schema.Choice(
        title=_("Form"), vocabulary=INTERPRETATION_FORMS, default="text", required=True
    )


@implementer(IPolicyInterpretation)
class PolicyInterpretation(Item):
    """Published with the document it explains."""
