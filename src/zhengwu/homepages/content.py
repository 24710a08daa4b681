"""Homepage (首页): a language root's classic homepage or a role homepage.

Three modules are queries editors change in the edit form (querystring widget, like
a Collection): news (资讯), services (服务, most used first) and featured columns
(特色专栏). Hot topics (热点专题) and policy interpretations (政策解读) need only a
number of items.
"""

from plone.app.z3cform.widgets.querystring import QueryStringFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from zhengwu import _
from zhengwu.content.choices import fixed_vocabulary

ROLES = ("classic", "resident", "enterprise", "tourist")
ROLE_TITLES = {
    "classic": _("Classic"),
    "resident": _("Residents"),
    "enterprise": _("Enterprises"),
    "tourist": _("Tourists"),
}
ROLE_VOCABULARY = fixed_vocabulary((role, ROLE_TITLES[role]) for role in ROLES)


def query_field(title, description):
    """A stored querystring (list of {i, o, v} rows), as a Collection keeps it."""
    return schema.List(
        title=title,
        description=description,
        value_type=schema.Dict(value_type=schema.Field(), key_type=schema.TextLine()),
        required=False,
        missing_value=[],
    )


def limit_field(title, default):
    return schema.Int(title=title, default=default, min=1, max=50, required=True)


class IHomepage(model.Schema):
    """Title and description come from plone.basic."""

    role = schema.Choice(
        title=_("Audience of this homepage"),
        description=_(
            "The classic homepage sends visitors who chose a role to that role's "
            "homepage."
        ),
        vocabulary=ROLE_VOCABULARY,
        default="classic",
        required=True,
    )

    directives.widget("news_query", QueryStringFieldWidget)
    news_query = query_field(
        _("News module"), _("What the news module lists, newest first.")
    )
    news_limit = limit_field(_("Number of news items"), 6)

    directives.widget("services_query", QueryStringFieldWidget)
    services_query = query_field(
        _("Services module"),
        _("What the services module lists; the most opened of the last 30 days first."),
    )
    services_limit = limit_field(_("Number of services"), 8)

    directives.widget("featured_query", QueryStringFieldWidget)
    featured_query = query_field(
        _("Featured columns module"),
        _("What the featured columns show as cards, newest first."),
    )
    featured_limit = limit_field(_("Number of featured columns"), 4)

    hot_topics_limit = limit_field(_("Number of hot topics"), 5)
    interpretations_limit = limit_field(_("Number of policy interpretations"), 5)


@implementer(IHomepage)
class Homepage(Item):
    """A page of modules; its content is what its queries find."""
