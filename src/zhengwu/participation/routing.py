"""Route a citizen's question (政务知道) to the department that should answer it.

Each department gets a profile: the TF-IDF weighted sum of what it has published
(guides, powers items, disclosure records ... as weighted training documents, see
``routing_site``). A question is compared with every profile by cosine similarity
of Han characters, Han character pairs and Latin words (``routing_features``); a
question that names a department (公安分局, 教育局, 医保局, 蛇口街道) gets that
department a boost larger than any similarity, because a citizen who names the body
is nearly always right. Ties go to the smaller id, so the same corpus and question
always give the same ranking. Pure Python: no Plone, no ZODB.
"""

import math
from collections import Counter
from collections import defaultdict
from dataclasses import dataclass

from zhengwu.participation.routing_features import is_pair_or_word
from zhengwu.participation.routing_features import mentioned
from zhengwu.participation.routing_features import name_mentions
from zhengwu.participation.routing_features import normalize
from zhengwu.participation.routing_features import split_features

# Cosine similarities stay below 1: a full or short name of a department (strong)
# puts it above every department it does not name; a stem (蛇口, 公安) only above
# departments that merely share a few words with the question.
STRONG_MENTION = 1.0
WEAK_MENTION = 0.25
# A single character weighs less than a pair: 证 is in 身份证, 许可证 and 残疾证.
CHARACTER_WEIGHT = 0.5
# At most this many explanation terms per suggestion.
TERMS = 4


@dataclass(frozen=True)
class Suggestion:
    """A department that could answer, how well it fits, and why (its ``terms``:
    the mentioned name and the features that contributed most)."""

    department: str
    score: float
    terms: tuple


def _feature_counts(text):
    """{feature: weighted count} of ``text`` (single characters weigh less)."""
    characters, longer = split_features(text)
    counts = Counter(longer)
    for character, count in Counter(characters).items():
        counts[character] = count * CHARACTER_WEIGHT
    return counts


def _unit(vector):
    """``vector`` scaled to length 1 (an empty vector stays empty)."""
    length = math.sqrt(sum(value * value for value in vector.values()))
    if not length:
        return {}
    return {feature: value / length for feature, value in vector.items()}


def _idf(document_frequency, total, sums):
    """Feature weights: rare in the documents (not boilerplate such as 行政处罚)
    and in few departments' profiles (not 申请 or 办理, which every department
    has) weighs most; the product of both inverse frequencies."""
    departments = Counter()
    for profile in sums.values():
        departments.update(profile.keys())
    return {
        feature: math.log(1.0 + total / count)
        * math.log(1.0 + len(sums) / departments[feature])
        for feature, count in document_frequency.items()
    }


class DepartmentRouter:
    """Suggests departments for a question, from their weighted training documents.

    ``documents``: iterable of ``(department_id, text, weight)``; ``names``:
    ``{department_id: (full name, short name)}``; ``synonyms``: groups of words
    citizens use for the same thing (狗证, 养犬登记): a question with one of them
    is read as if it said the others too. A department without a document of
    positive weight is never suggested, even when its name is mentioned."""

    def __init__(self, documents, names=None, synonyms=()):
        sums, frequency, total = self._collect(documents)
        self.idf = _idf(frequency, total, sums)
        self.postings = self._postings(sums)
        self.departments = frozenset(sums)
        self.mentions = {
            department: found
            for department, found in name_mentions(names or {}).items()
            if department in self.departments
        }
        self.synonyms = tuple(
            tuple(normalize(term) for term in group if term) for group in synonyms
        )

    @staticmethod
    def _collect(documents):
        """Per department, the sum of its documents' unit vectors times their
        weight; per feature, the number of documents it occurs in; the count of
        documents."""
        sums = defaultdict(Counter)
        frequency = Counter()
        total = 0
        for department, text, weight in documents:
            counts = _feature_counts(text) if weight and weight > 0 else None
            if not counts:
                continue
            total += 1
            frequency.update(counts.keys())
            # The document as a unit vector, times its weight.
            scale = weight / math.sqrt(sum(v * v for v in counts.values()))
            profile = sums[department]
            for feature, value in counts.items():
                profile[feature] += scale * value
        return sums, frequency, total

    def _postings(self, sums):
        """{feature: ((department, weight), ...)} of the unit profile vectors."""
        postings = defaultdict(list)
        for department in sorted(sums):
            weighted = {
                feature: value * self.idf[feature]
                for feature, value in sums[department].items()
            }
            for feature, value in _unit(weighted).items():
                postings[feature].append((department, value))
        return {feature: tuple(pairs) for feature, pairs in postings.items()}

    def _expand(self, text):
        """``text`` followed by the synonyms of the words it contains."""
        folded = normalize(text)
        extra = [
            other
            for group in self.synonyms
            if any(term in folded for term in group)
            for other in group
            if other not in folded
        ]
        return " ".join([text, *extra])

    def _query(self, text):
        """The question's unit TF-IDF vector over the features the corpus knows."""
        counts = _feature_counts(self._expand(text))
        known = {
            feature: count * self.idf[feature]
            for feature, count in counts.items()
            if feature in self.postings
        }
        return _unit(known)

    def _similarities(self, query):
        """{department: {feature: contribution}} of the cosine similarities."""
        contributions = defaultdict(dict)
        for feature, value in query.items():
            for department, weight in self.postings[feature]:
                contributions[department][feature] = value * weight
        return contributions

    def suggest(self, text, limit=3):
        """Up to ``limit`` ``Suggestion``s for ``text``, best first; an empty list
        for text that shares no word with any department and names none."""
        if not isinstance(text, str) or limit < 1:
            return []
        query = self._query(text)
        names = mentioned(text, self.mentions)
        longer = sum(1 for feature in query if is_pair_or_word(feature))
        if not names and not longer and len(query) < 2:
            # A single known character (好, 人) is no evidence of a subject.
            return []
        contributions = self._similarities(query)
        ranked = []
        for department in set(contributions) | set(names):
            score, terms = _score(
                contributions.get(department, {}), names.get(department)
            )
            if score > 0:
                ranked.append(Suggestion(department, round(score, 6), terms))
        ranked.sort(key=lambda suggestion: (-suggestion.score, suggestion.department))
        return ranked[:limit]


def _score(contributions, mention):
    """(score, explanation terms) of one department for one question."""
    score = sum(contributions.values())
    # Pairs and words before single characters: 社保 tells a moderator more than 保.
    ordered = sorted(
        contributions.items(),
        key=lambda item: (not is_pair_or_word(item[0]), -item[1], item[0]),
    )
    terms = []
    if mention is not None:
        name, strong = mention
        score += STRONG_MENTION if strong else WEAK_MENTION
        terms.append(name)
    for feature, _value in ordered:
        # A character inside a term already shown explains nothing more.
        if len(terms) >= TERMS:
            break
        if not any(feature in term for term in terms):
            terms.append(feature)
    return score, tuple(terms)
