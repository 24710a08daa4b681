"""Who sees which findings: site admins all, a department's staff its own,
everyone else none."""

from plone import api

from zhengwu.inspection.checks.columns import default_root
from zhengwu.vocabularies.departments import departments_in

ADMIN_ROLES = {"Manager", "Site Administrator"}


def is_admin(user):
    return bool(set(api.user.get_roles(user=user)) & ADMIN_ROLES)


def staff_departments(user, site):
    """The ids of the departments on whose folder ``user`` holds a local role (the
    roles of the department's groups)."""
    own = set(api.user.get_roles(user=user))
    found = set()
    for department in departments_in(default_root(site)):
        local = set(api.user.get_roles(user=user, obj=department)) - own
        if local:
            found.add(department.getId())
    return found


def visible_departments(site):
    """None for a site admin (everything), else the current user's departments
    (an empty set for anonymous visitors and citizens)."""
    if api.user.is_anonymous():
        return set()
    user = api.user.get_current()
    return None if is_admin(user) else staff_departments(user, site)


def visible_findings(findings, departments, department=None, rule=None):
    """``findings`` narrowed to ``departments`` (None: all) and the filters."""
    return [
        finding
        for finding in findings
        if (departments is None or finding["department"] in departments)
        and (department is None or finding["department"] == department)
        and (rule is None or finding["rule"] == rule)
    ]
