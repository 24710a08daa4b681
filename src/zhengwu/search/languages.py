"""The English site: search English content first, else the Chinese original.

plone.app.multilingual does not filter catalog queries by language in Plone 6: a
search is limited to the language root by its path (the search page uses the
navigation root, ``@search`` its context). A query is English when its path lies
under ``/<site>/en`` or it asks for ``Language=en``.
"""

from Products.CMFCore.utils import getToolByName

ENGLISH = "en"


def _site_path(site):
    return "/".join(site.getPhysicalPath())


def default_language(site):
    tool = getToolByName(site, "portal_languages", None)
    return tool.getDefaultLanguage() if tool is not None else "zh-cn"


def _paths(value):
    if isinstance(value, dict):
        value = value.get("query")
    if isinstance(value, str):
        return [value]
    return list(value or ())


def _under(path, root):
    return path == root or path.startswith(root + "/")


def is_english(site, args):
    """Does the query search the English site?"""
    if args.get("Language") == ENGLISH:
        return True
    root = f"{_site_path(site)}/{ENGLISH}"
    paths = _paths(args.get("path"))
    return bool(paths) and all(_under(path, root) for path in paths)


def language_of(site, args):
    return ENGLISH if is_english(site, args) else default_language(site)


def fallback_args(site, args):
    """The same query on the default-language (Chinese) site, or None when the
    query is not an English one."""
    if not is_english(site, args):
        return None
    chinese_root = f"{_site_path(site)}/{default_language(site)}"
    args = dict(args)
    if args.get("Language") == ENGLISH:
        args["Language"] = default_language(site)
    path = args.get("path")
    if path:
        # a guide's translation shares its id: /en/gaj/id-card ↔ /zh-cn/gaj/id-card;
        # a deeper English folder may have no Chinese twin, so search the whole root
        if isinstance(path, dict):
            path = {**path, "query": chinese_root}
        else:
            path = chinese_root
        args["path"] = path
    return args
