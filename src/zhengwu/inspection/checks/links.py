"""Rules ``link-broken`` and ``external-link-broken``: links of published pages
that lead nowhere (错链).

Internal addresses and relations are followed through the site (no HTTP); external
ones are asked of the other site by ``ExternalLinkChecker`` when the registry
switches that on (``zhengwu.inspection.external_links``).
"""

from zhengwu import _
from zhengwu.inspection.checks.base import Check
from zhengwu.inspection.external import ExternalLinkChecker
from zhengwu.inspection.external import works
from zhengwu.inspection.findings import finding_for
from zhengwu.inspection.pages import published_links
from zhengwu.inspection.resolve import EXTERNAL
from zhengwu.inspection.resolve import INTERNAL
from zhengwu.inspection.resolve import internal_target_exists
from zhengwu.inspection.resolve import kind_of

INTERNAL_RULE = "link-broken"
EXTERNAL_RULE = "external-link-broken"
LINKS = "links"


def site_links(site, context):
    """The published pages' links, collected once per run."""
    if LINKS not in context.shared:
        context.shared[LINKS] = list(published_links(site))
    return context.shared[LINKS]


class InternalLinkCheck(Check):
    rule = INTERNAL_RULE
    title = _("Broken internal link")
    order = 40
    describe = _("The link ${link} leads to no page of the site.")

    def __call__(self, site, context):
        site_url = site.absolute_url()
        seen = set()
        for link in site_links(site, context):
            if link.relation:
                broken = link.broken
            elif kind_of(link.href, site_url) == INTERNAL:
                broken = not internal_target_exists(site, link.page, link.href)
            else:
                continue
            key = (id(link.page), link.href)
            if broken and key not in seen:
                seen.add(key)
                yield finding_for(link.page, INTERNAL_RULE, link=link.href)


class ExternalLinkCheck(Check):
    rule = EXTERNAL_RULE
    title = _("Broken external link")
    order = 50
    describe = _(
        "The link ${link} does not answer (HTTP ${status}, checked ${checked})."
    )

    def __call__(self, site, context):
        if not context.settings.external_links:
            return
        checker = ExternalLinkChecker(site, context.settings, context.now)
        site_url = site.absolute_url()
        seen = set()
        for link in site_links(site, context):
            if link.relation or kind_of(link.href, site_url) != EXTERNAL:
                continue
            key = (id(link.page), link.href)
            if key in seen:
                continue
            seen.add(key)
            result = checker.status(link.href)
            if result is not None and not works(result[0]):
                yield finding_for(
                    link.page,
                    EXTERNAL_RULE,
                    link=link.href,
                    status=result[0],
                    checked=result[1][:16].replace("T", " "),
                )
        checker.forget_old()
