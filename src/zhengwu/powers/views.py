"""@@powers: the public powers list of a language root, filtered and paginated."""

from dataclasses import asdict
from urllib.parse import urlencode

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.base.batch import Batch
from Products.Five.browser import BrowserView
from zope.i18n import translate

from zhengwu.formatting import format_number
from zhengwu.powers.listing import FilterError
from zhengwu.powers.listing import PowerFilters
from zhengwu.powers.listing import batch_start
from zhengwu.powers.listing import category_titles
from zhengwu.powers.listing import department_titles
from zhengwu.powers.listing import guide_url
from zhengwu.powers.listing import parse_filters
from zhengwu.powers.listing import search_powers
from zhengwu.vocabularies.language import language_of

PAGE_SIZE = 20


class PowersView(BrowserView):
    """Anyone may read it; the catalog shows each visitor only what they may see."""

    error = None
    batch = None

    def __call__(self):
        self.departments = department_titles(self.context)
        self.categories = category_titles()
        self.filters = PowerFilters()
        try:
            self.filters = parse_filters(self.request.form, self.departments)
            start = batch_start(self.request.form)
        except FilterError as error:
            self.error = translate(error.args[0], context=self.request)
            self.request.response.setStatus(400)
        else:
            results = search_powers(self.context, self.filters)
            self.batch = Batch(results, PAGE_SIZE, start)
        return self.index()

    def count(self):
        """How many items match, as the page's language writes numbers (8,091)."""
        return format_number(self.batch.sequence_length, language_of(self.context))

    def download_url(self, fmt):
        """``@@powers-download`` of the same filters, as ``fmt`` (csv or xlsx)."""
        query = {"format": fmt}
        query.update(
            (name, value) for name, value in asdict(self.filters).items() if value
        )
        return f"{self.context.absolute_url()}/@@powers-download?{urlencode(query)}"

    def rows(self):
        for brain in self.batch:
            department = brain.getPath().split("/")[-2]
            yield {
                "url": brain.getURL(),
                "code": brain.power_code,
                "title": brain.Title,
                "category": self.categories.get(brain.power_category, ""),
                "department": self.departments.get(department, department),
                "guide_url": guide_url(brain),
            }


class PowerItemView(BrowserView):
    """An item of the list as a citizen reads it: basis, duties, who answers for it."""

    def category(self):
        return category_titles().get(self.context.power_category, "")

    def department(self):
        return aq_parent(aq_inner(self.context))

    def guide(self):
        relation = getattr(self.context, "guide", None)
        if relation is None or relation.isBroken():
            return None
        return relation.to_object
