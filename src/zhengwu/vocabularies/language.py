"""The language a vocabulary speaks: the content's own, else the visitor's."""

from Acquisition import aq_chain
from plone import api


def language_of(context):
    """The language code of ``context`` or its nearest container, e.g. ``zh-cn``.

    Falls back to the language negotiated for the current request (the site root,
    the add form of a container without a language, a REST call on the portal).
    """
    for item in aq_chain(context) if context is not None else ():
        language = getattr(item, "Language", None)
        if callable(language):
            code = language()
            if code:
                return code
    return api.portal.get_current_language() or ""


def is_chinese(language):
    return language.lower().startswith("zh")
