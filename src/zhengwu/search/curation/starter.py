"""A district's starter synonyms and best bets: ``profiles/<district>/search.toml``.

Read and checked here; the setup step ``zhengwu.search-curation`` (setup_step.py)
adds them to the site.
"""

from dataclasses import dataclass

from zhengwu.search.curation import storage
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

FILENAME = "search.toml"


@dataclass(frozen=True)
class Starter:
    groups: tuple[tuple[str, ...], ...]
    best_bets: tuple[tuple[str, tuple[str, ...]], ...]  # (query, paths)


def _strings(value, where):
    if isinstance(value, str):
        value = [value]
    if not value or not all(isinstance(item, str) and item.strip() for item in value):
        raise ProfileError(f"{where}: expected a list of non-empty strings.")
    return tuple(value)


def load_starter(path):
    """Read ``search.toml``; a ProfileError names the entry that is wrong."""
    data = read_profile_toml(path)
    groups = []
    for number, entry in enumerate(data.get("synonyms", []), start=1):
        where = f"{path}, synonyms #{number}"
        terms = _strings(entry.get("terms"), f"{where}, terms")
        try:
            groups.append(tuple(storage.clean_group(groups, terms)))
        except storage.CurationError as error:
            raise ProfileError(f"{where}: {error.message.default}") from error
    bets = []
    for number, entry in enumerate(data.get("best_bets", []), start=1):
        where = f"{path}, best_bets #{number}"
        query = _strings(entry.get("query"), f"{where}, query")[0]
        paths = _strings(entry.get("paths", entry.get("path")), f"{where}, path")
        bets.append((query, paths))
    return Starter(tuple(groups), tuple(bets))
