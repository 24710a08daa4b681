"""The words a search is shown in on the hot list: what it resolved to.

A typo's correction (身份正 → 身份证) is what was searched. A query in Latin
letters is shown in the Han words of a result's title its pinyin or initials
spell (``gong ji jin ti qu`` or ``gjjtq`` → 公积金提取), else as typed when a
title holds its words (``passport``); a Latin query no title explains is not
shown at all, so raw pinyin never reaches the hot list.
"""

from pypinyin import Style
from pypinyin import lazy_pinyin

from zhengwu.search.pinyin import han_runs
from zhengwu.search.pinyin import normalize_latin


def _spelled(latin, run, style):
    """The shortest part of the Han ``run`` whose pinyin starts with ``latin``."""
    sounds = lazy_pinyin(run, style=style, v_to_u=False)
    if len(sounds) != len(run):
        return None
    for start in range(len(run)):
        spelled = ""
        for stop in range(start, len(run)):
            spelled += sounds[stop]
            if spelled.startswith(latin):
                return run[start : stop + 1]
            if not latin.startswith(spelled):
                break
    return None


def han_words(latin, titles):
    """The Han words of the first title that ``latin`` spells, or None."""
    for style in (Style.NORMAL, Style.FIRST_LETTER):
        for title in titles:
            for run in han_runs(title):
                words = _spelled(latin, run, style)
                if words:
                    return words
    return None


def resolved_words(searched, titles):
    """The words to show ``searched`` in (see the module docstring), or None."""
    latin = normalize_latin(searched)
    if not latin:
        return searched
    words = han_words(latin, titles)
    if words:
        return words
    typed = searched.casefold().split()
    if any(all(word in title.casefold() for word in typed) for title in titles):
        return searched
    return None
