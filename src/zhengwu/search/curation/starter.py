"""Starter synonyms and best bets: ``profiles/common/search.toml`` and the district's.

The common file holds the synonym groups of every district, the district's file its
own groups and best bets; ``load_starter`` reads and merges them, and the setup step
``zhengwu.search-curation`` (setup_step.py) adds them to the site.
"""

from dataclasses import dataclass

from zope.i18n import translate

from zhengwu.search.curation import storage
from zhengwu.search.curation.normalize import normalize_query
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

FILENAME = "search.toml"


@dataclass(frozen=True)
class Starter:
    groups: tuple[tuple[str, ...], ...]
    best_bets: tuple[tuple[str, tuple[str, ...]], ...]  # (query, paths)


def starter_paths(profile):
    """The starter files of a district that exist: the common one, then its own."""
    paths = (profile.common_directory / FILENAME, profile.directory / FILENAME)
    return tuple(path for path in paths if path.exists())


def _strings(value, where):
    if isinstance(value, str):
        value = [value]
    if not value or not all(isinstance(item, str) and item.strip() for item in value):
        raise ProfileError(f"{where}: expected a list of non-empty strings.")
    return tuple(value)


def _group(entry, where):
    terms = _strings(entry.get("terms"), f"{where}, terms")
    try:
        return tuple(storage.clean_group([], terms))
    except storage.CurationError as error:
        raise ProfileError(f"{where}: {translate(error.message)}") from error


def _claim(places, key, where, what):
    """Remember that ``key`` is at ``where``; refuse it when it is somewhere already."""
    if key in places:
        raise ProfileError(f"{where}: {what} '{key}' is already in {places[key]}.")
    places[key] = where


def load_starter(*paths):
    """Read the ``search.toml`` files ``paths`` in order and merge them.

    A ProfileError names the entry that is wrong; a term in two groups, or a query
    with two best bets, names both entries, in whichever files they are.
    """
    groups, bets = [], []
    terms, queries = {}, {}
    for path in paths:
        data = read_profile_toml(path)
        for number, entry in enumerate(data.get("synonyms", []), start=1):
            where = f"{path}, synonyms #{number}"
            group = _group(entry, where)
            for term in group:
                _claim(terms, term, where, "the term")
            groups.append(group)
        for number, entry in enumerate(data.get("best_bets", []), start=1):
            where = f"{path}, best_bets #{number}"
            query = _strings(entry.get("query"), f"{where}, query")[0]
            pages = _strings(entry.get("paths", entry.get("path")), f"{where}, path")
            _claim(queries, normalize_query(query), where, "the query")
            bets.append((query, pages))
    return Starter(tuple(groups), tuple(bets))
