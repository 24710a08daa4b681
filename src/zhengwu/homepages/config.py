"""A district's homepages: ``profiles/<district>/homepages.toml``.

Each ``[[homepage]]`` entry names its language root, id, role and title, whether
it is the root's default page, and the criteria of its three modules as
``index = [values]`` (an item matches when it has any of the values; several
indexes must all match) with a ``limit``. The setup step turns the criteria into
the querystring rows editors see in the edit form, always within the homepage's
language root. A ProfileError names the file, the entry and the reason.
"""

from dataclasses import dataclass

from zhengwu.homepages.content import ROLES
from zhengwu.sites.profile import ID_PATTERN
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

FILENAME = "homepages.toml"
MODULES = ("news", "services", "featured")
# Indexes the criteria may use (catalog.xml and Plone's own).
CRITERIA_INDEXES = (
    "portal_type",
    "audience",
    "audience_tags",
    "department",
    "Subject",
)
SELECTION_ANY = "plone.app.querystring.operation.selection.any"
RELATIVE_PATH = "plone.app.querystring.operation.string.relativePath"
ENTRY_KEYS = {
    "language",
    "id",
    "role",
    "title",
    "description",
    "default_page",
    "hot_topics_limit",
    "interpretations_limit",
    *MODULES,
}
MAX_LIMIT = 50


@dataclass(frozen=True)
class HomepageEntry:
    language: str
    id: str
    role: str
    title: str
    description: str
    default_page: bool
    # Field name → value, as the Homepage schema stores them.
    fields: tuple[tuple[str, object], ...]


def _string(entry, key, where, allowed=None):
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ProfileError(f"{where}: '{key}' is missing or empty.")
    if allowed is not None and value not in allowed:
        raise ProfileError(
            f"{where}: {key} '{value}' is not one of {', '.join(allowed)}."
        )
    return value.strip()


def _limit(value, where, key):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProfileError(f"{where}: '{key}' must be a whole number.")
    if not 1 <= value <= MAX_LIMIT:
        raise ProfileError(f"{where}: '{key}' must be between 1 and {MAX_LIMIT}.")
    return value


def _query(criteria, where):
    """Querystring rows of a module's criteria, confined to the language root."""
    if not isinstance(criteria, dict):
        raise ProfileError(f"{where}: expected a table of criteria.")
    rows = []
    depth = criteria.get("depth")
    if depth is not None and (
        isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= 5
    ):
        raise ProfileError(f"{where}: 'depth' must be a whole number from 1 to 5.")
    for index, values in criteria.items():
        if index in ("limit", "depth"):
            continue
        if index not in CRITERIA_INDEXES:
            raise ProfileError(
                f"{where}: unknown index '{index}' (use {', '.join(CRITERIA_INDEXES)})."
            )
        if isinstance(values, str):
            values = [values]
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            raise ProfileError(f"{where}, {index}: expected non-empty strings.")
        rows.append({"i": index, "o": SELECTION_ANY, "v": list(values)})
    if not rows:
        raise ProfileError(f"{where}: no criteria.")
    # Within the language root; ``depth`` = 1 keeps to its own items (sections).
    path = ".." if depth is None else f"..::{depth}"
    rows.append({"i": "path", "o": RELATIVE_PATH, "v": path})
    return rows


def _entry(entry, where, languages):
    if not isinstance(entry, dict):
        raise ProfileError(f"{where}: expected a table.")
    unknown = sorted(set(entry) - ENTRY_KEYS)
    if unknown:
        raise ProfileError(f"{where}: unknown key '{unknown[0]}'.")
    language = _string(entry, "language", where, languages)
    id_ = _string(entry, "id", where)
    if not ID_PATTERN.match(id_):
        raise ProfileError(f"{where}: id '{id_}' is not a lowercase ASCII id.")
    fields = {}
    for module in MODULES:
        criteria = entry.get(module)
        if criteria is None:
            raise ProfileError(f"{where}: '{module}' is missing.")
        fields[f"{module}_query"] = _query(criteria, f"{where}, {module}")
        if "limit" in criteria:
            fields[f"{module}_limit"] = _limit(
                criteria["limit"], f"{where}, {module}", "limit"
            )
    for key in ("hot_topics_limit", "interpretations_limit"):
        if key in entry:
            fields[key] = _limit(entry[key], where, key)
    default_page = entry.get("default_page", False)
    if not isinstance(default_page, bool):
        raise ProfileError(f"{where}: 'default_page' must be true or false.")
    return HomepageEntry(
        language=language,
        id=id_,
        role=_string(entry, "role", where, ROLES),
        title=_string(entry, "title", where),
        description=str(entry.get("description", "")).strip(),
        default_page=default_page,
        fields=tuple(fields.items()),
    )


def load_homepages(path, languages):
    """Read and check every entry of ``homepages.toml`` before anything is made."""
    data = read_profile_toml(path)
    unknown = sorted(set(data) - {"homepage"})
    if unknown:
        raise ProfileError(f"{path}: unknown table '{unknown[0]}'.")
    entries, seen, defaults = [], set(), set()
    for number, raw in enumerate(data.get("homepage", []), start=1):
        where = f"{path}, homepage #{number}"
        entry = _entry(raw, where, tuple(languages))
        if (entry.language, entry.id) in seen:
            raise ProfileError(f"{where}: {entry.language}/{entry.id} appears twice.")
        if entry.default_page:
            if entry.language in defaults:
                raise ProfileError(
                    f"{where}: a second default page for {entry.language}."
                )
            defaults.add(entry.language)
        seen.add((entry.language, entry.id))
        entries.append(entry)
    return tuple(entries)
