"""What the dashboard and ``@self-inspection`` show: the latest run's findings the
user may see, counted by rule and department, and the history of runs."""

from zope.component import queryUtility
from zope.i18n import translate

from zhengwu import _
from zhengwu.formatting import format_date
from zhengwu.inspection.checks.columns import default_root
from zhengwu.inspection.history import runs_of
from zhengwu.inspection.interfaces import IInspectionCheck
from zhengwu.inspection.run import checks
from zhengwu.vocabularies.departments import department_title
from zhengwu.vocabularies.departments import departments_in

SITE_ADMINISTRATION_TITLE = _("Site administration")


class BadFilter(ValueError):
    """A filter names no rule or department; the message says which."""


def department_titles(site, language, request=None):
    """{department id: title}, the site administration ('') included."""
    titles = {"": translate(SITE_ADMINISTRATION_TITLE, context=request)}
    for department in departments_in(default_root(site)):
        titles[department.getId()] = department_title(department, language)
    return titles


def rule_titles(request=None):
    return {check.rule: translate(check.title, context=request) for check in checks()}


def _formatted(detail, language):
    """Dates of a finding's detail as the page's language writes them."""
    return {
        key: format_date(value, language) if key.endswith("_date") else value
        for key, value in (detail or {}).items()
    }


def describe(finding, site_url, titles, rules, language, request=None):
    """A finding for the page or REST: its URL, rule and department titles and
    what is wrong, in the page's language."""
    check = queryUtility(IInspectionCheck, name=finding["rule"])
    message = check.message(_formatted(finding["detail"], language)) if check else ""
    return {
        **finding,
        "url": f"{site_url}/{finding['path']}",
        "rule_title": rules.get(finding["rule"], finding["rule"]),
        "department_title": titles.get(finding["department"], finding["department"]),
        "message": translate(message, context=request) if message else "",
    }


def check_filters(department, rule, titles, rules, visible):
    if rule is not None and rule not in rules:
        raise BadFilter(f"Unknown rule: {rule}")
    if department is not None and department not in titles:
        raise BadFilter(f"Unknown department: {department}")
    if department is not None and visible is not None and department not in visible:
        raise PermissionError(department)


def counts(findings, keys, key):
    """[(id, count)] for each of ``keys`` (zeros too), most findings first."""
    found = dict.fromkeys(keys, 0)
    for finding in findings:
        found[finding[key]] = found.get(finding[key], 0) + 1
    return sorted(found.items(), key=lambda pair: (-pair[1], pair[0]))


def history(site, visible):
    """[(number, started ISO, count)] of every run kept, the user's share of each."""
    rows = []
    for run in runs_of(site):
        if visible is None:
            total = run["total"]
        else:
            total = sum(run["departments"].get(d, 0) for d in visible)
        rows.append(
            {"number": run["number"], "started": run["started"], "total": total}
        )
    return rows
