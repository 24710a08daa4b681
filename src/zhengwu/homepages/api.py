"""What other parts of the site ask about homepages (the role switcher of the
chrome, the caching rules): which role homepages a language root has, and which
role the visitor is on or chose."""

from Acquisition import aq_base
from plone.base.interfaces import INavigationRoot

from zhengwu.homepages.content import ROLE_TITLES
from zhengwu.homepages.content import ROLES
from zhengwu.homepages.content import IHomepage

ROLE_COOKIE = "zhengwu_role"
# Roles a visitor can choose; "classic" is the absence of a choice.
CHOSEN_ROLES = tuple(role for role in ROLES if role != "classic")


def _homepages(language_root):
    """The root's Homepage items, by role: the first one of each role wins."""
    found = {}
    for item in language_root.objectValues():
        if IHomepage.providedBy(item):
            found.setdefault(item.role, item)
    return found


def _classic_url(language_root, homepage):
    """The classic homepage's URL is the root's when it is the root's default page."""
    default = getattr(aq_base(language_root), "getDefaultPage", None)
    if default is not None and language_root.getDefaultPage() == homepage.getId():
        return language_root.absolute_url()
    return homepage.absolute_url()


def role_homepages(language_root):
    """``[(role, title_msgid, url)]`` in the order classic, resident, enterprise,
    tourist; empty when the root has no role homepage (e.g. the English root)."""
    found = _homepages(language_root)
    if not any(role in found for role in CHOSEN_ROLES):
        return []
    rows = []
    for role in ROLES:
        homepage = found.get(role)
        if homepage is None:
            continue
        url = (
            _classic_url(language_root, homepage)
            if role == "classic"
            else homepage.absolute_url()
        )
        rows.append((role, ROLE_TITLES[role], url))
    return rows


def chosen_role(request):
    """The role remembered in the visitor's cookie, or None (unknown values too)."""
    value = request.cookies.get(ROLE_COOKIE, "")
    return value if value in CHOSEN_ROLES else None


def shown_homepage(context):
    """The Homepage ``context`` shows: itself, or a navigation root's default page."""
    if IHomepage.providedBy(context):
        return context
    if INavigationRoot.providedBy(context):
        default = getattr(aq_base(context), "getDefaultPage", None)
        page_id = context.getDefaultPage() if default is not None else None
        page = context.get(page_id) if page_id else None
        if IHomepage.providedBy(page):
            return page
    return None


def current_role(context, request):
    """The role of the homepage shown; elsewhere the role the visitor chose (cookie);
    None when neither says."""
    homepage = shown_homepage(context)
    if homepage is not None:
        return homepage.role
    return chosen_role(request)
