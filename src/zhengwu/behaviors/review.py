"""``zhengwu.review``: when content must be checked again (复核日期)."""

from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider

from zhengwu import _
from zhengwu.widgets.date import LongDateFieldWidget


@provider(IFormFieldProvider)
class INextReview(model.Schema):
    """Guides go stale after reorganisations and policy changes."""

    directives.widget("next_review", LongDateFieldWidget)
    next_review = schema.Date(
        title=_("Next review"),
        description=_("The date by which this must be checked again."),
        required=False,
    )
