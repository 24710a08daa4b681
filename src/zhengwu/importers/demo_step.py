"""District setup step ``demo``: the demo corpus of a district site.

Reads ``profiles/common/content/`` (guides, disclosure templates, strategies,
encyclopedia) and ``profiles/<district>/content/`` (department codes and windows,
news); checks every file first, so a bad file loads nothing; creates only what is
missing, so running it again changes nothing.
"""

import datetime
import logging
from dataclasses import dataclass
from pathlib import Path

import transaction
from Products.CMFCore.indexing import processQueue
from zope.interface import implementer

from zhengwu.importers import demo_data
from zhengwu.importers.demo_dates import demo_shift
from zhengwu.importers.demo_dates import read_as_of
from zhengwu.importers.demo_dates import shifted
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.vocabularies.data import load_terms

logger = logging.getLogger("zhengwu.importers")


@dataclass
class DemoCorpus:
    """Everything the demo corpus of one district needs, read and checked."""

    services: dict
    guides: dict
    departments: dict
    news: list
    strategies: list
    encyclopedia: list
    disclosure: dict
    as_of: datetime.date


def read_corpus(profiles, district):
    """Read and check all demo data of ``district``; DemoDataError if bad."""
    common = Path(profiles) / demo_data.COMMON / "content"
    services = demo_data.read_services(common / "services.tsv")
    kinds = {zh: value for value, zh, en in load_terms("service_kinds")}
    tags = {zh: value for value, zh, en in load_terms("audience_tags")}
    guides = demo_data.read_guides(common / "guides", services, kinds, tags)
    offered = {
        guide_id: guide
        for guide_id, guide in guides.items()
        if demo_data.offered_by(services[guide_id], district)
    }
    departments, news = demo_data.read_district(profiles, district)
    strategies, encyclopedia = demo_data.read_articles(common)
    disclosure = demo_data.read_toml(common / "disclosure.toml")
    from zhengwu.importers.demo_disclosure import check_templates

    check_templates(
        common / "disclosure.toml",
        disclosure,
        {row[0] for row in load_terms("disclosure_topics")},
        {row[0] for row in load_terms("disclosure_genres")},
    )
    return DemoCorpus(
        services,
        offered,
        departments,
        news,
        strategies,
        encyclopedia,
        disclosure,
        read_as_of(profiles),
    )


def load_corpus(site, profile, corpus):
    """Create what is missing of ``corpus`` in ``site``, its dates moved by the
    site's demo shift; return counts per kind."""
    from zhengwu.importers.demo_articles import load_encyclopedia
    from zhengwu.importers.demo_articles import load_news
    from zhengwu.importers.demo_articles import load_strategies
    from zhengwu.importers.demo_disclosure import load_records
    from zhengwu.importers.demo_disclosure import plan_records
    from zhengwu.importers.demo_guides import load_guides
    from zhengwu.importers.demo_guides import set_org_codes

    root = site[profile.default_language]
    kinds = {zh: value for value, zh, en in load_terms("service_kinds")}
    tags = {zh: value for value, zh, en in load_terms("audience_tags")}
    set_org_codes(root, corpus.departments)
    district_name = profile.title.replace("深圳市", "").replace("人民政府", "")
    shift = demo_shift(site, corpus.as_of)
    records = plan_records(
        corpus.disclosure,
        root,
        corpus.departments,
        district_name,
        corpus.as_of,
        shift,
    )
    corpus = shifted(corpus, shift)
    return {
        "guides": len(
            load_guides(
                site,
                root,
                corpus.guides,
                corpus.services,
                corpus.departments,
                kinds,
                tags,
            )
        ),
        "disclosure": len(load_records(records)),
        "strategies": len(
            load_strategies(root, corpus.strategies, corpus.guides, corpus.services)
        ),
        "encyclopedia": len(load_encyclopedia(root, corpus.encyclopedia)),
        "news": len(load_news(root, corpus.news)),
    }


def load_demo_corpus(site, profile, profiles=None):
    """Read, check, then load the demo corpus of ``profile`` into ``site``."""
    corpus = read_corpus(profiles or demo_data.profiles_directory(), profile.id)
    counts = load_corpus(site, profile, corpus)
    # Index now, not at commit: in a transaction this big, new objects may be
    # ghosts by then and cannot be loaded again before the commit has finished.
    processQueue()
    logger.info("Site %s: demo corpus created %s", profile.id, counts)
    return counts


@implementer(IDistrictSetupStep)
class DemoStep:
    """Loads the demo corpus; a site keeps what it has, only missing items are added."""

    order = 50
    heavy = True

    def __call__(self, site, profile):
        # Commit the site as it is so far: objects made earlier in this transaction
        # (a new site's component registry) may turn into ghosts while hundreds of
        # items are added, and a ghost created in the same transaction cannot be
        # loaded again while the final commit is being finished.
        transaction.commit()
        load_demo_corpus(site, profile)
