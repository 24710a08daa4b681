"""The citizen's page of a service guide (办事指南), with the situation picker.

The picker is a plain GET form, one radio group per dimension of the guide's
situations: ``?situation-1=首次申领&situation-2=本市户籍`` reloads the page with
exactly the materials for that combination; no JavaScript is needed. Options are
unique in a guide, so the values decide (``?situation=补领`` works too, and a link
survives the editor reordering the dimensions). ``&print=1`` gives the same list on
a bare page made for paper.
"""

import re
from urllib.parse import urlencode

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from zhengwu.browser import guide_actions
from zhengwu.browser import guide_facts
from zhengwu.browser.terms import term_title
from zhengwu.browser.terms import term_titles
from zhengwu.content.guide_materials import choose
from zhengwu.content.guide_materials import form_title
from zhengwu.content.guide_materials import group_by_situation
from zhengwu.content.guide_materials import medium_title
from zhengwu.content.guide_materials import select_materials
from zhengwu.content.situations import all_options
from zhengwu.content.situations import read_dimensions
from zhengwu.formatting import format_date
from zhengwu.theming.portlets import without_portlets
from zhengwu.vocabularies.language import language_of

SITUATION_KEY = re.compile(r"situation(-\d{1,2})?")


def requested_situations(form):
    """The option names in the query: ``situation`` and ``situation-<n>`` values."""
    names = []
    for key, value in form.items():
        if SITUATION_KEY.fullmatch(key):
            values = value if isinstance(value, list | tuple) else [value]
            names.extend(v for v in values if isinstance(v, str))
    return names


class GuideView(BrowserView):
    """Every guide element of the national standard, in the order citizens read."""

    index = ViewPageTemplateFile("templates/guide.pt")
    print_page = ViewPageTemplateFile("templates/guide_print.pt")
    materials_macros = ViewPageTemplateFile("templates/guide_materials.pt")
    actions_macros = ViewPageTemplateFile("templates/guide_actions.pt")

    def __call__(self):
        without_portlets(self.request)
        self.dimensions = read_dimensions(
            self.context.situations, language_of(self.context)
        )
        self.situations = all_options(self.dimensions)
        self.choice = choose(self.dimensions, requested_situations(self.request.form))
        self.chosen = self.choice.options(self.dimensions)
        self.unknown = self.choice.unknown
        self.conflicts = self.choice.conflicts
        self.selection = select_materials(
            self.dimensions, self.context.materials, self.choice.chosen
        )
        if self.request.form.get("print"):
            return self.print_page()
        return self.index()

    # situations and materials

    def picker(self):
        """The radio groups: one per dimension, its field name and options."""
        return [
            {
                "name": f"situation-{number}",
                "title": dimension.title,
                "chosen": self.choice.chosen.get(dimension.title, ""),
                "options": dimension.options,
            }
            for number, dimension in enumerate(self.dimensions, start=1)
        ]

    def groups(self):
        """No situation chosen: every material, grouped by situation."""
        return group_by_situation(self.situations, self.context.materials)

    def chosen_materials(self):
        """The exact list for the chosen combination."""
        return self.selection.needed

    def depending_groups(self):
        """Materials that depend on a dimension left at "any", one group per option."""
        return self.selection.depends

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

    def situation_query(self):
        """The query of the chosen combination, as the picker sends it."""
        return [
            (group["name"], group["chosen"])
            for group in self.picker()
            if group["chosen"]
        ]

    def print_url(self):
        query = self.situation_query() + [("print", "1")]
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
