"""When a registry record of the site last changed: part of the pages' ETags.

Registry settings (active theme, site identity, search settings ...) change pages
without touching the catalog, so the catalog counter alone would keep serving the
page cached before the change.
"""

import time

from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import getSite

KEY = "zhengwu.caching.settings_revision"


def settings_revision(site):
    """A token that changes whenever a registry record of ``site`` changes."""
    annotations = IAnnotations(site, None)
    if annotations is None:
        return ""
    return annotations.get(KEY, "")


def record_modified(event):
    """IRecordModifiedEvent: note the time (never repeats, unlike a counter whose
    increments may be rolled back)."""
    site = getSite()
    annotations = IAnnotations(site, None) if site is not None else None
    if annotations is not None:
        annotations[KEY] = f"{time.time():.6f}"
