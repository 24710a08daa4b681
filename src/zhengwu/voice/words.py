"""The words of spoken commands and the sections they open: ``voice.toml``.

``profiles/common/voice.toml``, then the district's own ``voice.toml`` if it has
one (its word lists are added, a section with an existing id replaces it).
"""

from dataclasses import dataclass
from dataclasses import field
from functools import lru_cache

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import profiles_directory
from zhengwu.sites.profile import read_profile_toml

FILENAME = "voice.toml"
WORD_LISTS = (
    "fillers",
    "commands",
    "search_commands",
    "booking_words",
    "section_markers",
    "trailing",
)
LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Section:
    """A section a command can open: its names and where it is, per language."""

    id: str
    names: dict  # language → tuple of names
    paths: dict  # language → tuple of paths under the language root
    search: dict  # language → the search run where no path exists


@dataclass(frozen=True)
class VoiceWords:
    fillers: tuple = ()
    commands: tuple = ()
    search_commands: tuple = ()
    booking_words: tuple = ()
    section_markers: tuple = ()
    trailing: tuple = ()
    sections: tuple = field(default_factory=tuple)


def _strings(value, where):
    if not isinstance(value, list) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        raise ProfileError(f"{where}: a list of non-empty strings is expected.")
    return tuple(item.strip().lower() for item in value)


def _section(table, where):
    section_id = table.get("id")
    if not isinstance(section_id, str) or not section_id:
        raise ProfileError(f"{where}: 'id' is missing.")
    where = f"{where} '{section_id}'"
    names, paths, search = {}, {}, {}
    for language in LANGUAGES:
        names[language] = _strings(table.get(language, []), f"{where}, {language}")
        paths[language] = tuple(
            path.strip()
            for path in table.get(f"paths_{language}", [])
            if isinstance(path, str)
        )
        search[language] = str(table.get(f"search_{language}") or "").strip()
        if not paths[language] and not search[language]:
            raise ProfileError(
                f"{where}: neither paths_{language} nor search_{language}: "
                "a command would lead nowhere."
            )
    return Section(section_id, names, paths, search)


def parse_words(tables):
    """VoiceWords from the data of voice.toml files, common first; a
    ProfileError names the file, the key and the reason."""
    lists = {name: [] for name in WORD_LISTS}
    sections = {}
    for where, data in tables:
        words = data.get("words", {})
        for name in WORD_LISTS:
            lists[name].extend(_strings(words.get(name, []), f"{where}, {name}"))
        for table in data.get("sections", []):
            section = _section(table, f"{where}, [[sections]]")
            sections[section.id] = section
    # Longest first: 帮我找一下 is removed before 帮我.
    ordered = {
        name: tuple(sorted(dict.fromkeys(items), key=len, reverse=True))
        for name, items in lists.items()
    }
    return VoiceWords(**ordered, sections=tuple(sections.values()))


@lru_cache(maxsize=16)
def _load(directories):
    tables = []
    for directory in directories:
        path = directory / FILENAME
        if path.is_file():
            tables.append((str(path), read_profile_toml(path)))
    return parse_words(tables)


def voice_words(district=None):
    """The voice words of a district (its id), or the common ones."""
    base = profiles_directory()
    directories = [base / "common"]
    if district:
        directories.append(base / district)
    return _load(tuple(directories))
