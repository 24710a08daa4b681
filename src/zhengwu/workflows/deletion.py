"""Deleting a folder deletes only what the user may delete one by one.

Plone checks "Delete objects" on the item and its container, never on what a folder
holds: an editor who may delete a folder in their department would delete the
published items in it. The workflows govern "Delete objects" per state (drafts for
their editors, the rest for site admins); this applies the same rule to contents.
"""

from AccessControl import Unauthorized
from AccessControl import getSecurityManager
from Products.CMFCore.interfaces import IContentish
from Products.CMFCore.interfaces import ISiteRoot
from Products.CMFCore.permissions import DeleteObjects
from Products.CMFCore.permissions import ManagePortal


def contents_of(container):
    """Every content item inside ``container``, at any depth."""
    for item in container.objectValues():
        if not IContentish.providedBy(item):
            continue
        yield item
        if hasattr(item, "objectValues"):
            yield from contents_of(item)


def refuse_protected_contents(obj, event):
    """IObjectWillBeRemovedEvent of a container: refuse unless every item in it may
    be deleted by the current user."""
    # The catalog cannot say: the contents were unindexed by the event just before.
    if event.object is not obj or ISiteRoot.providedBy(obj):
        return
    security = getSecurityManager()
    if security.checkPermission(ManagePortal, obj):  # Managers may delete anything
        return
    for item in contents_of(obj):
        if not security.checkPermission(DeleteObjects, item):
            raise Unauthorized(f"You may not delete {item.absolute_url_path()}.")
