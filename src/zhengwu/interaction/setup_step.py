"""District setup step ``zhengwu.interaction``: the letter box of 互动交流.

Checks the district's ``interaction.toml`` and makes the LetterBox (hidden from
navigation, no workflow, seen by staff only: each letter gives its department's
groups their roles itself) in the default language root, and stores its path in
the registry. Idempotent: what exists is left as it is.
"""

import logging

from plone import api
from zope.i18n import translate

from zhengwu import _
from zhengwu.interaction.channels import FILENAME
from zhengwu.interaction.channels import load_channels
from zhengwu.sites.steps import ProfileFileStep

logger = logging.getLogger(__name__)

BOX_ID = "letters"
BOX_TYPE = "LetterBox"
BOX_RECORD = "zhengwu.interaction.box"
STAFF_ROLES = ["Manager", "Site Administrator"]


def _language(root):
    return "zh_CN" if root.getId().startswith("zh") else root.getId()


def ensure_box(root):
    """The LetterBox of the language root ``root``."""
    box = root.get(BOX_ID)
    if box is None:
        with api.env.adopt_roles(["Manager"]):
            box = api.content.create(
                container=root,
                type=BOX_TYPE,
                id=BOX_ID,
                title=translate(_("Letters"), target_language=_language(root)),
                exclude_from_nav=True,
            )
    for permission in ("View", "Access contents information"):
        box.manage_permission(permission, STAFF_ROLES, acquire=False)
    box.reindexObjectSecurity()
    return box


def setup_box(site, profile):
    box = ensure_box(site[profile.default_language])
    portal_path = "/".join(site.getPhysicalPath())
    relative = "/".join(box.getPhysicalPath())[len(portal_path) + 1 :]
    api.portal.set_registry_record(BOX_RECORD, relative)
    return box


class InteractionStep(ProfileFileStep):
    """The letter box (order 30, after the departments' chains)."""

    order = 30
    filename = FILENAME
    without = "no letters (互动交流)"

    def apply(self, site, profile, path):
        channels = load_channels(path)
        box = setup_box(site, profile)
        logger.info(
            "Site %s: letters of %s go to %s", profile.id, sorted(channels), box
        )
        return box
