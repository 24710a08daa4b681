"""Vocabularies whose terms live in ``data/*.tsv`` with a Chinese and English title.

Each file has the columns ``value``, ``zh`` and ``en``; values are stable ASCII ids
stored on the content, titles follow the language of the content being edited.
"""

import csv
from functools import cache
from pathlib import Path

from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from zhengwu.vocabularies.language import is_chinese
from zhengwu.vocabularies.language import language_of

DATA = Path(__file__).parent / "data"
COLUMNS = ("value", "zh", "en")


@cache
def load_terms(name):
    """The rows of ``data/<name>.tsv`` as (value, zh, en) tuples, in file order."""
    path = DATA / f"{name}.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{path}: the header must be {' '.join(COLUMNS)}.")
    terms = tuple(tuple(cell.strip() for cell in row) for row in rows[1:] if row)
    for number, row in enumerate(terms, start=2):
        if len(row) != len(COLUMNS) or not all(row):
            raise ValueError(f"{path}, row {number}: needs value, zh and en.")
    return terms


@implementer(IVocabularyFactory)
class DataVocabulary:
    """A vocabulary factory reading one data file."""

    def __init__(self, name):
        self.name = name

    def __call__(self, context=None):
        chinese = is_chinese(language_of(context))
        return SimpleVocabulary(
            [
                SimpleTerm(value, value, zh if chinese else en)
                for value, zh, en in load_terms(self.name)
            ]
        )


audiences = DataVocabulary("audiences")
audience_tags = DataVocabulary("audience_tags")
service_kinds = DataVocabulary("service_kinds")
disclosure_topics = DataVocabulary("disclosure_topics")
disclosure_genres = DataVocabulary("disclosure_genres")
