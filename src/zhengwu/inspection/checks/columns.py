"""Rules ``column-stale`` and ``column-empty``: columns (栏目) not updated within
their period, and columns with nothing in them.

The periods and keepers come from ``profiles/<district>/columns.tsv`` (``update_days``,
``department``). A subcolumn's content is what its listing rule lists, or for a
link, what is published inside the folder it leads to (the question board); a link
to a single page or a view (``@@powers``) has no content of its own to judge.
"""

from Acquisition import aq_base
from DateTime import DateTime
from plone import api

from zhengwu import _
from zhengwu.inspection.checks.base import Check
from zhengwu.inspection.findings import finding_for
from zhengwu.navigation.columns import FILENAME
from zhengwu.navigation.columns import LISTED_TYPES
from zhengwu.navigation.columns import load_columns
from zhengwu.navigation.listing import listed
from zhengwu.navigation.listing import listing_of
from zhengwu.navigation.setup_step import audience_tags
from zhengwu.sites.profile import district_directory
from zhengwu.workflows.tasks import local_date

STALE = "column-stale"
EMPTY = "column-empty"
NO_CONTENT = object()  # a link to a page or a view: nothing to judge
# What a visitor sees: published items, and the board's public questions.
PUBLIC_STATES = ("published", "open", "answered", "closed")


def _newest(path, now, portal_types=None):
    """(count > 0, effective date in China of the newest) of what is published."""
    query = {
        "path": path,
        "review_state": PUBLIC_STATES,
        "effective": {"query": now, "range": "max"},
        "sort_on": "effective",
        "sort_order": "descending",
        "sort_limit": 1,
    }
    if portal_types:
        query["portal_type"] = portal_types
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(**query)
    # The folder itself is in its own path query: leave it out.
    brains = [brain for brain in brains[:2] if brain.getPath() != path]
    return (bool(brains), local_date(brains[0].effective) if brains else None)


def subcolumn_content(root, sub_folder, now):
    """(has content, newest date or None) of a subcolumn, or NO_CONTENT."""
    rule = listing_of(sub_folder)
    if rule:
        # Empty is what the subcolumn's page shows; its date, its newest type item.
        shown = bool(listed(root, rule, limit=1))
        kinds = dict(rule).get("types", ())
        if not kinds:
            return (shown, None)
        types = [LISTED_TYPES[kind] for kind in kinds]
        return (shown, _newest("/".join(root.getPhysicalPath()), now, types)[1])
    link = getattr(aq_base(sub_folder), "remoteUrl", "") or ""
    target = link.split("}/", 1)[-1] if link.startswith("${") else ""
    parts = [p for p in target.split("/") if p and not p.startswith("@@")]
    if not parts or target.split("/")[-1].startswith("@@"):
        return NO_CONTENT
    obj = root.unrestrictedTraverse("/".join(parts), None)
    if obj is None or not getattr(aq_base(obj), "isPrincipiaFolderish", False):
        return NO_CONTENT
    if getattr(obj, "portal_type", "") == "Department":
        return NO_CONTENT
    return _newest("/".join(obj.getPhysicalPath()), now)


def profile_columns(site):
    directory = district_directory(site)
    if directory is None or not (directory / FILENAME).exists():
        return ()
    return load_columns(directory / FILENAME, audience_tags())


def default_root(site):
    language = api.portal.get_registry_record("plone.default_language", default="")
    return site.get(language) if language else None


def subcolumns(site):
    """(root, column folder, subcolumn data, subcolumn object or None) of the site's
    columns that still exist (an editor may have removed one)."""
    root = default_root(site)
    if root is None:
        return
    for column in profile_columns(site):
        folder = root.get(column.id)
        if folder is None:
            continue
        for sub in column.subcolumns:
            yield root, folder, sub, folder.get(sub.id)


class ColumnEmptyCheck(Check):
    rule = EMPTY
    title = _("Empty column")
    order = 30
    describe = _("The column shows nothing.")

    def __call__(self, site, context):
        now = DateTime(context.now.isoformat())
        for root, _folder, sub, obj in subcolumns(site):
            if obj is None:
                continue
            content = subcolumn_content(root, obj, now)
            if content is not NO_CONTENT and not content[0]:
                yield finding_for(obj, EMPTY, department=sub.department)


class ColumnStaleCheck(Check):
    rule = STALE
    title = _("Column not updated within its period")
    order = 20
    describe = _(
        "Nothing new for ${days} days; the column's update period is ${limit} days."
    )

    def __call__(self, site, context):
        now = DateTime(context.now.isoformat())
        for root, _folder, sub, obj in subcolumns(site):
            if obj is None or not sub.update_days:
                continue
            content = subcolumn_content(root, obj, now)
            if content is NO_CONTENT or not content[0] or content[1] is None:
                continue  # empty is its own finding; a rule without dates
            days = (context.today - content[1]).days
            if days > sub.update_days:
                yield finding_for(
                    obj,
                    STALE,
                    department=sub.department,
                    days=days,
                    limit=sub.update_days,
                )
