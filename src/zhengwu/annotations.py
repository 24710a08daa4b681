"""Persistent stores kept in an object's annotations, made on the first write.

Votes, the Solr catch-up queue, curation, search statistics, moderation and the
disclosure counters each keep one persistent object under their own key in the
site's (or an item's) annotations. A read passes ``create=False`` and gets None
while nothing was stored: a GET then writes nothing, so it never conflicts with
other transactions and never turns a cacheable page into a ZODB commit.
"""

from zope.annotation.interfaces import IAnnotations


def annotation_store(context, key, factory, create=False):
    """The object stored under ``key`` in ``context``'s annotations.

    When there is none: with ``create``, ``factory()`` is stored and returned;
    without, None is returned and the annotations are left untouched.
    """
    annotations = IAnnotations(context)
    store = annotations.get(key)
    if store is None and create:
        store = annotations[key] = factory()
    return store
