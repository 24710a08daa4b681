"""District setup step ``zhengwu.powers``: the demo powers list, on a first start.

The district profile asks for it in ``profiles/<district>/powers.toml``::

    generate = 8091   # items to generate over the district's bodies
    seed = 2026       # the same list every time
    prefix = "NS"     # first part of every item code

Generated rows go through the same CSV validation and import as an uploaded file.
"""

import logging
import time

from zope.interface import implementer

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.powers.catalog import ensure_power_indexes
from zhengwu.powers.generate import generate_powers
from zhengwu.powers.importer import import_powers
from zhengwu.powers.sheet import write_sheet
from zhengwu.powers.store import existing_items
from zhengwu.sites.profile import read_profile_toml

logger = logging.getLogger("zhengwu.powers")
SETTINGS_FILE = "powers.toml"


def powers_settings(profile):
    """The ``powers.toml`` of a district profile, or None when it has none."""
    path = profile.directory / SETTINGS_FILE
    return read_profile_toml(path) if path.exists() else None


# The powers-list category under which a guide of each service kind is listed.
CATEGORY_OF_KIND = {
    "licensing": "XK",
    "confirmation": "QR",
    "payment": "JF",
    "public_service": "QT",
    "other_power": "QT",
}


def guides_of(root):
    """The published guides under ``root``: (department, category, id, title)."""
    catalog = root.portal_catalog
    brains = catalog.unrestrictedSearchResults(
        portal_type="Guide", path="/".join(root.getPhysicalPath()), sort_on="getId"
    )
    for brain in brains:
        kind = getattr(brain._unrestrictedGetObject(), "service_kind", None)
        yield brain.department, CATEGORY_OF_KIND.get(kind), brain.getId, brain.Title


def link_guides(rows, guides):
    """Make one generated item per guide the item that guide serves, by its name.

    In a real list the licensing or confirmation item of a service carries the
    service's own name; the item takes the guide's title and links to it.
    """
    free = {}
    for row in rows:
        free.setdefault((row["department"], row["category"]), []).append(row)
    for department, category, guide_id, title in guides:
        candidates = free.get((department, category))
        if candidates:
            row = candidates.pop(0)
            row["name"], row["guide"] = title, guide_id
    return rows


def load_demo_powers(root, departments, total, prefix, seed):
    """Generate ``total`` items and import them under ``root``; return the report."""
    rows = generate_powers(departments, total, prefix=prefix, seed=seed)
    rows = link_guides(rows, list(guides_of(root)))
    return import_powers(root, write_sheet(rows, "csv"), "csv")


@implementer(IDistrictSetupStep)
class PowersStep:
    """Loads the generated list once: a site that has items keeps them as they are."""

    order = 60
    heavy = True

    def __call__(self, site, profile):
        ensure_power_indexes(site)
        settings = powers_settings(profile)
        if not settings or not settings.get("generate"):
            return
        root = site[profile.default_language]
        if existing_items(root):
            logger.info("Site %s: powers list already loaded", profile.id)
            return
        started = time.monotonic()
        report = load_demo_powers(
            root,
            profile.departments,
            int(settings["generate"]),
            settings.get("prefix", profile.id[:2].upper()),
            int(settings.get("seed", 2026)),
        )
        if not report.ok:
            raise ValueError(f"Demo powers list rejected: {report.errors[:5]}")
        logger.info(
            "Site %s: %d powers-list items loaded in %.1f s",
            profile.id,
            len(report.added),
            time.monotonic() - started,
        )
