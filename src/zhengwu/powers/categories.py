"""The ten standard categories of the powers list (权责清单职权类别)."""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

CATEGORIES_FILE = Path(__file__).parent / "power-categories.tsv"


@dataclass(frozen=True)
class PowerCategory:
    code: str
    name_zh: str
    name_en: str
    share: float


@cache
def power_categories():
    """The categories in list order, read once from power-categories.tsv."""
    with open(CATEGORIES_FILE, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return tuple(
            PowerCategory(
                row["code"], row["name_zh"], row["name_en"], float(row["approx_share"])
            )
            for row in rows
        )


def category_codes():
    return frozenset(category.code for category in power_categories())


@provider(IVocabularyFactory)
def power_categories_vocabulary(context):
    """Vocabulary ``zhengwu.PowerCategories``: code → official Chinese name."""
    return SimpleVocabulary(
        [
            SimpleTerm(category.code, category.code, category.name_zh)
            for category in power_categories()
        ]
    )
