"""District setup step ``zhengwu.columns``: the Chinese site's columns (栏目).

Runs at order 85, after the question board (45) and the homepages (80) that
subcolumns link to. Each column of ``profiles/<district>/columns.tsv`` becomes a
published Folder of the default-language root, shown in Plone's global navigation
(the language root is the navigation root) and by the ``column-view`` landing page.
A subcolumn that leads to an existing page becomes a Link (``${navigation_root_url}
/<path>``, so it follows the site to any host); one with a listing rule becomes a
Folder whose page lists what the rule finds when it renders.

The step creates only what is missing and remembers (on the root) what it made: a
column an editor renamed, moved or deleted stays as the editor left it. A link to a
page the site does not have is left out, and the log says so.
"""

import logging

from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.interface import alsoProvides
from zope.interface import implementer

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.navigation.columns import FILENAME
from zhengwu.navigation.columns import Column
from zhengwu.navigation.columns import load_columns
from zhengwu.navigation.interfaces import IColumn
from zhengwu.navigation.listing import LISTING_KEY
from zhengwu.vocabularies.data import load_terms
from zhengwu.workflows.advance import advance

logger = logging.getLogger(__name__)

CREATED_KEY = "zhengwu.navigation.created"
COLUMN_VIEW = "column-view"


def link_target_exists(root, link):
    """True when the content part of ``link`` (before any ``@@view``) is in root."""
    path = [part for part in link.split("/") if not part.startswith("@@")]
    obj = root
    for part in path:
        obj = obj.get(part) if hasattr(obj, "get") else None
        if obj is None:
            return False
    return True


def _folder(container, item, language, listing=()):
    folder = api.content.create(
        container=container,
        type="Folder",
        id=item.id,
        title=item.title,
        description=item.description,
        language=language,
    )
    alsoProvides(folder, IColumn)
    IAnnotations(folder)[LISTING_KEY] = listing
    folder.setLayout(COLUMN_VIEW)
    return folder


def _link(container, sub, language):
    return api.content.create(
        container=container,
        type="Link",
        id=sub.id,
        title=sub.title,
        description=sub.description,
        remoteUrl=f"${{navigation_root_url}}/{sub.link}",
        language=language,
    )


def _make(container, item, language):
    """A column, or a subcolumn with a listing rule, is a Folder; a link, a Link."""
    if isinstance(item, Column):
        obj = _folder(container, item, language)
    elif item.link:
        obj = _link(container, item, language)
    else:
        obj = _folder(container, item, language, item.listing)
    advance(obj)
    obj.reindexObject()
    return obj


def build_columns(root, columns):
    """Create the columns and subcolumns ``root`` lacks and that were never made
    before; return the paths created."""
    made = IAnnotations(root).setdefault(CREATED_KEY, PersistentList())
    language = root.getId()
    created = []
    for column in columns:
        for path, container, item in _plan(root, column):
            if path in made or item.id in container.objectIds():
                continue
            link = getattr(item, "link", "")  # a Column has none
            if link and not link_target_exists(root, link):
                logger.warning(
                    "%s: no page %s, subcolumn %s left out",
                    root.absolute_url(1),
                    link,
                    path,
                )
                continue
            _make(container, item, language)
            made.append(path)
            created.append(path)
    return created


def _plan(root, column):
    yield column.id, root, column
    folder = root.get(column.id)
    if folder is None or not getattr(folder, "isPrincipiaFolderish", False):
        return
    for sub in column.subcolumns:
        yield f"{column.id}/{sub.id}", folder, sub


def audience_tags():
    return {value for value, zh, en in load_terms("audience_tags")}


@implementer(IDistrictSetupStep)
class ColumnsStep:
    """The Chinese root's columns (order 85, light)."""

    order = 85
    heavy = False

    def __call__(self, site, profile):
        path = profile.directory / FILENAME
        language = profile.default_language
        if language not in site.objectIds():
            logger.info("Site %s: no %s root, no columns", profile.id, language)
            return
        if not path.exists():
            logger.info("Site %s: no %s, no columns", profile.id, FILENAME)
            return
        columns = load_columns(path, audience_tags())
        created = build_columns(site[language], columns)
        logger.info("Site %s: %d columns and subcolumns made", profile.id, len(created))
