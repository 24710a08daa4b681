"""District setup steps ``zhengwu.demo`` (demo corpus), ``zhengwu.demo-questions``
and ``zhengwu.demo-bookings``.

The corpus step reads ``profiles/common/content/`` (guides, disclosure templates,
strategies, encyclopedia) and ``profiles/<district>/content/`` (department codes
and windows, news, the English sections' pages and interpretations); it checks
every file first, so a bad file loads nothing, and creates only what is missing,
so running it again changes nothing. The questions
step runs after it (``demo_questions``), on the guides it made; the bookings step
after both (``demo_bookings``: bookables related to the guides, bookings held by a
demo citizen).
"""

import datetime
import logging
from dataclasses import dataclass
from pathlib import Path

import transaction
from Products.CMFCore.indexing import processQueue
from zope.interface import implementer

from zhengwu.importers import demo_data
from zhengwu.importers.demo_articles import load_encyclopedia
from zhengwu.importers.demo_articles import load_news
from zhengwu.importers.demo_articles import load_strategies
from zhengwu.importers.demo_bookings import load_demo_bookings
from zhengwu.importers.demo_dates import demo_shift
from zhengwu.importers.demo_dates import read_as_of
from zhengwu.importers.demo_dates import shifted
from zhengwu.importers.demo_disclosure import check_templates
from zhengwu.importers.demo_disclosure import load_records
from zhengwu.importers.demo_disclosure import plan_records
from zhengwu.importers.demo_english import load_english
from zhengwu.importers.demo_english import read_english
from zhengwu.importers.demo_guides import load_guides
from zhengwu.importers.demo_guides import set_org_codes
from zhengwu.importers.demo_questions import load_demo_questions
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.profile import COMMON
from zhengwu.sites.profile import read_profile_toml
from zhengwu.sites.services import offered_by
from zhengwu.sites.services import read_services
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
    english: dict


def read_corpus(profiles, district):
    """Read and check all demo data of ``district``; ProfileError if bad."""
    common = Path(profiles) / COMMON / "content"
    services = read_services(common / "services.tsv")
    kinds = {zh: value for value, zh, en in load_terms("service_kinds")}
    tags = {zh: value for value, zh, en in load_terms("audience_tags")}
    guides = demo_data.read_guides(common / "guides", services, kinds, tags)
    offered = {
        guide_id: guide
        for guide_id, guide in guides.items()
        if offered_by(services[guide_id], district)
    }
    departments, news = demo_data.read_district(profiles, district)
    strategies, encyclopedia = demo_data.read_articles(common)
    disclosure = read_profile_toml(common / "disclosure.toml")
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
        read_english(profiles, district),
    )


def load_corpus(site, profile, corpus):
    """Create what is missing of ``corpus`` in ``site``, its dates moved by the
    site's demo shift; return counts per kind."""
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
        "english": len(load_english(site, root, corpus.english)),
    }


def load_demo_corpus(site, profile, profiles=None):
    """Read, check, then load the demo corpus of ``profile`` into ``site``; the
    profiles folder is the one ``profile`` was loaded from unless ``profiles``."""
    corpus = read_corpus(profiles or profile.directory.parent, profile.id)
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


@implementer(IDistrictSetupStep)
class DemoQuestionsStep:
    """The demo questions (heavy, order 55: after the guides they are about)."""

    order = 55
    heavy = True

    def __call__(self, site, profile):
        load_demo_questions(site, profile)


@implementer(IDistrictSetupStep)
class DemoBookingsStep:
    """The demo bookables and bookings (heavy, order 57: after guides and citizens)."""

    order = 57
    heavy = True

    def __call__(self, site, profile):
        counts = load_demo_bookings(site, profile)
        logger.info("Site %s: demo bookings created %s", profile.id, counts)
