"""The names and addresses a language root's commands can reach.

Sections from ``voice.toml`` and the root's own frame (the Chinese columns of
``columns.tsv``, the English sections of ``english-sections.tsv``); departments
from the Department items of the root, named as in ``departments.tsv`` (full,
short and English names) and by the search's synonym groups; services from the
guides of the root (title and ``also_known_as``) and the synonym groups; a
service with a Bookable that names it as its guide opens its booking when asked.
Built once per root and catalog change.
"""

import urllib.parse
from dataclasses import dataclass
from dataclasses import field

from plone import api
from zope.component import queryMultiAdapter

from zhengwu.english.sections import load_sections
from zhengwu.navigation.columns import load_columns
from zhengwu.search.curation.storage import synonym_groups
from zhengwu.sites.profile import district_directory
from zhengwu.sites.profile import load_departments
from zhengwu.voice.resolver import Names
from zhengwu.voice.words import voice_words

CACHE = {}
CACHE_SIZE = 16
SEARCH_VIEW = "@@search"


@dataclass
class Vocabulary:
    """What the commands of one language root can open."""

    language: str  # zh or en
    root_url: str
    names: Names
    urls: dict = field(default_factory=dict)  # (kind, target) → url
    bookings: dict = field(default_factory=dict)  # service id → booking url

    def search_url(self, text):
        query = urllib.parse.urlencode({"SearchableText": text})
        return f"{self.root_url}/{SEARCH_VIEW}?{query}"

    def url(self, resolution):
        key = (resolution.kind, resolution.target)
        if resolution.kind == "service" and resolution.booking:
            return self.bookings.get(resolution.target) or self.urls[key]
        if resolution.kind == "search":
            return self.search_url(resolution.target)
        return self.urls[key]


def language_of(root):
    return "en" if root.getId().startswith("en") else "zh"


def _brains(root, **query):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(root.getPhysicalPath())
    return catalog.unrestrictedSearchResults(path=path, **query)


def _path_url(root, path, request):
    """The URL of a section path under ``root`` when it exists, else None."""
    if path.startswith("root:"):
        other = root.aq_parent.get(path[len("root:") :])
        return other.absolute_url() if other is not None else None
    if path.startswith("service:"):
        brains = _brains(root, portal_type="Guide", getId=path[len("service:") :])
        return brains[0].getURL() if brains else None
    obj = root
    for part in filter(None, path.split("/")):
        if part.startswith("@@"):
            view = queryMultiAdapter((obj, request), name=part[2:])
            return f"{obj.absolute_url()}/{part}" if view is not None else None
        obj = obj.get(part) if hasattr(obj, "get") else None
        if obj is None:
            return None
    return obj.absolute_url()


def _frame(directory, language):
    """(title, path, link) of each column and subcolumn of the root's frame."""
    if directory is None:
        return
    if language == "zh":
        path = directory / "columns.tsv"
        if path.is_file():
            for column in load_columns(path):
                yield column.title, column.id, ""
                for sub in column.subcolumns:
                    yield sub.title, f"{column.id}/{sub.id}", sub.link
        return
    path = directory / "english-sections.tsv"
    if path.is_file():
        for top in load_sections(path):
            yield top.title, top.id, ""
            for sub in top.subsections:
                yield sub.title, f"{top.id}/{sub.id}", ""


def _add_sections(vocabulary, root, words, directory, request):
    language, names = vocabulary.language, vocabulary.names
    claimed = {}
    for section in words.sections:
        url = None
        for path in section.paths[language]:
            claimed[path] = section.id
            url = url or _path_url(root, path, request)
        search = section.search[language] or section.names[language][0]
        vocabulary.urls[("section", section.id)] = url or vocabulary.search_url(search)
        for name in section.names[language]:
            names.add(name, "section", section.id)
    for title, path, link in _frame(directory, language):
        target = claimed.get(path) or claimed.get(link)
        if target is None:
            url = _path_url(root, path, request)
            if url is None:
                continue
            target = path
            vocabulary.urls[("section", target)] = url
        names.add(title, "section", target)


def _synonyms(site, name):
    for group in synonym_groups(site):
        if name in group:
            yield from group


def _short_name(name):
    """南山区卫生健康局 → 卫生健康局: a district body's name without the district."""
    for prefix in ("区", "深圳市"):
        if prefix in name:
            rest = name.rsplit(prefix, 1)[1]
            if len(rest) >= 3:
                return rest
    return name


def _add_departments(vocabulary, root, site, directory):
    rows = load_departments(directory / "departments.tsv") if directory else ()
    known = {row.id: row for row in rows}
    for brain in _brains(root, portal_type="Department"):
        row = known.get(brain.getId)
        full = row.name_zh if row else brain.Title
        vocabulary.urls[("department", full)] = brain.getURL()
        spoken = {brain.Title, full, _short_name(full)}
        if row:
            spoken |= {row.short_zh, row.name_en}
        for name in list(spoken):
            spoken.update(_synonyms(site, name))
        for name in spoken:
            vocabulary.names.add(name, "department", full)


def _add_services(vocabulary, root, site):
    for brain in _brains(root, portal_type="Guide", review_state="published"):
        guide = brain._unrestrictedGetObject()
        service = brain.getId
        vocabulary.urls[("service", service)] = brain.getURL()
        spoken = {brain.Title, *(getattr(guide, "also_known_as", None) or ())}
        if vocabulary.language == "zh":
            for name in list(spoken):
                spoken.update(_synonyms(site, name))
        for name in spoken:
            vocabulary.names.add(name, "service", service)
    for brain in _brains(root, portal_type="Bookable", review_state="published"):
        relation = getattr(brain._unrestrictedGetObject(), "guide", None)
        guide = getattr(relation, "to_object", None)
        if guide is not None:
            vocabulary.bookings[guide.getId()] = brain.getURL()


def build_vocabulary(root, request):
    """The Vocabulary of a language root (not cached)."""
    site = api.portal.get()
    directory = district_directory(site)
    words = voice_words(site.getId() if directory else None)
    language = language_of(root)
    names = Names(markers=words.section_markers)
    vocabulary = Vocabulary(language, root.absolute_url(), names)
    _add_sections(vocabulary, root, words, directory, request)
    _add_departments(vocabulary, root, site, directory)
    _add_services(vocabulary, root, site)
    names.finish()
    return vocabulary


def vocabulary_of(root, request):
    """The Vocabulary of a language root, rebuilt when the catalog changed."""
    catalog = api.portal.get_tool("portal_catalog")
    key = (root.absolute_url(), catalog.getCounter())
    if key not in CACHE:
        if len(CACHE) >= CACHE_SIZE:
            CACHE.clear()
        CACHE[key] = build_vocabulary(root, request)
    return CACHE[key]
