"""The searchable text of a page part by part, each part a Solr field of its weight.

A guide's title and description say little of what citizens look for: the names
they use (also known as), the situations, materials, conditions, FAQs, process,
windows and fees, the legal basis. Each part goes to a Solr field (``names_text``,
``situations_text`` …) that ``search/ranking.py`` weighs, and all of them to
``SearchableText`` (the catalog's full-text index, used when Solr is down). Articles
(strategies, interpretations, encyclopedia entries) get their body text the same way.
Questions are handled in ``participation/indexers.py``; what citizens ask about a
guide counts for the guide through ``evidence_text`` (``indexers/evidence.py``).
See docs/search/index-fields.md.
"""

from Acquisition import aq_base
from plone.app.contenttypes.behaviors.richtext import IRichTextBehavior
from plone.app.textfield.value import IRichTextValue
from plone.indexer import indexer
from Products.CMFCore.utils import getToolByName
from zope.interface import Interface

from zhengwu.content.encyclopedia_entry import IEncyclopediaEntry
from zhengwu.content.guide import IGuide
from zhengwu.content.policy_interpretation import IPolicyInterpretation
from zhengwu.content.situations import read_dimensions
from zhengwu.content.strategy import IStrategy
from zhengwu.search.pinyin import initials_forms
from zhengwu.search.pinyin import pinyin_forms
from zhengwu.vocabularies.language import language_of

# Solr fields of the parts; each is sent only for the types that have it.
PART_FIELDS = (
    "names_text",
    "situations_text",
    "materials_text",
    "conditions_text",
    "faq_text",
    "process_text",
    "legal_text",
    "body_text",
)


def _value(obj, name):
    return getattr(aq_base(obj), name, None)


def _lines(*values):
    """The non-empty strings among ``values`` (strings or lists of strings)."""
    lines = []
    for value in values:
        if isinstance(value, (list, tuple)):
            lines.extend(_lines(*value))
        elif isinstance(value, str) and value.strip():
            lines.append(value.strip())
        elif isinstance(value, int) and not isinstance(value, bool):
            lines.append(str(value))
    return lines


def _situation_words(guide):
    """The names of the guide's situation dimensions and of their options."""
    dimensions = read_dimensions(_value(guide, "situations"), language_of(guide))
    return _lines(*([dimension.title, *dimension.options] for dimension in dimensions))


def _rows(obj, name, keys):
    rows = _value(obj, name) or []
    return [line for row in rows for line in _lines(*(row.get(key) for key in keys))]


def guide_parts(guide):
    """{Solr field: [text, …]} of one guide, in the order a guide is read."""
    return {
        "names_text": _lines(_value(guide, "also_known_as")),
        "situations_text": _situation_words(guide),
        "materials_text": _rows(guide, "materials", ("name", "source", "note")),
        "conditions_text": _lines(_value(guide, "conditions")),
        "faq_text": _rows(guide, "faqs", ("question", "answer")),
        "process_text": _lines(
            _value(guide, "process_steps"),
            _value(guide, "windows"),
            _value(guide, "office_hours"),
            _value(guide, "fees"),
            _value(guide, "fee_basis"),
        ),
        "legal_text": _lines(_value(guide, "legal_basis")),
    }


def _joined(lines):
    return "\n".join(lines)


@indexer(IGuide)
def guide_searchable_text(guide):
    """Everything a citizen reads on the guide, for the catalog and Solr alike."""
    parts = guide_parts(guide)
    head = _lines(guide.Title(), guide.Description())
    body = [line for lines in parts.values() for line in lines]
    # the code last: a snippet starts with what a citizen reads first
    return _joined(head + body + _lines(_value(guide, "service_code")))


def _guide_part(name):
    @indexer(IGuide)
    def part(guide):
        return _joined(guide_parts(guide)[name])

    part.__name__ = name
    return part


guide_names = _guide_part("names_text")
guide_situations = _guide_part("situations_text")
guide_materials = _guide_part("materials_text")
guide_conditions = _guide_part("conditions_text")
guide_faq = _guide_part("faq_text")
guide_process = _guide_part("process_text")
guide_legal = _guide_part("legal_text")


def _body(obj):
    """The plain text of the rich text body (empty when there is none)."""
    value = getattr(IRichTextBehavior(obj, None), "text", None)
    if not IRichTextValue.providedBy(value):
        return ""
    transforms = getToolByName(obj, "portal_transforms")
    # the raw text, as plone.app.contenttypes indexes it (CMFPlone issue 2066)
    data = transforms.convertTo("text/plain", value.raw, mimetype=value.mimeType)
    return data.getData().strip() if data is not None else ""


@indexer(IGuide)
def names_pinyin(guide):
    """Full pinyin of every suffix of each also-known-as name (as title_pinyin)."""
    names = _lines(_value(guide, "also_known_as"))
    return [form for name in names for form in pinyin_forms(name).split()]


@indexer(IGuide)
def names_initials(guide):
    """Initials of every suffix of each also-known-as name (as title_initials)."""
    names = _lines(_value(guide, "also_known_as"))
    return [form for name in names for form in initials_forms(name).split()]


@indexer(Interface)
def no_names(obj):
    """Other types have no also-known-as names: an empty list clears the field."""
    return []


@indexer(IStrategy)
def strategy_body(strategy):
    return _body(strategy)


@indexer(IPolicyInterpretation)
def interpretation_body(interpretation):
    return _body(interpretation)


@indexer(IEncyclopediaEntry)
def entry_body(entry):
    return _body(entry)


@indexer(IEncyclopediaEntry)
def entry_names(entry):
    """An entry's related terms are other names of what it explains."""
    return _joined(_lines(_value(entry, "related_terms")))


def _article_text(obj):
    return _joined(_lines(obj.Title(), obj.Description(), _body(obj)))


@indexer(IStrategy)
def strategy_searchable_text(strategy):
    return _article_text(strategy)


@indexer(IPolicyInterpretation)
def interpretation_searchable_text(interpretation):
    return _article_text(interpretation)


@indexer(IEncyclopediaEntry)
def entry_searchable_text(entry):
    return _joined(_lines(_article_text(entry), _value(entry, "related_terms")))


@indexer(Interface)
def no_part(obj):
    """Types without the part send nothing (nor acquire a container's value)."""
    raise AttributeError("no such part")
