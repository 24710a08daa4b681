"""One turn of a conversation with the assistant: refuse, hand over, clarify or answer.

The order is the rules' (``rules.py``): a request to refuse is refused whatever else
it says; a question only a person can answer is handed over; otherwise the search
finds the guide (or the conversation's guide answers a follow-up) and its fields
make the answer (``compose.py``). See docs/assistant.md.
"""

import re
from dataclasses import dataclass
from dataclasses import field

from plone import api
from zope.i18n import translate

from zhengwu import _
from zhengwu.assistant import compose
from zhengwu.assistant import context as tokens
from zhengwu.assistant import retrieval
from zhengwu.assistant import rules
from zhengwu.assistant import stats
from zhengwu.assistant.handover import handover_links
from zhengwu.bounds.limits import MAX_QUERY_LENGTH
from zhengwu.content.situations import catalogue_language
from zhengwu.content.situations import read_dimensions

MAX_QUESTION = MAX_QUERY_LENGTH  # characters
FOLLOW_UP_MAX = 24  # a question this short that names no other guide is a follow-up
ID_OR_PHONE = re.compile(r"\d{6,}[\dxX]*")

REFUSALS = {
    "instructions": _(
        "I answer questions about this site's government services, and my rules "
        "do not change. What would you like to get done?"
    ),
    "personal_data": _(
        "I cannot look up or give out other people's personal information. For "
        "your own case, please contact the department."
    ),
    "fraud": _(
        "I cannot help with that. If you need a service, I can tell you the "
        "lawful way to get it done."
    ),
    "abuse": _(
        "I am here to help with government services. Tell me what you need to "
        "get done and I will find the guide."
    ),
    "out_of_scope": _(
        "That is outside what I can help with: I answer questions about this "
        "site's government services."
    ),
}
HANDOVERS = {
    "progress": _(
        "Only the department can look at your own case. Please contact them, or "
        "ask on the Q&A board."
    ),
    "dispute": _(
        "A disagreement about a decision is for the department to hear. Contact "
        "them, or use the complaint channel."
    ),
    "person": _("I will pass you to people: contact the department or ask a question."),
    "nothing": _(
        "I found no guide that answers this. Please ask the departments on the "
        "Q&A board; they answer within the set working days."
    ),
}
FOLLOW_UPS = (
    ("materials", _("What materials do I need?")),
    ("limit", _("How long does it take?")),
    ("fees", _("How much does it cost?")),
    ("where", _("Where do I go?")),
    ("online", _("Can I apply online?")),
)
FALLBACK_NOTE = _(
    "There is no English guide for this yet; this answer quotes the Chinese guide."
)


@dataclass
class Turn:
    """What one reply says (``as_json``)."""

    behaviour: str
    answer: str
    sources: list = field(default_factory=list)
    followups: list = field(default_factory=list)
    options: list = field(default_factory=list)
    handover: dict | None = None
    context: str | None = None
    reason: str | None = None

    def as_json(self):
        data = {
            "behaviour": self.behaviour,
            "answer": self.answer,
            "sources": self.sources,
            "followups": self.followups,
            "options": self.options,
            "context": self.context,
        }
        if self.handover is not None:
            data["handover"] = self.handover
        return data


def language_of(root):
    return catalogue_language(root.Language() or "zh-cn") or "zh_CN"


def source(obj):
    return {
        "@id": obj.absolute_url(),
        "title": obj.Title(),
        "service_code": getattr(obj, "service_code", None),
        "type": obj.portal_type,
    }


def _option_answer(guide, question):
    """(dimension title, option) when the question is one of the guide's options
    (a clarify button pressed), else None."""
    wanted = question.strip()
    for dimension in read_dimensions(getattr(guide, "situations", None) or ()):
        if wanted in dimension.options:
            return dimension.title, wanted
    return None


def _masked(question):
    """An unanswered question as the report keeps it: numbers that may be an ID
    or a phone are replaced."""
    return ID_OR_PHONE.sub("…", question)


class Assistant:
    """Replies of the assistant of one language root."""

    def __init__(self, root):
        self.root = root
        self.language = language_of(root)

    def t(self, message):
        return translate(message, target_language=self.language)

    def reply(self, question, token=None):
        """The ``Turn`` for ``question``; BadContext for a forged ``token``."""
        question = " ".join(str(question).split())[:MAX_QUESTION]
        state = tokens.load(token)
        turn = self.turn(question, state)
        stats.record(
            api.portal.get(),
            self.language,
            turn.behaviour,
            _masked(question) if turn.reason == "nothing" else None,
        )
        return turn

    def turn(self, question, state):
        refused = rules.refusal(question)
        if refused:
            return Turn("refuse", self.t(REFUSALS[refused]), reason=refused)
        kind = rules.handover(question)
        if kind:
            return self.hand_over(
                question, kind, retrieval.find_guide(self.root, question)
            )
        previous = retrieval.guide_by_uid(self.root, state.guide)
        if previous is not None:
            chosen = _option_answer(previous, question)
            if chosen:
                topics = state.topics or ["materials"]
                return self.answer(
                    previous, question, topics, {**state.chosen, chosen[0]: chosen[1]}
                )
        guide = retrieval.find_guide(self.root, question)
        follow_up = (
            previous is not None
            and len(question) <= FOLLOW_UP_MAX
            and (guide is None or not retrieval.mentions(guide, question))
        )
        if follow_up:
            return self.answer(previous, question, rules.topics(question), state.chosen)
        if guide is None:
            return self.hand_over(question, "nothing", None)
        return self.answer(guide, question, rules.topics(question), {})

    def answer(self, guide, question, topics, chosen):
        items = retrieval.about(guide)
        found = compose.best_official(guide, question, items, retrieval.official_text)
        composed = compose.compose(
            guide,
            question,
            topics,
            chosen,
            rules.situation_text(question),
            self.language,
            official=found[1] if found else None,
        )
        text = composed.text
        if self.language == "en" and not retrieval.is_under(guide, self.root):
            text = f"{self.t(FALLBACK_NOTE)}\n{text}"
        further = retrieval.further_sources(items, found[0] if found else None)
        sources = [source(guide), *(source(o) for o in further)]
        asked = set(topics)
        followups = [self.t(m) for topic, m in FOLLOW_UPS if topic not in asked][:3]
        state = tokens.Context(
            guide.UID(), composed.chosen, list(topics) or ["materials"]
        )
        return Turn(
            composed.behaviour,
            text,
            sources=sources,
            followups=[] if composed.behaviour == "clarify" else followups,
            options=composed.options,
            context=tokens.dump(state),
        )

    def failed(self, question):
        """The reply when answering failed: people take over."""
        return self.hand_over(question, "nothing", None)

    def hand_over(self, question, kind, guide):
        links = handover_links(self.root, question, guide, self.language)
        lines = [self.t(HANDOVERS[kind])]
        if links["department"]:
            line = _(
                "Department: ${department}, phone ${phone}.",
                mapping={
                    "department": links["department"],
                    "phone": links["phone"] or "—",
                },
            )
            lines.append(self.t(line))
        return Turn("handover", "\n".join(lines), handover=links, reason=kind)
