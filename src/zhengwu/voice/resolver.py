"""The resolver: which section, department or service a cleaned command names.

Every name the command contains is a candidate (Chinese: any substring; English:
whole words); the longest wins, a section named with its marker (企业页面,
信息公开栏目) and a name that is the whole command win over longer ones, and on
a tie a section wins over a department, a department over a service. A service
is also named by all the words of one of its names in another order (register
my dog → dog registration; 给狗办证 → 办狗证) or by a part of its names no
other target has (大梅沙). Nothing named: a search.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field

from zhengwu.voice.normalize import is_chinese

KINDS = ("section", "department", "service")
PRIORITY = {kind: len(KINDS) - index for index, kind in enumerate(KINDS)}
WHOLE = 100  # a name that is the whole command
MARKED = 2  # a section's name followed by a section marker
MIN_PART = 3  # characters of a part of a service's names that names it
# English words that say nothing of what is wanted.
STOP_WORDS = frozenset(
    ("a", "an", "the", "my", "me", "i", "to", "for", "of", "and", "in", "on", "at")
    + ("is", "are", "do", "does", "how", "what", "where", "with", "please", "some")
    + ("your", "our", "this", "that")
)


@dataclass(frozen=True)
class Target:
    kind: str
    target: str  # section id, department name, service id


@dataclass(frozen=True)
class Resolution:
    kind: str  # section, department, service or search
    target: str
    booking: bool = False


def _stem(word):
    return word[:4]


def _stems(text):
    return {_stem(word) for word in re.findall(r"[\w'-]+", text)} - {
        _stem(word) for word in STOP_WORDS
    }


@dataclass
class Names:
    """The names of a language root's targets, for one language."""

    markers: tuple = ()
    exact: dict = field(default_factory=lambda: defaultdict(list))
    parts: dict = field(default_factory=lambda: defaultdict(set))
    unordered: list = field(default_factory=list)  # (chars or stems, length, Target)

    def add(self, name, kind, target):
        name = " ".join(name.lower().split())
        if len(name) < 2 and is_chinese(name) or not name:
            return
        entry = Target(kind, target)
        if entry not in self.exact[name]:
            self.exact[name].append(entry)
        if kind != "service":
            return
        if is_chinese(name):
            if len(set(name)) >= MIN_PART:
                self.unordered.append((frozenset(name), len(name), entry))
            for start in range(len(name)):
                for end in range(start + MIN_PART, len(name) + 1):
                    self.parts[name[start:end]].add(entry)
        else:
            stems = _stems(name)
            if len(stems) >= 2:
                self.unordered.append((frozenset(stems), len(name), entry))

    def finish(self):
        """Keep as parts only what names one service and is no other name."""
        self.parts = {
            part: next(iter(entries))
            for part, entries in self.parts.items()
            if len(entries) == 1 and part not in self.exact
        }


def _spans(text):
    """(name, end) of every substring (Chinese) or run of words (English)."""
    if is_chinese(text):
        for start in range(len(text)):
            for end in range(start + 1, len(text) + 1):
                yield text[start:end], end
        return
    words = list(re.finditer(r"[\w'&+-]+", text))
    for first in range(len(words)):
        for last in range(first, len(words)):
            start, end = words[first].start(), words[last].end()
            yield text[start:end], end


def _marked(text, end, markers):
    rest = text[end:].lstrip()
    return any(rest.startswith(marker) for marker in markers)


def candidates(text, names):
    """(score, target) of every name ``text`` contains."""
    found = []
    for span, end in _spans(text):
        for entry in names.exact.get(span, ()):
            score = len(span)
            if span == text:
                score += WHOLE
            elif entry.kind == "section" and _marked(text, end, names.markers):
                score += MARKED
            found.append((score, entry))
        part = names.parts.get(span)
        if part is not None:
            found.append((len(span) - 0.5, part))
    chars = set(text) if is_chinese(text) else _stems(text)
    for needed, length, entry in names.unordered:
        if needed <= chars:
            found.append((length - 0.5, entry))
    return found


def resolve(command, names):
    """The Resolution of a cleaned Command over the Names of its language."""
    if command.search or not command.text:
        return Resolution("search", command.text)
    found = candidates(command.text, names)
    if not found:
        return Resolution("search", command.text)
    _, best = max(found, key=lambda item: (item[0], PRIORITY[item[1].kind]))
    return Resolution(best.kind, best.target, command.booking)
