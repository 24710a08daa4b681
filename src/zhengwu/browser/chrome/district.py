"""Which district a site is, and where its profile's files are, for the chrome.

A site is a district when ``profiles/<site id>/district.toml`` exists (the site id
is the profile id); any other site (e.g. a stock Plone site with the add-on) gets
the chrome without the district's scenes.
"""

from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from plone.app.multilingual.interfaces import ILanguageRootFolder

from zhengwu.importers.demo_data import profiles_directory


def district_directory(site=None):
    """The profile folder of ``site`` (default: the current site), or None."""
    site = site if site is not None else api.portal.get()
    directory = profiles_directory() / site.getId()
    if not (directory / "district.toml").is_file():
        return None
    return directory


def language_root_of(context):
    """The language root folder (e.g. /nanshan/zh-cn) above ``context``, or None."""
    for obj in aq_chain(aq_inner(context)):
        if ILanguageRootFolder.providedBy(obj):
            return obj
    return None
