"""Sensitive words (敏感词) in citizens' posts: a configurable list, checked fast.

Words and posts are compared in one normalised form, so that simple disguises do
not hide a word: letter case, full-width forms and compatibility characters (NFKC),
anything that is neither a letter nor a digit between the characters (spaces,
punctuation, symbols, zero-width characters: "代 开.发​票") and traditional
characters (代開發票, converted by OpenCC's t2s) all fall away. Words are also
found by their sound, written with homophones or in pinyin (加薇信, jia微信: see
``sounds.py``).

Removing separators has a price: a word can also be found across the boundary of
two sentences. The default list therefore holds phrases specific enough for that
to be unlikely; what a match does (hold the post for review, refuse it) is the
caller's choice.
"""

import functools
import re
import unicodedata
from importlib.resources import files

import opencc
from plone import api

from zhengwu.safety.sounds import Reading
from zhengwu.safety.sounds import sound_of

DEFAULT_WORDS_FILE = "sensitive_words.txt"
# The site's own list, set on the participation control panel (empty: the default).
SITE_WORDS_RECORD = "zhengwu.participation.sensitive_words"
# Python's \w is letters and digits of every script (and "_"): what is left over
# is what someone can slip between the characters of a word without changing it.
_SEPARATORS = re.compile(r"[\W_]+")


@functools.cache
def simplified_converter():
    """A function converting traditional to simplified Chinese (OpenCC's t2s)."""
    return opencc.OpenCC("t2s").convert


def parse_words(text):
    """The words of a word list: one a line, ``#`` starts a comment, blank lines
    are skipped."""
    words = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def load_default_words():
    """The words of the list shipped with Zhengwu (``sensitive_words.txt``)."""
    resource = files(__package__).joinpath(DEFAULT_WORDS_FILE)
    return parse_words(resource.read_text(encoding="utf-8"))


class SensitiveWords:
    """A compiled word list: build it once, then ``find(text)`` for every post.

    ``to_simplified`` converts traditional to simplified Chinese; by default
    ``simplified_converter()``, pass ``False`` to compare characters as typed.
    """

    def __init__(self, words, to_simplified=None):
        if to_simplified is None:
            to_simplified = simplified_converter()
        self._to_simplified = to_simplified or None
        # First character → (normalised word, word as listed), longest first so
        # that at one place the most specific word is reported first.
        by_first = {}
        seen = set()
        for word in words:
            key = self.normalise(word)
            if key and key not in seen:
                seen.add(key)
                by_first.setdefault(key[0], []).append((key, word))
        self._by_first = {
            first: tuple(sorted(entries, key=lambda entry: -len(entry[0])))
            for first, entries in by_first.items()
        }
        self._size = len(seen)
        self._sounds = tuple(
            (sound, syllables, key, word)
            for key, word in (entry for group in by_first.values() for entry in group)
            for sound, syllables in (sound_of(key),)
            if sound
        )
        # One character class of all first characters lets the regex engine skip,
        # in C, every place where no word can start.
        starts = "".join(re.escape(first) for first in sorted(self._by_first))
        self._starts = re.compile(f"[{starts}]") if starts else None

    def __len__(self):
        return self._size

    def normalise(self, text):
        """``text`` in the form words are compared in (see the module docstring)."""
        text = unicodedata.normalize("NFKC", text).casefold()
        text = _SEPARATORS.sub("", text)
        if self._to_simplified is not None:
            # After removing separators, so the converter sees whole phrases as in
            # the word list and chooses the same characters for both.
            text = self._to_simplified(text)
        return text

    def find(self, text):
        """The listed words found in ``text``, each once (as written in the list):
        those written as listed in order of appearance, then those found by sound."""
        if not text or self._starts is None:
            return []
        normalised = self.normalise(text)
        found = {}
        for start in self._starts.finditer(normalised):
            position = start.start()
            for key, word in self._by_first[normalised[position]]:
                if word not in found and normalised.startswith(key, position):
                    found[word] = None
        if self._sounds:
            reading = Reading(normalised)
            for sound, syllables, key, word in self._sounds:
                if word not in found and reading.find(sound, syllables, key):
                    found[word] = None
        return list(found)


@functools.lru_cache(maxsize=4)
def _checker(words):
    return SensitiveWords(words)


def sensitive_words_in(*texts):
    """The site's sensitive words found in ``texts`` (the default list if none set)."""
    words = api.portal.get_registry_record(SITE_WORDS_RECORD, default=None)
    checker = _checker(tuple(words) if words else tuple(load_default_words()))
    return checker.find("\n".join(text or "" for text in texts))
