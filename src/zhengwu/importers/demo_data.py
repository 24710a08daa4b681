"""Read and check the demo corpus data files (no Plone here).

Shared texts live in ``profiles/common/content/``; each district adds its own
``profiles/<district>/content/`` (departments' codes and windows, news). Everything
is checked before anything is created: a ProfileError names the file and the entry.
"""

from pathlib import Path

from zhengwu.content.guide_rows import situation_names
from zhengwu.content.situations import SituationsInvalid
from zhengwu.content.situations import all_options
from zhengwu.content.situations import error_text
from zhengwu.content.situations import parse_dimensions
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

LANGUAGES = ("zh", "en")
GUIDE_NUMBERS = ("statutory_limit", "promised_limit", "online_depth", "visits")
GUIDE_TEXTS = ("title", "description", "legal_basis", "conditions", "fees")
MATERIAL_KEYS = {"name", "form", "count", "medium", "source", "situations", "note"}
FORMS = ("original", "copy", "original_and_copy")
MEDIA = ("paper", "electronic", "either")


def _fail(path, entry, message):
    raise ProfileError(f"{path}, entry '{entry}': {message}")


def check_language(path, entry, language, text):
    """Check one language of a guide: texts, situations and materials agree."""
    where = f"{entry} [{language}]"
    for key in GUIDE_TEXTS:
        if not isinstance(text.get(key), str) or not text[key].strip():
            _fail(path, where, f"'{key}' is missing or empty.")
    names = text.get("also_known_as", [])
    if not isinstance(names, list) or not all(
        isinstance(name, str) and name.strip() and len(name) <= 40 for name in names
    ):
        _fail(path, where, "'also_known_as' must be a list of names (≤ 40 characters).")
    materials = text.get("materials") or []
    if not text.get("situations") or not materials:
        _fail(path, where, "needs situations and materials.")
    situations = all_options(situation_dimensions(path, where, text))
    for number, row in enumerate(materials, start=1):
        unknown = set(row) - MATERIAL_KEYS
        if unknown:
            _fail(path, where, f"material {number} has unknown keys {sorted(unknown)}.")
        if not row.get("name"):
            _fail(path, where, f"material {number} has no name.")
        if row.get("form") not in FORMS:
            _fail(path, where, f"material {number}: form must be one of {FORMS}.")
        if row.get("medium", "paper") not in MEDIA:
            _fail(path, where, f"material {number}: medium must be one of {MEDIA}.")
        if not isinstance(row.get("count", 1), int) or row.get("count", 1) < 1:
            _fail(path, where, f"material {number}: count must be a positive integer.")
        for name in situation_names(row.get("situations")):
            if name and name not in situations:
                _fail(path, where, f"material {number} names unknown situation {name}.")
    for number, faq in enumerate(text.get("faqs") or [], start=1):
        if not faq.get("question") or not faq.get("answer"):
            _fail(path, where, f"FAQ {number} needs a question and an answer.")


def situation_dimensions(path, entry, text):
    """The situation dimensions of one language of a guide, checked as editors are."""
    try:
        return parse_dimensions(text.get("situations") or [])
    except SituationsInvalid as error:
        _fail(path, entry, f"situations: {error_text(error)}")


def _shape(text):
    return [len(d.options) for d in parse_dimensions(text["situations"])]


def check_guide(path, guide, kinds, tags):
    entry = guide.get("id") or "?"
    if not guide.get("id") or not guide.get("code"):
        _fail(path, entry, "'id' and 'code' are required.")
    if guide.get("kind") not in kinds:
        _fail(path, entry, f"kind '{guide.get('kind')}' is not one of {sorted(kinds)}.")
    for key in GUIDE_NUMBERS:
        if not isinstance(guide.get(key), int):
            _fail(path, entry, f"'{key}' must be an integer.")
    for tag in guide.get("audience_tags", []):
        if tag not in tags:
            _fail(path, entry, f"audience tag '{tag}' is unknown.")
    for language in LANGUAGES:
        if not isinstance(guide.get(language), dict):
            _fail(path, entry, f"the [{language}] text is missing.")
        check_language(path, entry, language, guide[language])
    if _shape(guide["zh"]) != _shape(guide["en"]):
        _fail(path, entry, "zh and en have different situation dimensions or options.")


def read_guides(directory, services, kinds, tags):
    """All guide texts of ``guides/*.toml``: id → guide, checked."""
    guides, codes = {}, {}
    for path in sorted(Path(directory).glob("*.toml")):
        for guide in read_profile_toml(path).get("guide", []):
            check_guide(path, guide, kinds, tags)
            entry = guide["id"]
            if entry not in services:
                _fail(path, entry, "is not in the services catalogue.")
            if services[entry]["department"] != path.stem:
                _fail(path, entry, f"belongs in {services[entry]['department']}.toml.")
            if entry in guides:
                _fail(path, entry, "appears twice.")
            if guide["code"] in codes:
                other = codes[guide["code"]]
                _fail(path, entry, f"code {guide['code']} is also {other}'s.")
            codes[guide["code"]] = entry
            guides[entry] = guide
    return guides


def read_district(profiles, district):
    """The district's own demo data: department codes and windows, and its news."""
    directory = Path(profiles) / district / "content"
    departments = read_profile_toml(directory / "departments.toml")
    path = directory / "departments.toml"
    for key in ("district", "hall", "departments"):
        if key not in departments:
            _fail(path, key, "the table is missing.")
    for entry, values in departments["departments"].items():
        if len(values.get("org_code", "")) != 18:
            _fail(path, entry, "org_code must have 18 characters.")
    news = read_profile_toml(directory / "news.toml").get("news", [])
    for item in news:
        keys = ("id", "title", "department", "date")
        _check_keys(directory / "news.toml", item, keys)
    return departments, news


def _check_keys(path, item, keys):
    for key in keys:
        if not item.get(key):
            entry = item.get("id") or "?"
            _fail(path, entry, f"'{key}' is missing.")


def read_articles(directory):
    """Strategies and encyclopedia entries shared by the districts."""
    directory = Path(directory)
    strategies = read_profile_toml(directory / "strategies.toml").get("strategy", [])
    for item in strategies:
        keys = ("id", "guide", "title", "text")
        _check_keys(directory / "strategies.toml", item, keys)
    entries = read_profile_toml(directory / "encyclopedia.toml").get("entry", [])
    for item in entries:
        _check_keys(directory / "encyclopedia.toml", item, ("id", "title", "text"))
    return strategies, entries
