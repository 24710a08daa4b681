"""The words a site's Solr index holds, by sound, for homophone typo correction.

A ``Vocabulary`` is pure data built from word → document frequency: every word of two
or more Han characters, findable by its pinyin syllables (身份证 under
``shen fen zheng``) and by a fuzzy form of them that forgives the initials and finals
southern speakers merge (zh/z, ch/c, sh/s, n/l, -ng/-n), so 护造 finds 护照.
``zhengwu.search.typos.correct`` reads it; ``zhengwu.search.typos.site`` fills it from
the site's Solr core (``solr_words``) and keeps it in memory.
"""

import collections
import functools
import re
from dataclasses import dataclass
from dataclasses import field

from pypinyin import Style
from pypinyin import lazy_pinyin
from pypinyin import pinyin

# A word made of Han characters only (the same ranges as zhengwu.search.pinyin).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_WORD = re.compile(f"^[{_HAN}]{{2,}}$")
_HAN_RUNS = re.compile(f"[{_HAN}]+")
_FUZZY_INITIAL = re.compile(r"^([zcs])h|^n(?!g$)")
_FUZZY_FINAL = re.compile(r"(?<=[aeiouv])ng$")

# Longest word kept: longer Han tokens are rare and never a typo's target.
LONGEST = 8


@dataclass(frozen=True)
class Vocabulary:
    """Indexed words with their document frequency, and the words a typo may be
    corrected to, found by exact and by fuzzy sound.

    ``by_sound`` and ``by_fuzzy`` map space-separated syllables to those words, most
    frequent first; ``folding`` maps traditional characters to the simplified ones
    Solr indexes (身份證 is not a typo of 身份证).
    """

    frequencies: dict[str, int]
    by_sound: dict[str, tuple[str, ...]]
    by_fuzzy: dict[str, tuple[str, ...]]
    folding: dict[str, str] = field(default_factory=dict)
    # every word by its joined syllables (gongsi → 公司) and by its initials (gs),
    # most frequent first, and the syllables they use: for pinyin sentences
    # (typos/pinyin_sentences.py)
    by_spelling: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_initials: dict[str, tuple[str, ...]] = field(default_factory=dict)
    syllables: frozenset = frozenset()
    # the corrections already worked out with this vocabulary, query → correction
    # (or None): popular queries come again and again (typos/correct.py)
    corrections: dict = field(default_factory=dict, repr=False, compare=False)

    def __len__(self):
        return len(self.frequencies)


def is_han_word(text):
    """Two to ``LONGEST`` Han characters and nothing else."""
    return len(text) <= LONGEST and bool(_HAN_WORD.match(text))


def fuzzy_syllable(syllable):
    """The syllable with zh/z, ch/c, sh/s, n/l and -ng/-n merged: 'zhang' → 'zan'."""
    syllable = _FUZZY_INITIAL.sub(lambda m: m.group(1) or "l", syllable)
    return _FUZZY_FINAL.sub("n", syllable)


def fuzzy_sound(sound):
    """``fuzzy_syllable`` of each syllable of a space-separated sound."""
    return " ".join(fuzzy_syllable(part) for part in sound.split(" "))


@functools.lru_cache(maxsize=8192)
def char_readings(char):
    """Every toneless reading of one character, the most common first (行: xing, hang,
    heng); the character itself when pypinyin knows none."""
    readings = pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=False)[0]
    return tuple(dict.fromkeys(readings)) or (char,)


def context_readings(run):
    """One toneless syllable per character of a Han run, read in context (pypinyin's
    phrase table: 银行 → yin hang)."""
    readings = lazy_pinyin(
        run, style=Style.NORMAL, v_to_u=False, errors=lambda chars: ["?"] * len(chars)
    )
    if len(readings) != len(run):  # pypinyin merged something: read char by char
        readings = [char_readings(char)[0] for char in run]
    return readings


@functools.lru_cache(maxsize=200_000)
def word_sound(word):
    """The space-separated syllables of an indexed word, read in context."""
    return " ".join(context_readings(word))


def build_vocabulary(frequencies, folding=None, targets=None):
    """A ``Vocabulary`` from word → document frequency (non-Han and one-character
    words are dropped; traditional characters folded as Solr folds them).

    ``targets`` are the words a typo may be corrected to (all words if None): the
    other words only keep a query that contains them from being changed.
    """
    folding = dict(folding or {})

    def fold(word):
        return "".join(folding.get(char, char) for char in word)

    words = {}
    for word, count in frequencies.items():
        word = fold(word)
        if is_han_word(word) and count > 0:
            words[word] = words.get(word, 0) + count
    allowed = words if targets is None else {fold(word) for word in targets}
    ranked = sorted(
        (word for word in words if word in allowed),
        key=lambda word: (-words[word], word),
    )
    by_sound, by_fuzzy = {}, {}
    for word in ranked:
        sound = word_sound(word)
        by_sound.setdefault(sound, []).append(word)
        by_fuzzy.setdefault(fuzzy_sound(sound), []).append(word)
    by_spelling, by_initials, syllables = {}, {}, set()
    for word in sorted(words, key=lambda word: (-words[word], word)):
        parts = word_sound(word).split(" ")
        if not all(part.isalpha() and part.isascii() for part in parts):
            continue  # a character pypinyin cannot read
        syllables.update(parts)
        by_spelling.setdefault("".join(parts), []).append(word)
        by_initials.setdefault("".join(part[0] for part in parts), []).append(word)
    return Vocabulary(
        frequencies=words,
        by_sound={key: tuple(value) for key, value in by_sound.items()},
        by_fuzzy={key: tuple(value) for key, value in by_fuzzy.items()},
        folding=folding,
        by_spelling={key: tuple(value) for key, value in by_spelling.items()},
        by_initials={key: tuple(value) for key, value in by_initials.items()},
        syllables=frozenset(syllables),
    )


def title_words(titles, words):
    """The words of titles, counted: each Han run is covered by the fewest known
    ``words``, and what the segmenter cut into single characters is rejoined (申领 in
    居民身份证申领 is indexed as 申 and 领).

    Characters no word covers make a word when two or more are adjacent; a lone one
    is joined to the word before and to the word after it (残疾人 证 办理: 残疾人证,
    证办理).
    """
    found = collections.Counter()
    for title in titles:
        for run in _HAN_RUNS.findall(title or ""):
            pieces = _pieces(run, words)
            for index, (piece, loose) in enumerate(pieces):
                if loose and len(piece) == 1:
                    before = pieces[index - 1][0] if index else ""
                    after = pieces[index + 1][0] if index + 1 < len(pieces) else ""
                    found.update(
                        word
                        for word in (before + piece, piece + after)
                        if is_han_word(word)
                    )
                elif is_han_word(piece):
                    found[piece] += 1
    return found


def _pieces(run, words):
    """``run`` cut into the fewest known words, as (text, loose) pairs; the characters
    no word covers are kept together as loose pieces."""
    size = len(run)
    best = [(0, 0)] * (size + 1)  # (cost, start of the last piece)
    for stop in range(1, size + 1):
        best[stop] = (best[stop - 1][0] + size + 1, stop - 1)
        for start in range(max(0, stop - LONGEST), stop - 1):
            if run[start:stop] in words and best[start][0] + 1 < best[stop][0]:
                best[stop] = (best[start][0] + 1, start)
    cuts, stop = [], size
    while stop > 0:
        cuts.append((best[stop][1], stop))
        stop = best[stop][1]
    pieces = []
    for start, stop in reversed(cuts):
        loose = stop - start == 1
        if loose and pieces and pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + run[start], True)
        else:
            pieces.append((run[start:stop], loose))
    return pieces
