"""The Chinese site's columns (栏目): ``profiles/<district>/columns.tsv``.

One row per subcolumn, grouped by column (rows of one column are adjacent; the
column's order is the menu's order). Columns:

- ``column_id``, ``column_zh``: the column (e.g. ``zwgk`` 政务公开);
- ``column_description``: its intro, given once, on any of its rows;
- ``sub_id``, ``sub_zh``, ``description``: the subcolumn;
- ``link``: where the subcolumn leads, a path under the language root with an
  optional view (``zhidao``, ``zhidao/@@ask``, ``@@powers``): an existing page;
- ``lists``: or what the subcolumn lists, space-separated ``key=value,value``
  terms: ``types=<kind>,…`` (newest published items: news, guide, strategy,
  interpretation, question, encyclopedia), ``departments=<kind>,…``,
  ``audience=<audience tag>,…``;
- optional, for the self-inspection (网站自查, ``inspection/``): ``update_days``,
  the days within which something new must appear in the subcolumn (its update
  period; empty: none), and ``department``, the department id that keeps it
  (empty: the site's administrators).

A subcolumn has a link or a listing rule, never both and never neither: every page
of the menu shows something that exists. The whole file is checked before anything
is made of it: a ProfileError names the file, row, column and reason.
"""

import re
from dataclasses import dataclass

from zhengwu.sites.profile import DEPARTMENT_KINDS
from zhengwu.sites.profile import ID_PATTERN
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import parse_listing_cell
from zhengwu.sites.profile import read_profile_tsv

FILENAME = "columns.tsv"
COLUMNS = (
    "column_id",
    "column_zh",
    "column_description",
    "sub_id",
    "sub_zh",
    "description",
    "link",
    "lists",
)
OPTIONAL = ("update_days", "department")
REQUIRED = ("column_id", "column_zh", "sub_id", "sub_zh")
# What ``types=`` may name: the portal types a listing shows.
LISTED_TYPES = {
    "news": "News Item",
    "guide": "Guide",
    "strategy": "Strategy",
    "interpretation": "PolicyInterpretation",
    "question": "Question",
    "encyclopedia": "EncyclopediaEntry",
}
LISTING_KEYS = ("types", "departments", "audience")
# A path of ids under the language root, or a view of it, e.g. zhidao/@@ask.
LINK_PATTERN = re.compile(
    r"^(?:[a-z0-9][a-z0-9_-]*/)*(?:[a-z0-9][a-z0-9_-]*|@@[a-z-]+)$"
)


@dataclass(frozen=True)
class Subcolumn:
    id: str
    title: str
    description: str
    link: str = ""
    # ((key, (value, ...)), ...) from the ``lists`` column.
    listing: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The update period in days (None: no period) and who keeps the subcolumn.
    update_days: int | None = None
    department: str = ""


@dataclass(frozen=True)
class Column:
    id: str
    title: str
    description: str
    subcolumns: tuple[Subcolumn, ...]


def parse_listing(text, where, audiences=None):
    """The ``lists`` cell as ((key, values), ...); ``audiences``: the known audience
    tags (None: not checked)."""
    known = {
        "types": set(LISTED_TYPES),
        "departments": set(DEPARTMENT_KINDS),
        "audience": audiences,
    }
    return parse_listing_cell(text, where, known)


def _check_row(values, where):
    for column in REQUIRED:
        if not values[column]:
            raise ProfileError(f"{where}, column {column}: empty.")
    for column in ("column_id", "sub_id"):
        if not ID_PATTERN.match(values[column]):
            raise ProfileError(
                f"{where}, column {column}: '{values[column]}' is not a lowercase "
                "ASCII id."
            )
    link, lists = values["link"], values["lists"]
    if bool(link) == bool(lists):
        raise ProfileError(
            f"{where}, column link: give a link or a listing rule (lists), not "
            f"{'both' if link else 'neither'}."
        )
    days = values.get("update_days", "")
    if days and not (days.isdigit() and int(days) > 0):
        raise ProfileError(
            f"{where}, column update_days: '{days}' is not a number of days."
        )
    department = values.get("department", "")
    if department and not ID_PATTERN.match(department):
        raise ProfileError(
            f"{where}, column department: '{department}' is not a department id."
        )
    if link and not LINK_PATTERN.match(link):
        raise ProfileError(
            f"{where}, column link: '{link}' is not a path under the language root "
            "(ids, optionally ending in @@view)."
        )


def _subcolumn(values, where, audiences):
    return Subcolumn(
        id=values["sub_id"],
        title=values["sub_zh"],
        description=values["description"],
        link=values["link"],
        listing=parse_listing(values["lists"], f"{where}, column lists", audiences),
        update_days=int(values["update_days"]) if values.get("update_days") else None,
        department=values.get("department", ""),
    )


def _merge_column(column, values, where):
    """``column`` (a dict being filled) checked against one more of its rows."""
    if values["column_zh"] != column["title"]:
        raise ProfileError(
            f"{where}, column column_zh: '{values['column_zh']}' differs from "
            f"'{column['title']}' on an earlier row."
        )
    description = values["column_description"]
    if description and column["description"] and description != column["description"]:
        raise ProfileError(f"{where}, column column_description: differs from before.")
    column["description"] = column["description"] or description


def load_columns(path, audiences=None):
    """Read and check ``columns.tsv``; the columns, in file order."""
    rows = read_profile_tsv(path, COLUMNS, OPTIONAL, min_cells=len(COLUMNS) - 2)
    if not rows:
        raise ProfileError(f"{path}: no columns.")
    columns = {}
    for number, values in rows:
        where = f"{path}, row {number}"
        _check_row(values, where)
        column_id = values["column_id"]
        if column_id in columns and column_id != list(columns)[-1]:
            raise ProfileError(
                f"{where}, column column_id: '{column_id}' again after other columns."
            )
        column = columns.setdefault(
            column_id, {"title": values["column_zh"], "description": "", "subs": {}}
        )
        _merge_column(column, values, where)
        if values["sub_id"] in column["subs"]:
            raise ProfileError(
                f"{where}, column sub_id: '{values['sub_id']}' appears twice in "
                f"'{column_id}'."
            )
        column["subs"][values["sub_id"]] = _subcolumn(values, where, audiences)
    return tuple(
        Column(
            id=column_id,
            title=column["title"],
            description=column["description"],
            subcolumns=tuple(column["subs"].values()),
        )
        for column_id, column in columns.items()
    )
