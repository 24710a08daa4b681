"""Import a powers list into a language root: validate all, then write all.

A re-import updates items by code. Items of the departments named in the file whose
codes are no longer in it are removed; other departments' items are left alone, so
that each body can re-import its own spreadsheet.
"""

import logging
from dataclasses import dataclass
from dataclasses import field

from Products.CMFCore.utils import getToolByName
from zope.lifecycleevent import modified

from zhengwu.powers.bulk import add_item
from zhengwu.powers.categories import category_codes
from zhengwu.powers.sheet import SheetError
from zhengwu.powers.sheet import read_sheet
from zhengwu.powers.store import apply_row
from zhengwu.powers.store import departments_of
from zhengwu.powers.store import existing_items
from zhengwu.powers.store import guide_ids
from zhengwu.powers.store import item_id
from zhengwu.powers.store import item_row
from zhengwu.powers.validate import Known
from zhengwu.powers.validate import RowError
from zhengwu.powers.validate import validate_rows

logger = logging.getLogger("zhengwu.powers")


@dataclass
class ImportReport:
    """What an import did, or why it did nothing (``errors``)."""

    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    unchanged: int = 0
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def _resolve_guides(root, items, paths):
    wanted = {item["guide"] for item in items if item["guide"]}
    return {guide: root.unrestrictedTraverse(paths[guide]) for guide in wanted}


def import_items(root, items, publish=True):
    """Write validated ``items`` (dicts by column) under ``root``; return the report."""
    report = ImportReport()
    departments = departments_of(root)
    guides = _resolve_guides(root, items, guide_ids(root))
    existing = existing_items(root)
    workflow_tool = getToolByName(root, "portal_workflow")
    language = getattr(root, "language", None) or root.getId()
    seen = set()
    for item in items:
        code = item["code"]
        seen.add(code)
        guide = guides.get(item["guide"])
        brain = existing.get(code)
        if brain is None:
            add_item(
                departments[item["department"]],
                item_id(code),
                language,
                lambda obj, item=item, guide=guide: apply_row(obj, item, guide),
                workflow_tool,
                publish,
            )
            report.added.append(code)
            continue
        obj = brain._unrestrictedGetObject()
        if item_row(obj) == item:
            report.unchanged += 1
            continue
        apply_row(obj, item, guide)
        modified(obj)
        report.changed.append(code)
    in_file = {item["department"] for item in items}
    for code, brain in existing.items():
        if code in seen or brain.getPath().split("/")[-2] not in in_file:
            continue
        obj = brain._unrestrictedGetObject()
        obj.__parent__.manage_delObjects([obj.getId()])
        report.removed.append(code)
    logger.info(
        "Powers import: %d added, %d changed, %d removed, %d unchanged",
        len(report.added),
        len(report.changed),
        len(report.removed),
        report.unchanged,
    )
    return report


def known_in(root):
    """The department, category and guide ids rows may refer to."""
    return Known(
        departments=frozenset(departments_of(root)),
        categories=category_codes(),
        guides=frozenset(guide_ids(root)),
    )


def import_powers(root, data, fmt, publish=True):
    """Validate the CSV/XLSX bytes ``data`` completely, then import them.

    Nothing is written when any row is bad: the report then only has ``errors``.
    The caller commits (or aborts) the transaction.
    """
    try:
        header, rows = read_sheet(data, fmt)
    except SheetError as error:
        return ImportReport(errors=[RowError(1, "", error.args[0])])
    items, errors = validate_rows(header, rows, known_in(root))
    if errors:
        return ImportReport(errors=errors)
    return import_items(root, items, publish=publish)
