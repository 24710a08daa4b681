"""Load the English demo content: pages and news of the English sections, and
English policy interpretations (``profiles/<district>/content/english.toml``)."""

import datetime
from pathlib import Path

from plone import api

from zhengwu.english.sections import FILENAME as SECTIONS_FILE
from zhengwu.english.sections import load_sections
from zhengwu.importers.demo_articles import dated
from zhengwu.importers.demo_disclosure import richtext
from zhengwu.importers.demo_disclosure import shanghai_time
from zhengwu.importers.demo_guides import english_department
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml
from zhengwu.workflows.advance import advance

ENGLISH_FILE = "english.toml"
ENGLISH = "en"
TYPES = {"page": "Document", "news": "News Item"}
KEYS = ("id", "title", "date", "description", "text")


def _fail(path, entry, message):
    raise ProfileError(f"{path}, entry '{entry}': {message}")


def _check(path, item, keys):
    for key in keys:
        if not item.get(key):
            _fail(path, item.get("id") or "?", f"'{key}' is missing.")
    if type(item["date"]) is not datetime.date:
        _fail(path, item["id"], "'date' must be a date (YYYY-MM-DD).")


def read_english(profiles, district):
    """The district's English pages and interpretations, checked: every page names
    a subsection of its english-sections.tsv and a known type; ProfileError if not."""
    path = Path(profiles) / district / "content" / ENGLISH_FILE
    if not path.exists():
        return {"page": [], "interpretation": []}
    data = read_profile_toml(path)
    sections = {
        f"{top.id}/{sub.id}"
        for top in load_sections(Path(profiles) / district / SECTIONS_FILE)
        for sub in top.subsections
    }
    pages = data.get("page", [])
    for item in pages:
        _check(path, item, ("section", "type", *KEYS))
        if item["section"] not in sections:
            _fail(path, item["id"], f"no section '{item['section']}'.")
        if item["type"] not in TYPES:
            _fail(path, item["id"], f"type must be one of {', '.join(TYPES)}.")
    interpretations = data.get("interpretation", [])
    for item in interpretations:
        _check(path, item, ("department", *KEYS))
    return {"page": pages, "interpretation": interpretations}


def _create(container, type_name, item):
    if item["id"] in container.objectIds():
        return None
    day = item["date"]
    obj = api.content.create(
        container=container,
        type=type_name,
        id=item["id"],
        title=dated(item["title"], day),
        description=dated(item["description"], day),
        text=richtext(dated(item["text"].strip(), day)),
        effective_date=shanghai_time(day, 10),
        language=ENGLISH,
    )
    advance(obj)
    return obj


def load_english(site, root, english):
    """Create the missing English pages in their sections and the interpretations
    in the English translations of their departments; return what was created."""
    created = []
    for item in english["page"]:
        top, sub = item["section"].split("/")
        top_section = site[ENGLISH].get(top)
        section = top_section.get(sub) if top_section is not None else None
        if section is None:  # an editor removed the section: leave it so
            continue
        created.append(_create(section, TYPES[item["type"]], item))
    for item in english["interpretation"]:
        department = root.get(item["department"])
        if department is None:
            continue
        container = english_department(site, department)
        created.append(_create(container, "PolicyInterpretation", item))
    return [obj for obj in created if obj is not None]
