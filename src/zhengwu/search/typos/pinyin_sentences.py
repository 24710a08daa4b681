"""Latin-letter queries read as Chinese: pinyin sentences and initials to Hanzi words.

A citizen without a Chinese input method types ``gongsizhuce``, ``hukouben shenqing``,
``gong ji jin ti qu`` or the initials ``gjjtq``. The title's pinyin fields only match a
prefix of one title; here the letters are cut into words of the site's own index
(``Vocabulary.by_spelling`` and ``by_initials``: every indexed word by its joined
syllables and by its initials), so the search looks for 公司 注册 and finds the guide
whose materials or questions say it. Pure functions; ``hooks.hanzi_for`` gives them
the site's vocabulary.
"""

import math
import re

# A query's Latin runs; everything else (Han, digits) is kept as it is.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z' ]*[A-Za-z]|[A-Za-z]")
# Longest spelling of one word looked up (8 syllables of up to 6 letters).
LONGEST_SPELLING = 40
LONGEST_INITIALS = 8
# A syllable that is no word of the index (办, 去) is dropped at this cost; a word
# costs 1, a little less the more documents hold it.
SKIP_COST = 2.0
# A word given by its initials (sfz) costs this much more than one spelled out.
INITIALS_COST = 0.5
FREQUENCY_BONUS = 0.02
# Queries longer than this are not read as pinyin (bounds the work per query).
MAX_LETTERS = 60


def _word_cost(frequency):
    return 1.0 - FREQUENCY_BONUS * math.log10(1 + frequency)


def _segment(letters, vocabulary):
    """The cheapest cut of ``letters`` into indexed words, spelled in full or by
    their initials, and dropped syllables: the words in order, or None when no cut
    uses every letter."""
    size = len(letters)
    frequencies = vocabulary.frequencies
    lookups = (
        (vocabulary.by_spelling, 0.0, LONGEST_SPELLING),
        (vocabulary.by_initials, INITIALS_COST, LONGEST_INITIALS),
    )
    best = [(math.inf, None, None)] * (size + 1)  # (cost, start, word or None)
    best[0] = (0.0, None, None)
    for start in range(size):
        here = best[start][0]
        if here == math.inf:
            continue
        for stop in range(start + 1, min(size, start + LONGEST_SPELLING) + 1):
            piece = letters[start:stop]
            for lookup, extra, longest in lookups:
                words = lookup.get(piece) if len(piece) <= longest else None
                if words and (extra == 0.0 or len(piece) > 1):
                    cost = here + extra + _word_cost(frequencies.get(words[0], 0))
                    if cost < best[stop][0]:
                        best[stop] = (cost, start, words[0])
            if piece in vocabulary.syllables and here + SKIP_COST < best[stop][0]:
                best[stop] = (here + SKIP_COST, start, None)
    if best[size][0] == math.inf:
        return None
    words, stop = [], size
    while stop > 0:
        _cost, start, word = best[stop]
        if word is not None:
            words.append(word)
        stop = start
    return list(reversed(words)) or None


def read_latin(vocabulary, run):
    """The indexed words a Latin-letter run spells (full pinyin with or without
    spaces, initials, or both), or None."""
    letters = re.sub(r"[^a-z]", "", run.lower())
    if not letters or len(letters) > MAX_LETTERS:
        return None
    return _segment(letters, vocabulary)


def hanzi_candidate(vocabulary, query):
    """``query`` with its Latin runs read as Chinese words, or None when nothing
    reads (an English query, letters no index word spells)."""
    if vocabulary is None or not vocabulary.by_spelling:
        return None
    parts, read = [], False
    position = 0
    for match in _LATIN_RUN.finditer(query or ""):
        parts.append(query[position : match.start()])
        words = read_latin(vocabulary, match.group())
        if words:
            parts.append(f" {' '.join(words)} ")
            read = True
        else:
            parts.append(match.group())
        position = match.end()
    parts.append((query or "")[position:])
    if not read:
        return None
    return " ".join("".join(parts).split())
