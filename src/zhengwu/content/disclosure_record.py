"""DisclosureRecord (政府信息公开): a record of the disclosure catalogue."""

from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from zhengwu import _
from zhengwu.content.choices import DISCLOSURE_AREAS
from zhengwu.content.choices import DISCLOSURE_MODES
from zhengwu.content.choices import VALIDITY
from zhengwu.widgets.date import LongDateFieldWidget


class IDisclosureRecord(model.Schema):
    """The catalogue metadata; publishing body = ``zhengwu.department``."""

    directives.mode(index_number="display")
    index_number = schema.ASCIILine(
        title=_("Index number"),
        description=_("Given when the record is created; never reused."),
        readonly=True,
        required=False,
    )
    topic_category = schema.Choice(
        title=_("Topic"), vocabulary="zhengwu.DisclosureTopics", required=True
    )
    genre = schema.Choice(
        title=_("Genre"), vocabulary="zhengwu.DisclosureGenres", required=True
    )
    directives.widget("written_date", LongDateFieldWidget)
    written_date = schema.Date(title=_("Written date"), required=False)
    document_number = schema.TextLine(title=_("Document number"), required=False)
    directives.widget("publish_date", LongDateFieldWidget)
    publish_date = schema.Date(title=_("Publish date"), required=False)
    subject_words = schema.List(
        title=_("Subject words"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    disclosure_mode = schema.Choice(
        title=_("Disclosure mode"),
        vocabulary=DISCLOSURE_MODES,
        default="proactive",
        required=True,
    )
    validity = schema.Choice(
        title=_("Validity"), vocabulary=VALIDITY, default="valid", required=True
    )
    disclosure_area = schema.Choice(
        title=_("Five disclosures"), vocabulary=DISCLOSURE_AREAS, required=False
    )


@implementer(IDisclosureRecord)
class DisclosureRecord(Container):
    """Folderish: holds its attachments as File items."""
