"""Pinyin forms of Chinese text, for indexing and for reading Latin-letter queries.

Pure functions over pypinyin. A title such as 居民身份证申领 is indexed as the full
pinyin and the initials of every suffix of its Han text, so that a typed prefix of
any word in it (``shenfen``, ``sfz``) is a prefix of one indexed form; the Solr field
type ``pinyin_prefix`` makes the edge n-grams.
"""

import re
import unicodedata

from pypinyin import Style
from pypinyin import lazy_pinyin

# Longest Han run of a title that gets suffix forms (bounds the n-grams per title).
MAX_CHARS = 30

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_QUERY = re.compile(r"^[a-z0-9' ]+$")
_TONE_MARKS = str.maketrans({"'": " "})


def han_runs(text):
    """The runs of Han characters in ``text``, in order."""
    return _HAN.findall(text or "")


def syllables(text):
    """Toneless pinyin syllables of the Han characters of ``text`` (ü written v)."""
    result = []
    for run in han_runs(text):
        result.extend(lazy_pinyin(run, style=Style.NORMAL, v_to_u=False))
    return result


def pinyin_key(text):
    """One string that is equal for homophones: 身份证 and 身份正 → 'shenfenzheng'."""
    return "".join(syllables(text))


def _suffix_forms(text, style):
    forms = []
    for run in han_runs(text):
        run = run[:MAX_CHARS]
        parts = lazy_pinyin(run, style=style, v_to_u=False, strict=False)
        for start in range(len(parts)):
            form = "".join(parts[start:])
            if form and form not in forms:
                forms.append(form)
    return forms


def pinyin_forms(text):
    """Full pinyin of every suffix of the Han runs, space-separated.

    >>> pinyin_forms("身份证")
    'shenfenzheng fenzheng zheng'
    """
    return " ".join(_suffix_forms(text, Style.NORMAL))


def initials_forms(text):
    """First letters of the syllables of every suffix, space-separated.

    >>> initials_forms("居民身份证")
    'jmsfz msfz sfz fz z'
    """
    return " ".join(_suffix_forms(text, Style.FIRST_LETTER))


def normalize_latin(query):
    """A query as typed in Latin letters, folded for the pinyin fields:
    lower case, tone marks and full-width letters folded, spaces and apostrophes
    removed ('Shēn Fèn Zhèng' → 'shenfenzheng'). Empty when the query is not
    Latin letters and digits only."""
    text = unicodedata.normalize("NFKC", query or "").lower()
    text = unicodedata.normalize("NFKD", text).replace("u\u0308", "v")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.translate(_TONE_MARKS)
    text = " ".join(text.split())
    if not text or not _LATIN_QUERY.match(text):
        return ""
    return text.replace(" ", "").replace("'", "")


def is_latin_query(query):
    """Is ``query`` written in Latin letters only (pinyin, initials or English)?"""
    return bool(normalize_latin(query))
