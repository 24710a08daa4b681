"""``GET @powers`` on a language root: the powers list (权责清单), as on @@powers."""

from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service
from zope.i18n import translate

from zhengwu.powers.listing import FilterError
from zhengwu.powers.listing import batch_size
from zhengwu.powers.listing import batch_start
from zhengwu.powers.listing import category_titles
from zhengwu.powers.listing import department_titles
from zhengwu.powers.listing import guide_url
from zhengwu.powers.listing import parse_filters
from zhengwu.powers.listing import search_powers
from zhengwu.services.errors.answer import error_answer


class PowersGet(Service):
    """Batched JSON; a bad filter answers 400 with a message saying what is wrong."""

    def reply(self):
        form = self.request.form
        departments = department_titles(self.context)
        try:
            filters = parse_filters(form, departments)
            batch_start(form)
            batch_size(form)
        except FilterError as error:
            message = translate(error.args[0], context=self.request)
            return error_answer(self.request, 400, message)
        categories = category_titles()
        batch = HypermediaBatch(self.request, search_powers(self.context, filters))
        result = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "items": [self.item(brain, departments, categories) for brain in batch],
        }
        if batch.links:
            result["batching"] = batch.links
        return result

    def item(self, brain, departments, categories):
        department = brain.getPath().split("/")[-2]
        return {
            "@id": brain.getURL(),
            "code": brain.power_code,
            "title": brain.Title,
            "category": {
                "token": brain.power_category,
                "title": categories.get(brain.power_category),
            },
            "department": {
                "token": department,
                "title": departments.get(department, department),
            },
            "review_state": brain.review_state,
            "guide": guide_url(brain),
        }
