"""The English site's sections: ``profiles/<district>/english-sections.tsv``.

One row per subsection, grouped by top section (Yantian's frame of issue 7: 9 top
sections, 30 subsections; Nanshan keeps the ids and uses its own names). Columns:

- ``top_id``, ``top_en``: the top section (rows of one top section are adjacent);
- ``top_description``: its English intro, given once, on any of its rows;
- ``sub_id``, ``sub_en``, ``description``: the subsection;
- ``lists``: what the subsection lists besides its own content, space-separated
  ``key=value,value`` terms: ``departments=<kind>,…`` (the English department
  folders of those kinds), ``services=<service id>,…`` (their English guides),
  ``audience=<audience tag>,…`` (English guides for those audiences, e.g.
  ``foreigners`` = 外籍人士).

The whole file is checked before anything is made of it: a ProfileError names the
file, row, column and reason.
"""

from dataclasses import dataclass

from zhengwu.sites.profile import DEPARTMENT_KINDS
from zhengwu.sites.profile import ID_PATTERN
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import parse_listing_cell
from zhengwu.sites.profile import read_profile_tsv

FILENAME = "english-sections.tsv"
COLUMNS = (
    "top_id",
    "top_en",
    "top_description",
    "sub_id",
    "sub_en",
    "description",
    "lists",
)
REQUIRED = ("top_id", "top_en", "sub_id", "sub_en")
# The frame every district keeps, so that a theme or a link can count on the ids.
TOP_SECTION_IDS = (
    "government",
    "news",
    "highlights",
    "foreign-services",
    "invest",
    "visit",
    "interaction",
    "living",
    "map",
)
LISTING_KEYS = ("departments", "services", "audience")


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str
    # ((key, (value, ...)), ...) from the ``lists`` column; empty for most.
    listing: tuple[tuple[str, tuple[str, ...]], ...] = ()
    subsections: tuple["Section", ...] = ()


def parse_listing(text, where, services=None, audiences=None):
    """The ``lists`` cell as ((key, values), ...); ``services``/``audiences`` are
    the known ids (None: not checked)."""
    known = {
        "departments": set(DEPARTMENT_KINDS),
        "services": services,
        "audience": audiences,
    }
    return parse_listing_cell(text, where, known)


def _read_rows(path):
    # A row may leave out its empty trailing cells (an empty ``lists``).
    rows = read_profile_tsv(path, COLUMNS, min_cells=0)
    if not rows:
        raise ProfileError(f"{path}: no sections.")
    return rows


def _check_row(values, where):
    for column in REQUIRED:
        if not values[column]:
            raise ProfileError(f"{where}, column {column}: empty.")
    for column in ("top_id", "sub_id"):
        if not ID_PATTERN.match(values[column]):
            raise ProfileError(
                f"{where}, column {column}: '{values[column]}' is not a lowercase "
                "ASCII id."
            )
    if values["top_id"] not in TOP_SECTION_IDS:
        raise ProfileError(
            f"{where}, column top_id: '{values['top_id']}' is not a top section "
            f"({', '.join(TOP_SECTION_IDS)})."
        )


def _merge_top(top, values, where):
    """``top`` (a dict being filled) checked against one more of its rows."""
    if values["top_en"] != top["title"]:
        raise ProfileError(
            f"{where}, column top_en: '{values['top_en']}' differs from "
            f"'{top['title']}' on an earlier row."
        )
    description = values["top_description"]
    if description and top["description"] and description != top["description"]:
        raise ProfileError(f"{where}, column top_description: differs from before.")
    top["description"] = top["description"] or description


def load_sections(path, services=None, audiences=None):
    """Read and check ``english-sections.tsv``; the top sections, in file order."""
    tops = {}
    for number, values in _read_rows(path):
        where = f"{path}, row {number}"
        _check_row(values, where)
        top_id = values["top_id"]
        if top_id in tops and top_id != list(tops)[-1]:
            raise ProfileError(
                f"{where}, column top_id: '{top_id}' again after other top sections."
            )
        top = tops.setdefault(
            top_id, {"title": values["top_en"], "description": "", "subs": {}}
        )
        _merge_top(top, values, where)
        if values["sub_id"] in top["subs"]:
            raise ProfileError(
                f"{where}, column sub_id: '{values['sub_id']}' appears twice in "
                f"'{top_id}'."
            )
        top["subs"][values["sub_id"]] = Section(
            id=values["sub_id"],
            title=values["sub_en"],
            description=values["description"],
            listing=parse_listing(
                values["lists"], f"{where}, column lists", services, audiences
            ),
        )
    absent = [top_id for top_id in TOP_SECTION_IDS if top_id not in tops]
    if absent:
        raise ProfileError(f"{path}: top section '{absent[0]}' has no rows.")
    return tuple(
        Section(
            id=top_id,
            title=top["title"],
            description=top["description"],
            subsections=tuple(top["subs"].values()),
        )
        for top_id, top in tops.items()
    )
