"""The citizen's page of a service guide (办事指南), with the situation picker.

The picker is a plain GET form: ``?situation=首次申领&situation=本市户籍`` reloads the
page with exactly the materials for those situations; no JavaScript is needed.
``&print=1`` gives the same list on a bare page made for paper.
"""

from urllib.parse import urlencode

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from zhengwu.browser import guide_actions
from zhengwu.browser import guide_facts
from zhengwu.browser import public_page
from zhengwu.browser.guide_materials import chosen_situations
from zhengwu.browser.guide_materials import form_title
from zhengwu.browser.guide_materials import group_by_situation
from zhengwu.browser.guide_materials import materials_for
from zhengwu.browser.guide_materials import medium_title
from zhengwu.browser.terms import term_title
from zhengwu.browser.terms import term_titles
from zhengwu.formatting import format_date
from zhengwu.vocabularies.language import language_of


class GuideView(BrowserView):
    """Every guide element of the national standard, in the order citizens read."""

    index = ViewPageTemplateFile("templates/guide.pt")
    print_page = ViewPageTemplateFile("templates/guide_print.pt")
    materials_macros = ViewPageTemplateFile("templates/guide_materials.pt")
    actions_macros = ViewPageTemplateFile("templates/guide_actions.pt")

    def __call__(self):
        public_page.without_portlets(self.request)
        self.situations = list(self.context.situations or ())
        self.chosen, self.unknown = chosen_situations(
            self.request.form.get("situation"), self.situations
        )
        if self.request.form.get("print"):
            return self.print_page()
        return self.index()

    # situations and materials

    def groups(self):
        """No situation chosen: every material, grouped by situation."""
        return group_by_situation(self.situations, self.context.materials)

    def chosen_materials(self):
        """The exact list for the chosen situations."""
        return materials_for(self.context.materials, self.chosen)

    def material_row(self, row):
        """One material as the page shows it."""
        return {
            "name": row.get("name"),
            "form": form_title(row.get("form")),
            "count": row.get("count"),
            "medium": medium_title(row.get("medium")),
            "source": row.get("source"),
            "note": row.get("note"),
        }

    def print_url(self):
        query = [("situation", name) for name in self.chosen] + [("print", "1")]
        return f"{self.context.absolute_url()}?{urlencode(query)}"

    # acting on the guide and sharing it

    def actions(self):
        return guide_actions.actions(self.context)

    def share(self):
        return guide_actions.share_links(
            self.context.absolute_url(), self.context.Title()
        )

    # the other elements

    def service_kind(self):
        return term_title(
            self.context, "zhengwu.ServiceKinds", self.context.service_kind
        )

    def department(self):
        department = getattr(self.context, "department", None)
        return term_title(self.context, "zhengwu.Departments", department)

    def audience(self):
        context = self.context
        names = term_titles(context, "zhengwu.Audiences", context.audience)
        tags = term_titles(context, "zhengwu.AudienceTags", context.audience_tags)
        return [name for name in names + tags if name]

    def is_free(self):
        return guide_facts.is_free(self.context.fees)

    def statutory_limit(self):
        return guide_facts.working_days_text(self.context.statutory_limit)

    def promised_limit(self):
        return guide_facts.working_days_text(self.context.promised_limit)

    def online_depth(self):
        return guide_facts.online_depth_text(self.context.online_depth)

    def visits(self):
        return guide_facts.visits_text(self.context.visits)

    def next_review(self):
        value = getattr(self.context, "next_review", None)
        return format_date(value, language_of(self.context)) if value else None
