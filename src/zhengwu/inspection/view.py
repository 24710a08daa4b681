"""``@@self-inspection`` (网站自查): the dashboard of the latest run.

Site admins see every finding, the department league table and the history, and
may run the inspection now; a department's staff see their own findings.
"""

import datetime
from urllib.parse import urlencode

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized
from zope.i18n import translate

from zhengwu import _
from zhengwu.formatting import format_date
from zhengwu.formatting import format_datetime
from zhengwu.inspection.access import visible_departments
from zhengwu.inspection.access import visible_findings
from zhengwu.inspection.chart import history_svg
from zhengwu.inspection.dashboard import BadFilter
from zhengwu.inspection.dashboard import check_filters
from zhengwu.inspection.dashboard import counts
from zhengwu.inspection.dashboard import department_titles
from zhengwu.inspection.dashboard import describe
from zhengwu.inspection.dashboard import history
from zhengwu.inspection.dashboard import rule_titles
from zhengwu.inspection.history import latest_run
from zhengwu.inspection.run import run_inspection
from zhengwu.vocabularies.language import language_of

# Site Setup: Overview, the right Manager and Site Administrator share.
RUN_PERMISSION = "Plone Site Setup: Overview"


class SelfInspectionView(BrowserView):
    def __call__(self):
        self.site = api.portal.get()
        self.visible = visible_departments(self.site)
        if self.visible == set():
            raise Unauthorized("Only site admins and departments' staff")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if not self.can_run:
                raise Unauthorized("Only site admins run the inspection")
            run = run_inspection(self.site, trigger="manual")
            api.portal.show_message(
                _(
                    "Inspection done: ${count} findings.",
                    mapping={"count": run["total"]},
                ),
                self.request,
            )
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@self-inspection"
            )
            return ""
        self.prepare()
        return self.index()

    @property
    def can_run(self):
        return api.user.has_permission(RUN_PERMISSION, obj=self.site)

    @property
    def is_admin(self):
        return self.visible is None

    def prepare(self):
        self.language = language_of(self.context)
        self.titles = department_titles(self.site, self.language, self.request)
        self.rules = rule_titles(self.request)
        self.run = latest_run(self.site)
        department = self.request.form.get("department") or None
        rule = self.request.form.get("rule") or None
        try:
            check_filters(department, rule, self.titles, self.rules, self.visible)
        except (BadFilter, PermissionError):
            department = rule = None
        self.department, self.rule = department, rule
        mine = visible_findings(self.run["findings"] if self.run else [], self.visible)
        self.mine = mine
        shown = visible_findings(mine, None, department, rule)
        site_url = self.site.absolute_url()
        self.findings = [
            describe(f, site_url, self.titles, self.rules, self.language, self.request)
            for f in shown
        ]

    def run_date(self):
        started = datetime.datetime.fromisoformat(self.run["started"])
        return format_datetime(started, self.language)

    def by_rule(self):
        return [
            {"id": rule, "title": self.rules.get(rule, rule), "count": count}
            for rule, count in counts(self.mine, self.rules, "rule")
        ]

    def _league(self):
        keys = self.titles if self.is_admin else self.visible
        return counts(self.mine, keys, "department")

    def league(self):
        """Departments with findings, most first (a department's staff: theirs)."""
        return [
            {"id": dep, "title": self.titles.get(dep, dep), "count": count}
            for dep, count in self._league()
            if count or not self.is_admin
        ]

    def clean_departments(self):
        """How many departments have no finding (admins' league table)."""
        return sum(1 for _dep, count in self._league() if not count)

    def chart(self):
        rows = history(self.site, self.visible)
        if not rows:
            return ""
        label = translate(_("Findings per run"), context=self.request)
        return history_svg(
            [row["total"] for row in rows],
            label,
            format_date(rows[0]["started"], self.language),
            format_date(rows[-1]["started"], self.language),
        )

    def history_rows(self):
        rows = history(self.site, self.visible)
        return [
            {**row, "date": format_date(row["started"], self.language)}
            for row in reversed(rows[-10:])
        ]

    def filter_url(self, **params):
        query = {k: v for k, v in params.items() if v}
        base = f"{self.context.absolute_url()}/@@self-inspection"
        return f"{base}?{urlencode(query)}" if query else base
