"""Solr-only values for the search: pinyin of the title, category and year.

The catalog has no index of these names, so only collective.solr asks for them (it
reads every field of the Solr schema from the indexable wrapper). The multi-valued
ones return ``[]`` rather than nothing when the content has no value: collective.solr
then clears the field, where a missing value would leave the old one in Solr (it
sends atomic updates). ``title_prefix`` and ``title_exact`` are made by Solr from
``Title`` (copyField), and ``popularity`` belongs to the search statistics: their
indexers say "no value" so that an acquired attribute of that name is never sent.
"""

from Acquisition import aq_base
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

from zhengwu.content.disclosure_record import IDisclosureRecord
from zhengwu.content.guide import IGuide
from zhengwu.content.power_item import IPowerItem
from zhengwu.search.pinyin import initials_forms
from zhengwu.search.pinyin import pinyin_forms


@indexer(IDexterityContent)
def title_pinyin(obj):
    """Full pinyin of every suffix of the title (居民身份证 → jumingshenfenzheng …)."""
    return pinyin_forms(obj.Title()).split()


@indexer(IDexterityContent)
def title_initials(obj):
    """Pinyin initials of every suffix of the title (居民身份证 → jmsfz msfz sfz …)."""
    return initials_forms(obj.Title()).split()


def _term_title(obj, vocabulary, value):
    """The title of ``value`` in ``vocabulary``, in the content's language."""
    if not value:
        return []
    terms = getUtility(IVocabularyFactory, vocabulary)(obj)
    try:
        return [str(terms.getTerm(value).title)]
    except LookupError:
        return []


@indexer(IGuide)
def guide_category(obj):
    """The kind of service (办事类型), e.g. 行政确认."""
    kind = getattr(aq_base(obj), "service_kind", None)
    return _term_title(obj, "zhengwu.ServiceKinds", kind)


@indexer(IPowerItem)
def power_category(obj):
    """The power's category (职权类别), e.g. 行政处罚."""
    code = getattr(aq_base(obj), "power_category", None)
    return _term_title(obj, "zhengwu.PowerCategories", code)


@indexer(IDisclosureRecord)
def disclosure_category(obj):
    """The topic of the record in the disclosure catalogue (主题分类)."""
    topic = getattr(aq_base(obj), "topic_category", None)
    return _term_title(obj, "zhengwu.DisclosureTopics", topic)


@indexer(IDexterityContent)
def year(obj):
    """The year of the publication date, or of creation while unpublished."""
    date = getattr(aq_base(obj), "effective_date", None) or obj.created()
    if date is None:
        raise AttributeError("year")
    return date.year()
