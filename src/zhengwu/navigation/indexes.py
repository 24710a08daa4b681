"""The departments index (部门与街道) and the encyclopedia index (政府百科) of a
language root: ``@@departments`` and ``@@encyclopedia``."""

import string

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from zhengwu.content.department import DEPARTMENT_KINDS
from zhengwu.search.pinyin import han_runs
from zhengwu.search.pinyin import pinyin_key
from zhengwu.search.pinyin import syllables

# An entry whose title starts with neither a Han character nor a letter (12345热线).
OTHER_INITIAL = "#"
# A site has a few dozen bodies and entries; the pages stay bounded whatever happens.
MAX_ITEMS = 500


def _in_root(root, **query):
    return api.content.find(
        path="/".join(root.getPhysicalPath()), sort_on="sortable_title", **query
    )[:MAX_ITEMS]


def initial_of(title):
    """The pinyin initial (A–Z) of a title's first Han character or letter; ``#``
    when it starts with neither (quotes and brackets are skipped)."""
    for char in title:
        if char.isascii() and char.isalpha():
            return char.upper()
        if han_runs(char):
            return syllables(char)[0][0].upper()
        if char.isdigit():
            return OTHER_INITIAL
    return OTHER_INITIAL


class DepartmentsIndex(BrowserView):
    """Every department, sub-district office and vertical bureau, by kind, with
    links to its duties and contacts (the sections of its own page)."""

    def groups(self):
        bodies = {kind: [] for kind in DEPARTMENT_KINDS}
        for brain in _in_root(self.context, portal_type="Department"):
            obj = brain.getObject()
            bodies.setdefault(obj.kind, []).append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "phones": list(getattr(obj, "phones", None) or ()),
                    "address": getattr(obj, "address", None) or "",
                    "has_duties": bool(getattr(obj, "duties", None)),
                }
            )
        return [
            {
                "kind": kind,
                "title": translate(
                    DEPARTMENT_KINDS.get(kind, kind), context=self.request
                ),
                "bodies": items,
            }
            for kind, items in bodies.items()
            if items
        ]


class EncyclopediaIndex(BrowserView):
    """The published encyclopedia entries by pinyin initial (A–Z) and by topic."""

    def __call__(self):
        self.entries = [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "description": brain.Description,
                "topics": list(brain.Subject or ()),
                "initial": initial_of(brain.Title),
            }
            for brain in _in_root(self.context, portal_type="EncyclopediaEntry")
        ]
        return self.index()

    def letters(self):
        """A–Z then ``#``, each with whether any entry starts with it."""
        present = {entry["initial"] for entry in self.entries}
        return [
            {"letter": letter, "present": letter in present}
            for letter in [*string.ascii_uppercase, OTHER_INITIAL]
        ]

    def by_initial(self):
        groups = {}
        for entry in sorted(
            self.entries,
            key=lambda e: (e["initial"], pinyin_key(e["title"]), e["title"]),
        ):
            groups.setdefault(entry["initial"], []).append(entry)
        order = [*string.ascii_uppercase, OTHER_INITIAL]
        return [
            {"initial": key, "entries": groups[key]} for key in order if key in groups
        ]

    def by_topic(self):
        groups = {}
        for entry in self.entries:
            for topic in entry["topics"]:
                groups.setdefault(topic, []).append(entry)
        return [{"topic": topic, "entries": groups[topic]} for topic in sorted(groups)]

    def untagged(self):
        return [entry for entry in self.entries if not entry["topics"]]
