"""What a command says, cleaned: fillers, stutters and command words removed.

Speech recognition writes what was said: 嗯那个打开打开卫健局 → 卫健局. The result
keeps whether the visitor asked to search (搜索…) or to book (预约…).
"""

import re
import unicodedata
from dataclasses import dataclass

from zhengwu.voice.numbers import spoken_numbers

MAX_LENGTH = 100  # characters of a command: a sentence, not a text
CJK = re.compile(r"[\u3400-\u9fff]")
PUNCTUATION = re.compile(r"[^\w\s&'+-]")
# 打开打开, 那个那个: a word of two to four characters said again at once.
STUTTER = re.compile(r"([\u3400-\u9fff]{2,4})\1+")
WORD_STUTTER = re.compile(r"\b(\w+)(?:\s+\1\b)+")


@dataclass(frozen=True)
class Command:
    text: str  # what is wanted, without fillers and command words
    search: bool  # the visitor said to search (搜索…, search for …)
    booking: bool  # the visitor said to book (预约…, book …)


def is_chinese(text):
    return bool(CJK.search(text))


def _remove_words(text, words):
    for word in words:
        if is_chinese(word):
            text = text.replace(word, " ")
        else:
            text = re.sub(rf"(?<![\w']){re.escape(word)}(?![\w'])", " ", text)
    return " ".join(text.split())


def _strip_start(text, words):
    """``text`` without the words at its start, again and again; and whether any was."""
    stripped = False
    changed = True
    while changed and text:
        changed = False
        for word in words:
            if not text.startswith(word):
                continue
            rest = text[len(word) :]
            if not is_chinese(word) and rest[:1].isalnum():
                continue  # "open" is not the start of "opening"
            if not rest.strip():
                continue  # never the whole command: 查 alone is what was said
            text, stripped, changed = rest.lstrip(), True, True
            break
    return text, stripped


def _strip_end(text, words):
    changed = True
    while changed and text:
        changed = False
        for word in words:
            if text.endswith(word) and len(text) > len(word):
                before = text[: -len(word)]
                if not is_chinese(word) and before[-1:].isalnum():
                    continue
                text, changed = before.rstrip(), True
                break
    return text


def clean(text, words):
    """A Command from the recognised ``text`` (at most MAX_LENGTH characters)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = " ".join(PUNCTUATION.sub(" ", text).split())
    text = spoken_numbers(text)
    text = _remove_words(text, words.fillers)
    text = WORD_STUTTER.sub(r"\1", STUTTER.sub(r"\1", text))
    text, _ = _strip_start(text, words.commands)
    text, search = _strip_start(text, words.search_commands)
    if search:
        text, _ = _strip_start(text, words.commands)
    text = _strip_end(text, words.trailing)
    booking = any(
        (word in text) if is_chinese(word) else re.search(rf"\b{word}\b", text)
        for word in words.booking_words
    )
    return Command(text=text, search=search, booking=bool(booking))
