"""The language roots of a district site (e.g. /nanshan/zh-cn and /nanshan/en)."""

from Acquisition import aq_chain
from Acquisition import aq_inner
from plone.app.multilingual.interfaces import ILanguageRootFolder


def language_root_of(context):
    """The language root folder (e.g. /nanshan/zh-cn) holding ``context`` (itself
    included), or None outside of one (or for None)."""
    if context is None:
        return None
    for obj in aq_chain(aq_inner(context)):
        if ILanguageRootFolder.providedBy(obj):
            return obj
    return None
