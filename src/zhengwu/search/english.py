"""English queries: which queries are English, and the English fields they search.

``Title_en`` and ``SearchableText_en`` (field type ``text_en``: stemming, US/UK
spellings and common names, docs/solr.md) are copies of ``Title`` and
``SearchableText``; ``ranking.text_query`` adds them when the query is English. A
query is English when it has Latin-letter words that are not all pinyin. A word
reads as pinyin when it splits into pinyin syllables (``shenfenzheng``) or is made
of initials only (``sfz``), unless it is a word of the English synonym groups
(``profiles/common/search-en.toml``): ``licence`` splits into li-cen-ce, but the
groups say it is English, and their loanwords (``hukou``) are English as well.
Other English words that split into syllables (``china``, ``long``) read as pinyin;
English pages still hold them in the Chinese fields, which fold case and stem.
"""

import functools
import logging
import re
import unicodedata

from pypinyin.pinyin_dict import pinyin_dict

from zhengwu.search.curation.english import FILENAME
from zhengwu.search.curation.english import load_english
from zhengwu.sites.profile import COMMON
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import profiles_directory

logger = logging.getLogger(__name__)

# Weights next to ranking.TEXT_FIELDS (edismax qf) and ranking.PHRASE_FIELDS (pf).
TEXT_FIELDS = {"Title_en": 10, "names_text_en": 8, "SearchableText_en": 1}
PHRASE_FIELDS = {"Title_en": 20, "names_text_en": 16, "SearchableText_en": 2}

_WORD = re.compile(r"[a-z]+")
_VOWELS = frozenset("aeiouv")
# The letters that start a pinyin syllable: a word of these only is initials (sfz).
_INITIALS = frozenset("bpmfdtnlgkhjqxzcsrwy")
# The longest toneless syllable (zhuang, shuang).
_LONGEST = 6


@functools.cache
def pinyin_syllables():
    """Every toneless pinyin syllable (ü written v) of pypinyin's dictionary, without
    the vowel-less interjections (m, n, ng, hm), which would make most words pinyin."""
    syllables = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            syllable = _fold(reading)
            if _VOWELS.intersection(syllable):
                syllables.add(syllable)
    return frozenset(syllables)


@functools.cache
def english_words():
    """The words of the shared English synonym groups: English whatever they spell."""
    path = profiles_directory() / COMMON / FILENAME
    try:
        groups = load_english(path) if path.exists() else ()
    except ProfileError:
        logger.exception("English synonyms unreadable; pinyin words read as pinyin")
        groups = ()
    return frozenset(
        word for group in groups for term in group for word in _WORD.findall(term)
    )


def _fold(text):
    """Lower case, full-width folded, ü → v, tone marks and other accents removed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = unicodedata.normalize("NFKD", text).replace("u\u0308", "v")
    return "".join(char for char in text if not unicodedata.combining(char))


def latin_words(query):
    """The words of Latin letters of ``query``, folded: 'Hùkǒu ID-card' →
    ['hukou', 'id', 'card']. Han characters, digits and punctuation separate words."""
    return _WORD.findall(_fold(query or ""))


def is_pinyin_word(word):
    """Can ``word`` be read as pinyin: whole syllables (shenfenzheng), or initials
    only (sfz)? Not when it is a word of the English synonyms (licence)."""
    if word in english_words():
        return False
    if set(word) <= _INITIALS:
        return True
    syllables = pinyin_syllables()
    # splits[i]: word[:i] is a sequence of syllables
    splits = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end):
            if splits[start] and word[start:end] in syllables:
                splits[end] = True
                break
    return splits[-1]


def is_english(query):
    """Is ``query`` English: Latin-letter words, not all of them pinyin?"""
    words = latin_words(query)
    return bool(words) and not all(is_pinyin_word(word) for word in words)


def english_fields(query, fields):
    """The English fields to search ``query`` in, as (qf, pf) dictionaries of field
    name → weight, to add to the Chinese ones; both empty when the query is not
    English. ``fields`` is the set of the core's field names (a core whose schema
    has no English fields yet gets none)."""
    if not is_english(query):
        return {}, {}
    qf = {name: weight for name, weight in TEXT_FIELDS.items() if name in fields}
    pf = {name: weight for name, weight in PHRASE_FIELDS.items() if name in fields}
    return qf, pf
