"""Homophone typo correction (您是不是要找): 身份正 → 身份证, 公基金 → 公积金.

Pinyin input methods make typos that sound right and look wrong. Each Han run of a
query is covered, left to right, by the cheapest sequence of spans, where a span is a
word of the site's vocabulary as typed (almost free), a vocabulary word that sounds
the same (costs per changed character), or one character left alone (costs more
than a change). A change therefore happens only where it lets a vocabulary word
cover characters that no word typed as is covers, and never touches a query the
vocabulary already explains (身份证补办, 户口).
"""

import itertools
import logging
import re

from zhengwu.search.typos.site import site_vocabulary
from zhengwu.search.typos.vocabulary import LONGEST
from zhengwu.search.typos.vocabulary import char_readings
from zhengwu.search.typos.vocabulary import context_readings
from zhengwu.search.typos.vocabulary import fuzzy_syllable

logger = logging.getLogger(__name__)

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

# Costs of the cover, in tenths of an unexplained character.
WORD = 1  # a vocabulary word as typed
LEFT_ALONE = 10  # a character no word explains
SAME_SOUND = 6  # per character changed to a word that sounds the same
FUZZY_SOUND = 8  # per character changed to a word that sounds alike (zh/z, n/l, -ng/-n)

# Readings tried per span (heteronyms multiply them) and the longest query corrected:
# both bound the time a correction takes.
SOUNDS_PER_SPAN = 8
LONGEST_QUERY = 64
# Corrections kept per vocabulary (a new vocabulary starts afresh); past this many
# the memory of them starts again.
CORRECTIONS_KEPT = 4096


def correction_for(site, text):
    """The query with its homophone typos corrected from the site's indexed words, or
    None: nothing to correct, Solr off or unreachable, or the vocabulary still being
    read for the first time (see ``site_vocabulary``)."""
    if not _HAN_RUN.search(text or ""):
        return None
    vocabulary = site_vocabulary(site)
    if vocabulary is None:
        return None
    known = vocabulary.corrections
    if text in known:
        return known[text]
    correction = correct(vocabulary, text)
    if len(known) >= CORRECTIONS_KEPT:
        known.clear()
    known[text] = correction
    return correction


def correct(vocabulary, text):
    """``text`` with each Han run covered by ``vocabulary`` at the least cost, or None
    when the cheapest cover changes nothing."""
    text = text or ""
    if not vocabulary or len(text) > LONGEST_QUERY:
        return None
    changes = [
        (match.start() + start, match.start() + stop, word)
        for match in _HAN_RUN.finditer(text)
        for start, stop, word in _changes(vocabulary, match.group())
    ]
    if not changes:
        return None
    corrected = list(text)
    for start, stop, word in changes:
        corrected[start:stop] = word
    return "".join(corrected)


def _changes(vocabulary, run):
    """(start, stop, word) of each span of ``run`` the cheapest cover changes."""
    folded = "".join(vocabulary.folding.get(char, char) for char in run)
    size = len(folded)
    if size < 2:
        return []
    readings = _readings(folded)
    fuzzy = [fuzzy_syllable(options[0]) for options in readings]
    # best[j]: (cost, start, word) of the cheapest cover of folded[:j]
    best = [(0, 0, None)] * (size + 1)
    for stop in range(1, size + 1):
        best[stop] = (best[stop - 1][0] + LEFT_ALONE, stop - 1, None)
        for start in range(max(0, stop - LONGEST), stop - 1):
            span = folded[start:stop]
            if span in vocabulary.frequencies:
                cost, word = WORD, span
            else:
                cost, word = _homophone(
                    vocabulary, span, readings[start:stop], fuzzy[start:stop]
                )
                if word is None:
                    continue
            if best[start][0] + cost < best[stop][0]:
                best[stop] = (best[start][0] + cost, start, word)
    changes, stop = [], size
    while stop > 0:
        _, start, word = best[stop]
        if word is not None and word != folded[start:stop]:
            changes.append((start, stop, word))
        stop = start
    return changes


def _readings(run):
    """Per character: its reading in context first, then its other readings."""
    return [
        (reading,) + tuple(r for r in char_readings(char) if r != reading)
        for char, reading in zip(run, context_readings(run), strict=True)
    ]


def _homophone(vocabulary, span, readings, fuzzy):
    """(cost, word) of the best target word that sounds like ``span``: the same
    syllables in any reading of its characters, else alike in their reading in
    context; (None, None) if there is none."""
    sounds = itertools.islice(itertools.product(*readings), SOUNDS_PER_SPAN)
    found = _closest(span, (" ".join(sound) for sound in sounds), vocabulary.by_sound)
    if found is not None:
        return WORD + SAME_SOUND * found[0], found[1]
    found = _closest(span, (" ".join(fuzzy),), vocabulary.by_fuzzy)
    if found is not None:
        return WORD + FUZZY_SOUND * found[0], found[1]
    return None, None


def _closest(span, sounds, index):
    """(changed characters, word) of the most frequent word sounding like ``span`` that
    keeps at least half of its characters, or None."""
    best = None
    for sound in sounds:
        for word in index.get(sound, ()):
            changes = sum(1 for a, b in zip(word, span, strict=True) if a != b)
            if 2 * changes <= len(span) and (best is None or changes < best[0]):
                best = (changes, word)
    return best
