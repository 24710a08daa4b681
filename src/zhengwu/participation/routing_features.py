"""What question routing looks at in a text: its features and department names.

Chinese has no spaces, and a word segmenter would be one more dependency that
guesses wrong on government vocabulary (公租房, 居住证, 排污许可). Single Han
characters and overlapping pairs of them need no dictionary: the pairs carry most of
the meaning (社保, 落户, 学位), the single characters let a question match when it
words a thing differently (办证 against 证件). Latin letters and digits form words of
their own (KTV, 5G), lowercased.
"""

import re
import unicodedata

# A run of Han characters, or of Latin letters and digits.
_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Characters and pairs that carry no subject matter: they say how a question is
# asked (怎么办, 可以吗), not what it is about. Dropped so that they never fill a
# moderator's explanation; rarity would not filter them out in small corpora.
STOP_CHARACTERS = frozenset(
    "的了吗呢啊吧呀么我你他她它是在有和与及或要去哪怎什个这那请问想能可以会都也就还把被给从到为着过很太吧嘛哦"
)
_PAIRS = (
    "怎么什么哪里哪个哪儿可以需要能不不能请问我们你们他们一下要不有没没有是不不是多久"
    "多少一个这个那个如何还是就是以后时候现在已经知道应该自己怎样谁来找谁一直好几大概"
    "一般听说还有是否"
)
STOP_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))

# Endings of a short name that people leave out when they name a body (公安分局 →
# 公安, 蛇口街道 → 蛇口, 人力资源局 → 人力资源).
NAME_ENDINGS = ("办事处", "联合会", "分局", "街道", "局")


def normalize(text):
    """``text`` folded for matching: full-width forms to ASCII, lowercase."""
    return unicodedata.normalize("NFKC", text or "").lower()


def split_features(text):
    """The features of ``text``: (single Han characters, longer features), each
    a list in text order. The longer ones are Han pairs and Latin words; a Latin
    word needs a letter and two characters (3000 or a lone x say nothing)."""
    characters, longer = [], []
    for run in _RUNS.findall(normalize(text)):
        if not _HAN.match(run):
            if len(run) > 1 and not run.isdigit():
                longer.append(run)
            continue
        characters += [char for char in run if char not in STOP_CHARACTERS]
        pairs = [run[i : i + 2] for i in range(len(run) - 1)]
        longer += [pair for pair in pairs if pair not in STOP_PAIRS]
    return characters, longer


def features(text):
    """All features of ``text``: its single characters, then its longer ones."""
    characters, longer = split_features(text)
    return characters + longer


def is_pair_or_word(feature):
    """True for the features that are stronger evidence than a single character."""
    return len(feature) > 1


def name_stem(short_name):
    """The short name without its generic ending (公安分局 → 公安), or None when
    nothing of two characters or more would remain."""
    for ending in NAME_ENDINGS:
        if short_name.endswith(ending) and len(short_name) - len(ending) >= 2:
            return short_name[: -len(ending)]
    return None


def name_mentions(names):
    """{department: [(name, strong)]}: the names a question may mention.

    ``names`` is {department: (full name, short name)}. The full and short names
    are strong mentions; a stem (蛇口 for 蛇口街道) is a weak one, kept only when it
    appears in no other body's names (南山 is in every 南山区… name)."""
    all_names = {
        department: [normalize(name) for name in pair if name]
        for department, pair in names.items()
    }
    mentions = {}
    for department, own in sorted(all_names.items()):
        found = [(name, True) for name in own]
        stem = name_stem(own[-1]) if own else None
        others = [
            name
            for other, pair in all_names.items()
            if other != department
            for name in pair
        ]
        if stem and not any(stem in name for name in others):
            found.append((stem, False))
        mentions[department] = found
    return mentions


def mentioned(text, mentions):
    """{department: (name, strong)} for the names ``text`` mentions.

    Longer names are looked for first and the text they cover is not searched
    again, so a name inside another body's longer name counts for that body only.
    A strong mention of a department wins over a weak one."""
    remaining = normalize(text)
    candidates = sorted(
        (
            (name, department, strong)
            for department, names in mentions.items()
            for name, strong in names
        ),
        key=lambda item: (-len(item[0]), item[1], item[0]),
    )
    found = {}
    for name, department, strong in candidates:
        if name not in remaining:
            continue
        remaining = remaining.replace(name, "\0")
        if department not in found or (strong and not found[department][1]):
            found[department] = (name, strong)
    return found
