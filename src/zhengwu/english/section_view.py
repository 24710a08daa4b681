"""The ``english-section`` view: a section's own pages, then what its rule lists."""

from plone import api
from Products.Five.browser import BrowserView

from zhengwu.english.listing import listed_departments
from zhengwu.english.listing import listed_guides
from zhengwu.english.listing import listing_of
from zhengwu.formatting import format_date
from zhengwu.sites.roots import language_root_of


class EnglishSectionView(BrowserView):
    """Subsections and pages of the folder, departments and guides of its rule."""

    def __call__(self):
        self.rule = dict(listing_of(self.context))
        self.root = language_root_of(self.context)
        return self.index()

    @property
    def language(self):
        return self.context.Language() or "en"

    def _item(self, brain):
        return {
            "title": brain.Title,
            "url": brain.getURL(),
            "description": brain.Description,
            "updated": format_date(brain.modified, self.language),
        }

    def contents(self):
        brains = api.content.find(
            context=self.context, depth=1, sort_on="getObjPositionInParent"
        )
        return [self._item(brain) for brain in brains]

    def departments(self):
        kinds = self.rule.get("departments")
        if not kinds or self.root is None:
            return []
        return [self._item(b) for b in listed_departments(self.root, kinds)]

    def guides(self):
        services = self.rule.get("services", ())
        audiences = self.rule.get("audience", ())
        if not (services or audiences) or self.root is None:
            return []
        return [self._item(b) for b in listed_guides(self.root, services, audiences)]
