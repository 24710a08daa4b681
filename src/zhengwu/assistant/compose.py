"""The answer's text, quoted from the guide's own fields (组织答案：只引用，不编造).

Which fields: those the question asks about (``rules.topics``), else the usual
few (materials, time limit, fees, where). Materials follow the situation the
question states (``content/guide_materials.py``); when the question asks for them
and a situation it leaves open decides them, the reply asks about it instead
(``clarify``). Every value is the guide's text; only the labels are the site's.
"""

import re
from dataclasses import dataclass
from dataclasses import field

from zope.i18n import translate

from zhengwu import _
from zhengwu.content.guide_materials import select_materials
from zhengwu.content.situations import read_dimensions

DEFAULT_TOPICS = ("materials", "limit", "fees", "where")
ALWAYS = ("limit", "fees")  # short enough to add to any answer
FAQ_OVERLAP = 0.5  # share of a FAQ question's character pairs in the question
MAX_LINE = 600  # characters quoted from one field
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
WORD = re.compile(r"[a-z]{3,}")
SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
# A sentence of the guide is quoted when it shares this many character pairs (or
# English words) with the question, beyond the guide's own name.
SENTENCE_OVERLAP = 2
MAX_SENTENCES = 2
# English words of asking: they tie no sentence to a question.
ASKING = frozenset(
    ("how", "what", "where", "when", "does", "need", "can", "the", "and", "for",
     "with", "take", "long", "much", "get", "you", "your", "this", "that", "are")
)  # fmt: skip


@dataclass
class Composed:
    behaviour: str  # answer or clarify
    text: str
    chosen: dict = field(default_factory=dict)
    dimension: str | None = None  # asked about (clarify)
    options: list = field(default_factory=list)


def _t(message, language):
    return translate(message, target_language=language)


def _quote(value):
    text = " ".join(str(value or "").split())
    return text if len(text) <= MAX_LINE else text[: MAX_LINE - 1] + "…"


def chosen_in(dimensions, text, situation_text):
    """{dimension title: option} of the options the question names."""
    chosen = {}
    for dimension in dimensions:
        named = [
            option
            for option in dimension.options
            if option.lower() in text.lower() or option.lower() in situation_text
        ]
        if len(named) == 1:
            chosen[dimension.title] = named[0]
    return chosen


def _material(row):
    note = row.get("note")
    name = _quote(row.get("name"))
    return f"{name}（{_quote(note)}）" if note else name


def _numbered(rows):
    return "；".join(f"{n}. {_material(row)}" for n, row in enumerate(rows, 1))


def open_dimension(dimensions, selection, chosen):
    """The first unchosen dimension whose options change the materials."""
    open_options = {group.situation for group in selection.depends}
    for dimension in dimensions:
        if dimension.title not in chosen and open_options & set(dimension.options):
            return dimension
    return None


def materials_lines(guide, dimensions, chosen, language):
    rows = list(getattr(guide, "materials", None) or ())
    if not rows:
        return []
    selection = select_materials(dimensions, rows, chosen)
    options = "、".join(chosen.values())
    if options:
        head = _t(
            _("Materials for ${situation}:", mapping={"situation": options}), language
        )
    else:
        head = _t(_("Materials:"), language)
    lines = [f"{head} {_numbered(selection.needed)}"] if selection.needed else []
    for group in selection.depends:
        label = _t(
            _("If ${situation}:", mapping={"situation": group.situation}), language
        )
        lines.append(f"{label} {_numbered(group.materials)}")
    return lines


def field_line(guide, topic, language):
    """The line of one topic other than materials, or None when the guide is silent."""
    if topic == "limit":
        promised = getattr(guide, "promised_limit", None)
        statutory = getattr(guide, "statutory_limit", None)
        if promised is None and statutory is None:
            return None
        if promised == 0:
            return _t(_("Time limit: done on the spot."), language)
        days = promised if promised is not None else statutory
        return _t(
            _("Time limit: ${days} working days.", mapping={"days": days}), language
        )
    if topic == "booking":
        if getattr(guide, "booking", None):
            return _t(_("Booking: you can book a time for this service."), language)
        return None
    values = {
        "fees": (_("Fees:"), "fees"),
        "where": (_("Where:"), "windows"),
        "hours": (_("Hours:"), "office_hours"),
        "phone": (_("Enquiry phone:"), "enquiry_phone"),
        "online": (_("Apply online:"), "online_url"),
        "conditions": (_("Conditions:"), "conditions"),
    }
    if topic not in values:
        return None
    label, name = values[topic]
    value = getattr(guide, name, None)
    return f"{_t(label, language)} {_quote(value)}" if value else None


def _pairs(text):
    """The character pairs of the Chinese runs and the English words of ``text``."""
    lowered = (text or "").lower()
    pairs = {
        run[i : i + 2] for run in HAN_RUN.findall(lowered) for i in range(len(run) - 1)
    }
    return pairs | (set(WORD.findall(lowered)) - ASKING)


def _sentences(guide):
    """The guide's sentences a question may be about: conditions, description,
    process, FAQ answers."""
    texts = [getattr(guide, "conditions", None) or "", guide.Description() or ""]
    texts += list(getattr(guide, "process_steps", None) or ())
    texts += [row.get("answer") or "" for row in getattr(guide, "faqs", None) or ()]
    for text in texts:
        for sentence in SENTENCE.findall(text):
            sentence = sentence.strip()
            if len(sentence) > 3:
                yield sentence


def relevant_sentences(guide, question, already=""):
    """Up to ``MAX_SENTENCES`` sentences of the guide that share the question's
    words beyond the guide's name, best first; not those quoted already."""
    asked = _pairs(question) - guide_names(guide)
    scored = []
    for sentence in dict.fromkeys(_sentences(guide)):
        score = len(asked & _pairs(sentence))
        if score >= SENTENCE_OVERLAP and sentence not in already:
            scored.append((-score, sentence))
    return [sentence for _score, sentence in sorted(scored)[:MAX_SENTENCES]]


def best_faq(guide, question):
    """The guide's FAQ whose question shares most of its words with ``question``."""
    asked, best, score = _pairs(question), None, 0.0
    for row in getattr(guide, "faqs", None) or ():
        own = _pairs(row.get("question"))
        if not own:
            continue
        overlap = len(own & asked) / len(own)
        if overlap > score:
            best, score = row, overlap
    return best if score >= FAQ_OVERLAP else None


OFFICIAL_SHARE = 0.4  # of a 政务知道 question's pairs (beyond the guide's name)
OFFICIAL_PAIRS = 3  # and at least this many
GREETING = re.compile(r"^(您好|你好)[！!，,。]?")


def guide_names(guide):
    names = _pairs(guide.Title())
    for name in getattr(guide, "also_known_as", None) or ():
        names |= _pairs(name)
    return names


def best_official(guide, question, items, official_text):
    """(item, its official answer's first paragraph) of the 政务知道 question about
    the guide that asks what ``question`` asks, or None."""
    asked = _pairs(question) - guide_names(guide)
    best, score = None, 0.0
    for item in items:
        if item.portal_type != "Question":
            continue
        own = _pairs(item.Title()) - guide_names(guide)
        shared = len(own & asked)
        share = shared / len(own) if own else 0.0
        if shared >= OFFICIAL_PAIRS and share >= OFFICIAL_SHARE and share > score:
            best, score = item, share
    if best is None:
        return None
    text = official_text(best)
    if not text:
        return None
    return best, _quote(GREETING.sub("", best_paragraph(text, asked).strip()))


def best_paragraph(text, asked):
    """The paragraph of an official answer that shares most of the question's
    words (the first of equals)."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if not paragraphs:
        return ""
    scores = [len(_pairs(p) & asked) for p in paragraphs]
    return paragraphs[scores.index(max(scores))]


def compose(guide, question, topics, chosen, situation_text, language, official=None):
    """The ``Composed`` reply of ``guide`` to ``question``; ``official``: the text
    of a department's answer to the same question, quoted first."""
    dimensions = read_dimensions(getattr(guide, "situations", None) or (), language)
    chosen = {**chosen, **chosen_in(dimensions, question, situation_text)}
    intro = _t(
        _("From the guide “${title}”:", mapping={"title": guide.Title()}), language
    )
    asked = list(topics) or list(DEFAULT_TOPICS)
    if "materials" in topics:
        rows = list(getattr(guide, "materials", None) or ())
        selection = select_materials(dimensions, rows, chosen)
        dimension = open_dimension(dimensions, selection, chosen)
        if dimension is not None:
            return clarify(guide, dimension, selection, chosen, intro, language)
    lines = [intro]
    if official:
        label = _t(_("The department's answer:"), language)
        lines.append(f"{label} {official}")
    faq = None if official else best_faq(guide, question)
    if faq:
        label = _t(_("The department's answer:"), language)
        lines.append(f"{label} {_quote(faq.get('answer'))}")
    lines.extend(_quote(s) for s in relevant_sentences(guide, question, "".join(lines)))
    for topic in [*asked, *(t for t in ALWAYS if t not in asked)]:
        if topic == "materials":
            lines.extend(materials_lines(guide, dimensions, chosen, language))
        else:
            line = field_line(guide, topic, language)
            if line:
                lines.append(line)
    if len(lines) == 1:
        lines.append(_quote(guide.Description()))
    return Composed("answer", "\n".join(lines), chosen)


def clarify(guide, dimension, selection, chosen, intro, language):
    lines = [intro]
    if selection.needed:
        label = _t(_("Needed in every case:"), language)
        lines.append(f"{label} {_numbered(selection.needed)}")
    for group in selection.depends:
        if group.situation in dimension.options:
            label = _("If ${situation}:", mapping={"situation": group.situation})
            lines.append(f"{_t(label, language)} {_numbered(group.materials)}")
    ask = _(
        "The materials depend on “${dimension}”. Which applies to you?",
        mapping={"dimension": dimension.title},
    )
    lines.append(_t(ask, language))
    return Composed(
        "clarify", "\n".join(lines), chosen, dimension.title, list(dimension.options)
    )
