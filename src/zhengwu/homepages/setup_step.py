"""District setup step ``zhengwu.homepages`` (order 80, light): the homepages of
``profiles/<district>/homepages.toml``.

The whole file is checked before anything is made. A homepage that exists is left
as editors made it (queries, limits, title, state); only missing ones are created,
published and, for the classic ones, made their root's default page. The Chinese
and English classic homepages are linked as translations when both are new, so
the language switcher goes from one to the other.
"""

import logging

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager

from zhengwu.homepages.config import FILENAME
from zhengwu.homepages.config import load_homepages
from zhengwu.sites.steps import ProfileFileStep

logger = logging.getLogger("zhengwu.homepages")


def create_homepage(root, entry):
    homepage = api.content.create(
        container=root,
        type="Homepage",
        id=entry.id,
        title=entry.title,
        description=entry.description,
        role=entry.role,
        language=entry.language,
        exclude_from_nav=True,
        **dict(entry.fields),
    )
    if api.content.get_state(homepage, default=None) not in (None, "published"):
        api.content.transition(homepage, to_state="published")
    if entry.default_page:
        root.setDefaultPage(entry.id)
    return homepage


def link_classic_homepages(created):
    """Make the new classic homepages of the roots translations of each other."""
    classic = [page for page in created if page.role == "classic"]
    if len(classic) < 2:
        return
    manager = ITranslationManager(classic[0])
    for page in classic[1:]:
        if not manager.has_translation(page.Language()):
            manager.register_translation(page.Language(), page)


def ensure_homepages(site, entries):
    """Create the entries' missing homepages; return the ones created."""
    created = []
    for entry in entries:
        root = site.get(entry.language)
        if root is None:
            logger.warning(
                "No language root %s: homepage %s skipped", entry.language, entry.id
            )
            continue
        if entry.id in root.objectIds():
            continue
        created.append(create_homepage(root, entry))
    link_classic_homepages(created)
    return created


class HomepagesStep(ProfileFileStep):
    """The district's classic and role homepages (order 80, light)."""

    order = 80
    filename = FILENAME
    without = "no homepages"

    def apply(self, site, profile, path):
        entries = load_homepages(path, profile.languages)
        created = ensure_homepages(site, entries)
        logger.info("Site %s: %d homepages created", profile.id, len(created))
