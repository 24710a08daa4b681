"""``GET @self-inspection``: the latest run's findings the user may see, filterable
by ``department`` and ``rule``, in batches (``b_start``, ``b_size`` up to 100)."""

from urllib.parse import urlencode

from plone import api
from plone.restapi.services import Service
from zExceptions import BadRequest
from zExceptions import Forbidden
from zExceptions import Unauthorized

from zhengwu.inspection.access import visible_departments
from zhengwu.inspection.access import visible_findings
from zhengwu.inspection.dashboard import BadFilter
from zhengwu.inspection.dashboard import check_filters
from zhengwu.inspection.dashboard import counts
from zhengwu.inspection.dashboard import department_titles
from zhengwu.inspection.dashboard import describe
from zhengwu.inspection.dashboard import history
from zhengwu.inspection.dashboard import rule_titles
from zhengwu.inspection.history import latest_run
from zhengwu.vocabularies.language import language_of

DEFAULT_SIZE = 25
MAX_SIZE = 100
RUN_KEYS = ("number", "started", "today", "trigger", "seconds", "total")


def _number(form, name, default, low, high):
    value = form.get(name, default)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadRequest(f"{name} must be a whole number") from None
    if not low <= number <= high:
        raise BadRequest(f"{name} must be between {low} and {high}")
    return number


class SelfInspectionGet(Service):
    def reply(self):
        site = api.portal.get()
        visible = visible_departments(site)
        if visible == set():
            raise Unauthorized("Only site admins and departments' staff")
        form = self.request.form
        start = _number(form, "b_start", 0, 0, 10**6)
        size = _number(form, "b_size", DEFAULT_SIZE, 1, MAX_SIZE)
        department, rule = form.get("department") or None, form.get("rule") or None
        language = language_of(self.context)
        titles = department_titles(site, language, self.request)
        rules = rule_titles(self.request)
        try:
            check_filters(department, rule, titles, rules, visible)
        except BadFilter as error:
            raise BadRequest(str(error)) from None
        except PermissionError:
            raise Forbidden("Not one of your departments") from None
        run = latest_run(site)
        mine = visible_findings(run["findings"] if run else [], visible)
        shown = visible_findings(mine, None, department, rule)
        url = f"{self.context.absolute_url()}/@self-inspection"
        return {
            "@id": url,
            "run": {key: run[key] for key in RUN_KEYS} if run else None,
            "rules": [
                {"id": key, "title": rules.get(key, key), "count": count}
                for key, count in counts(mine, rules, "rule")
            ],
            "departments": [
                {"id": key, "title": titles.get(key, key), "count": count}
                for key, count in counts(
                    mine, titles if visible is None else visible, "department"
                )
            ],
            "items_total": len(shown),
            "items": [
                describe(f, site.absolute_url(), titles, rules, language, self.request)
                for f in shown[start : start + size]
            ],
            "batching": self._batching(url, start, size, len(shown), department, rule),
            "history": history(site, visible),
        }

    def _batching(self, url, start, size, total, department, rule):
        def link(begin):
            query = {"b_start": begin, "b_size": size}
            query.update(
                {k: v for k, v in (("department", department), ("rule", rule)) if v}
            )
            return f"{url}?{urlencode(query)}"

        return {
            "first": link(0),
            "next": link(start + size) if start + size < total else None,
            "prev": link(max(0, start - size)) if start > 0 else None,
        }
