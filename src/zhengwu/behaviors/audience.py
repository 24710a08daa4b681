"""``zhengwu.audience``: who a service is for (服务对象) and audience tags."""

from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import provider

from zhengwu import _


@provider(IFormFieldProvider)
class IAudience(model.Schema):
    """Natural persons, legal persons, and finer tags such as tourists."""

    directives.widget("audience", CheckBoxFieldWidget)
    audience = schema.List(
        title=_("Audience"),
        description=_("Natural persons, legal persons, or both."),
        value_type=schema.Choice(vocabulary="zhengwu.Audiences"),
        required=False,
        default=[],
    )
    directives.widget("audience_tags", CheckBoxFieldWidget)
    audience_tags = schema.List(
        title=_("Audience tags"),
        description=_("Groups of people this is especially meant for."),
        value_type=schema.Choice(vocabulary="zhengwu.AudienceTags"),
        required=False,
        default=[],
    )
