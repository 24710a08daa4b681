"""A finding (问题) of the self-inspection: the page, the rule and the department."""

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field

from Acquisition import aq_base

from zhengwu.behaviors.department import department_of

# A finding no department owns (the homepage, a column without a keeper) is the
# site administrators'.
SITE_ADMINISTRATION = ""


@dataclass(frozen=True)
class Finding:
    rule: str
    # The page's path inside the site (e.g. ``zh-cn/zwgk/xwdt``): a run made by a
    # script has no request, so the URL is made when the finding is shown.
    path: str
    title: str
    department: str = SITE_ADMINISTRATION
    # The mapping of the rule's message (days, dates, the broken address ...).
    detail: dict = field(default_factory=dict)

    def as_dict(self):
        return asdict(self)


def site_path(obj):
    """``obj``'s path inside its Plone site (the site's own path left out)."""
    return "/".join(obj.getPhysicalPath()[2:])


def department_id(obj):
    """The department that owns ``obj``: its ``department`` field, else the
    Department folder it is in, else the site administration."""
    value = getattr(aq_base(obj), "department", None)
    if isinstance(value, str) and value:
        return value
    folder = department_of(obj)
    return folder.getId() if folder is not None else SITE_ADMINISTRATION


def finding_for(obj, rule, department=None, **detail):
    """A finding about content ``obj``; its department is ``obj``'s unless given."""
    return Finding(
        rule=rule,
        path=site_path(obj),
        title=obj.Title() or obj.getId(),
        department=department_id(obj) if department is None else department,
        detail=detail,
    )
