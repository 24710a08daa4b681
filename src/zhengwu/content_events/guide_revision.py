"""A guide's ``revision`` counts the changes a citizen would act on.

Only the fields that change what a citizen brings, pays, where and when they go, and
on which legal basis, count (``CITIZEN_FIELDS``). A fixed typo in the title or the
description, a new next-review date or a change of audience tags does not make the
strategies written against the guide stale. The revision is found by comparing a
fingerprint of those fields, so every way of editing counts the same (the edit form,
plone.restapi, a script that forgets to describe its changes).
"""

import hashlib
import json

from zope.annotation.interfaces import IAnnotations

CITIZEN_FIELDS = (
    "conditions",
    "situations",
    "materials",
    "fees",
    "fee_basis",
    "statutory_limit",
    "promised_limit",
    "windows",
    "office_hours",
    "process_steps",
    "legal_basis",
)
FINGERPRINT_KEY = "zhengwu.guide.citizen_fingerprint"


def citizen_fingerprint(guide):
    """A digest of the citizen-relevant fields of ``guide``."""
    values = {name: getattr(guide, name, None) for name in CITIZEN_FIELDS}
    text = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def current_revision(guide):
    """The guide's revision; a guide not yet seen by the subscribers is revision 1."""
    return getattr(guide, "revision", None) or 1


def start_revisions(guide, event):
    """A new guide is revision 1 of what citizens read."""
    guide.revision = current_revision(guide)
    IAnnotations(guide)[FINGERPRINT_KEY] = citizen_fingerprint(guide)


def count_revision(guide, event):
    """Increase ``revision`` when a citizen-relevant field changed in this edit.

    Returns True when it did, so callers can reindex what depends on it.
    """
    annotations = IAnnotations(guide)
    fingerprint = citizen_fingerprint(guide)
    before = annotations.get(FINGERPRINT_KEY)
    if before == fingerprint:
        return False
    annotations[FINGERPRINT_KEY] = fingerprint
    if before is None:
        # A guide created before these subscribers: record its state, no bump.
        guide.revision = current_revision(guide)
        return False
    guide.revision = current_revision(guide) + 1
    return True
