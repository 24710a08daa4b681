"""Sensitive words written by their sound: homophones (加薇信) and pinyin (jia微信).

A word and a post are both read as toneless pinyin; a word is found where its
syllables stand in the post, starting and ending on a syllable. Typed Latin
letters are taken as pinyin of unknown syllables, so inside them any letter may
start or end a word ("jiaweixin").

Ordinary Chinese is full of homophones of short words (病毒 sounds like 冰毒, 远郊
like 援交), so a word of fewer than ``MIN_SYLLABLES`` syllables is found by sound
only where the writer typed some of it in Latin letters, which ordinary Chinese
text does not do in the middle of a word; a longer word written all in Han
characters must keep at least half of its own characters.
"""

import re

from pypinyin import Style
from pypinyin import lazy_pinyin

MIN_SYLLABLES = 3
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z]+")


class Reading:
    """A normalised text read as pinyin: its letters, where syllables start and
    end, and where the runs of letters typed in Latin are."""

    def __init__(self, text):
        letters = []
        self.boundaries = {0}
        self.latin = []
        # Where each Han syllable starts in ``text`` → the character it reads.
        self.characters = {}
        length = position = 0
        for match in _RUNS.finditer(text):
            run = match.group()
            typed = not _HAN.fullmatch(run)
            if match.start() != position and letters:
                # Digits or other scripts between: no word continues across them.
                letters.append("|")
                length += 1
                self.boundaries.add(length)
            if typed:
                # Latin letters: any letter may start a syllable.
                self.latin.append((length, length + len(run)))
                pieces = list(run)
            else:
                pieces = lazy_pinyin(run, style=Style.NORMAL)
            for index, piece in enumerate(pieces):
                if not typed:
                    self.characters[length] = run[index]
                letters.append(piece)
                length += len(piece)
                self.boundaries.add(length)
            position = match.end()
        self.text = "".join(letters)

    def find(self, sound, syllables, word):
        """True when ``sound`` (the pinyin of ``word``, ``syllables`` long) is here."""
        start = self.text.find(sound)
        while start != -1:
            end = start + len(sound)
            on_syllables = start in self.boundaries and end in self.boundaries
            if on_syllables and self._matches(start, end, syllables, word):
                return True
            start = self.text.find(sound, start + 1)
        return False

    def _matches(self, start, end, syllables, word):
        touched = [(s, e) for s, e in self.latin if s < end and start < e]
        if touched:
            # Part of a longer Latin run is part of a word in another language
            # ("Dameisha Beach" holds the sound of 傻b).
            return all(start <= s and e <= end for s, e in touched)
        if syllables < MIN_SYLLABLES:
            return False
        # All in Han characters: a disguise keeps some of the word's characters
        # (加薇信); a phrase sharing none is a chance homophone (家为新).
        read = [c for at, c in sorted(self.characters.items()) if start <= at < end]
        kept = sum(1 for a, b in zip(read, word, strict=False) if a == b)
        return len(read) == len(word) and 2 * kept >= len(word)


def sound_of(word):
    """A listed word's pinyin and its number of syllables; ("", 0) when it has no
    Han characters (a word all in Latin letters is matched as written)."""
    if not _HAN.search(word):
        return "", 0
    reading = Reading(word)
    return reading.text.replace("|", ""), len(reading.boundaries) - 1
