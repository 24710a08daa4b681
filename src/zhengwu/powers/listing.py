"""Query the published powers list: filters shared by the @@powers page and REST.

Every filter is a catalog index query (``path`` for the department, the
``power_category`` FieldIndex, ``power_code`` or the ``Title`` text index for the
keyword), sorted on ``power_code``: a page of the full 8,091-item list is one
catalog query plus the 20 or so items shown.
"""

import re
from dataclasses import dataclass

from plone import api

from zhengwu import _
from zhengwu.bounds.limits import MAX_B_SIZE
from zhengwu.bounds.limits import MAX_B_START
from zhengwu.powers.categories import power_categories
from zhengwu.powers.store import departments_of

CODE_QUERY = re.compile(r"^[A-Za-z]{2}-[A-Za-z0-9-]*$")
MAX_KEYWORD = 50
MAX_BATCH = MAX_B_SIZE
OPERATORS = ("AND", "OR", "NOT")


class FilterError(ValueError):
    """A filter value the list cannot answer; ``args[0]`` is a translatable message."""


@dataclass(frozen=True)
class PowerFilters:
    department: str = ""
    category: str = ""
    keyword: str = ""


def _text(form, name):
    value = form.get(name, "")
    if isinstance(value, list):
        raise FilterError(_("Give '${name}' only once.", mapping={"name": name}))
    return str(value).strip()


def parse_filters(form, departments):
    """Check ``department``, ``category`` and ``keyword`` of a request form."""
    filters = PowerFilters(
        department=_text(form, "department"),
        category=_text(form, "category"),
        keyword=_text(form, "keyword"),
    )
    if filters.department and filters.department not in departments:
        raise FilterError(
            _(
                "Unknown department '${value}'.",
                mapping={"value": filters.department},
            )
        )
    codes = [category.code for category in power_categories()]
    if filters.category and filters.category not in codes:
        raise FilterError(
            _(
                "Unknown category '${value}'; the categories are ${codes}.",
                mapping={"value": filters.category, "codes": ", ".join(codes)},
            )
        )
    if len(filters.keyword) > MAX_KEYWORD:
        raise FilterError(
            _(
                "The keyword is longer than ${limit} characters.",
                mapping={"limit": MAX_KEYWORD},
            )
        )
    return filters


def _whole_number(form, name, default, lowest, highest):
    value = form.get(name, default)
    try:
        number = int(value if value not in (None, "") else default)
    except (TypeError, ValueError):
        number = lowest - 1
    if not lowest <= number <= highest:
        raise FilterError(
            _(
                "'${name}' must be a whole number from ${lowest} to ${highest}.",
                mapping={"name": name, "lowest": lowest, "highest": highest},
            )
        )
    return number


def batch_start(form):
    """``b_start`` of a request form; FilterError when it is not a number >= 0."""
    return _whole_number(form, "b_start", 0, 0, MAX_B_START)


def batch_size(form, default=25):
    """``b_size`` of a request form, 1 to MAX_BATCH."""
    return _whole_number(form, "b_size", default, 1, MAX_BATCH)


def _keyword_query(keyword):
    if CODE_QUERY.match(keyword) and "-" in keyword:
        return {"power_code": keyword.upper()}
    # Plone's text index splits Han text in two-character pieces: every word of the
    # keyword must be in the title; a single character is matched as a prefix.
    # Query syntax (operators, brackets, globs) is not passed on.
    words = [w for w in re.findall(r"\w+", keyword) if w.upper() not in OPERATORS]
    if not words:
        return {}
    terms = [f"{word}*" if len(word) < 2 else word for word in words]
    return {"Title": " AND ".join(terms)}


def search_powers(root, filters, **narrower):
    """Catalog brains of the items the current user may see, ordered by code;
    ``narrower``: more catalog criteria (e.g. ``review_state``)."""
    path = "/".join(root.getPhysicalPath())
    query = {
        "portal_type": "PowerItem",
        "path": {"query": path},
        "sort_on": "power_code",
    }
    if filters.department:
        query["path"] = {"query": f"{path}/{filters.department}", "depth": 1}
    if filters.category:
        query["power_category"] = filters.category
    if filters.keyword:
        query.update(_keyword_query(filters.keyword))
    query.update(narrower)
    return api.portal.get_tool("portal_catalog").searchResults(**query)


def department_titles(root):
    """Department id → title, for the filter menu and the items' implementing body."""
    return {id_: obj.Title() for id_, obj in departments_of(root).items()}


def category_titles():
    return {category.code: category.name_zh for category in power_categories()}


def guide_url(brain):
    """The URL of the item's service guide, or None (wakes the one item)."""
    relation = getattr(brain.getObject(), "guide", None)
    if relation is None or relation.isBroken():
        return None
    target = relation.to_object
    return target.absolute_url() if target is not None else None
