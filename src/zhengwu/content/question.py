"""Question (政务知道 提问): a citizen's question, answered officially by a department.

Citizens write plain text only: ``details`` is stored and shown as text, never as
HTML. The department (``zhengwu.department`` behaviour) is suggested from the text
when the question is asked and can be corrected by a moderator.
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from zhengwu import _
from zhengwu.content.relations import relation_to

DETAILS_MAX = 3000


class IQuestion(model.Schema):
    """The title (the question itself) comes from plone.basic."""

    details = schema.Text(
        title=_("Details"),
        description=_("Your situation in a few sentences. Plain text."),
        max_length=DETAILS_MAX,
        required=False,
    )
    guide = relation_to(
        "Guide",
        title=_("Guide"),
        description=_("The service guide the question is about, if any."),
        required=False,
    )
    suggested_department = schema.TextLine(
        title=_("Suggested department"),
        description=_("The department suggested from the question's text."),
        required=False,
        readonly=True,
    )
    routing_terms = schema.List(
        title=_("Why that department"),
        value_type=schema.TextLine(),
        required=False,
        readonly=True,
    )
    proactive = schema.Bool(
        title=_("Answered first"),
        description=_(
            "A hot question the department answered before it was asked "
            "again (热点问题主动回应): shown first on the homepages."
        ),
        required=False,
        readonly=True,
    )
    accepted_answer = schema.TextLine(
        title=_("Accepted answer"),
        description=_("The UID of the answer the asker accepted."),
        required=False,
        readonly=True,
    )


@implementer(IQuestion)
class Question(Container):
    """Holds its answers: the department's official ones and citizens' ones."""
