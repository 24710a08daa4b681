"""Create a district site from its profile: languages, Solr core, departments."""

import logging

import transaction
from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.factory import addPloneSite
from zope.component import getUtilitiesFor
from zope.component import getUtility
from zope.component.hooks import setSite

from zhengwu.interfaces import IDistrictSetupStep

logger = logging.getLogger("zhengwu.sites")
HEAVY = "heavy"

ADDON_PROFILE = "zhengwu:default"
TIMEZONE = "Asia/Shanghai"


def language_root(site, profile):
    """The root folder of the district's default language, e.g. /nanshan/zh-cn."""
    return site[profile.default_language]


def connect_solr(site, core):
    """Point the site at its own Solr core and switch Solr indexing and search on."""
    registry = getUtility(IRegistry, context=site)
    registry["collective.solr.base"] = f"/solr/{core}"
    registry["collective.solr.active"] = True


def setup_languages(site, languages):
    """Make ``languages`` the site's languages, the first the default, with roots."""
    registry = getUtility(IRegistry, context=site)
    registry["plone.available_languages"] = list(languages)
    registry["plone.default_language"] = languages[0]
    SetupMultilingualSite().setupSite(site)


def _publish(obj):
    if api.content.get_state(obj, default=None) not in (None, "published"):
        api.content.transition(obj, to_state="published")


def ensure_departments(site, profile):
    """Create the profile's departments missing under the default-language root."""
    root = language_root(site, profile)
    created = []
    for department in profile.departments:
        if department.id in root.objectIds():
            continue
        obj = api.content.create(
            container=root,
            type="Department",
            id=department.id,
            title=department.name_zh,
            short_name=department.short_zh,
            kind=department.kind,
            name_en=department.name_en or None,
            org_code=department.org_code or None,
            duties=department.duties or None,
            address=department.address or None,
            hours=department.hours or None,
            phones=list(department.phones),
            leader=department.leader or None,
            language=profile.default_language,
        )
        _publish(obj)
        created.append(department.id)
    return created


def run_setup_steps(site, profile, skip=(), commit=False):
    """Run the registered IDistrictSetupStep utilities, lowest order first.

    With ``commit``, each step's work is committed when it is done (a new site);
    otherwise it is kept in a savepoint of the caller's transaction.
    """
    steps = sorted(getUtilitiesFor(IDistrictSetupStep), key=lambda s: s[1].order)
    unknown = set(skip) - {name for name, _step in steps} - {HEAVY}
    if skip != HEAVY and unknown:
        # A misspelt or old name (e.g. "powers" for "zhengwu.powers") skips nothing.
        logger.warning("No setup step is named %s", ", ".join(sorted(unknown)))
    for name, step in steps:
        if name in skip or (skip == HEAVY and step.heavy):
            continue
        logger.info("Site %s: setup step %s", profile.id, name)
        step(site, profile)
        if commit:
            transaction.commit()
        else:
            # Store what the step made: objects new in this transaction that the
            # cache turns into ghosts later could not be loaded again before the
            # commit.
            transaction.savepoint(optimistic=True)


def create_district_site(app, profile, solr=True, skip=()):
    """Return the site of ``profile`` in ``app``, creating what is missing.

    Running it again on an existing site only adds what is new in the profile.
    ``skip`` names setup steps not to run, or is ``HEAVY`` to leave out demo data.

    A new site is committed as it is built: first the bare site, then each step.
    In one long transaction, objects of the new site's component registry could
    turn into ghosts, and the indexing queue looks utilities up in that registry
    while the final commit finishes, when a ghost of an object created in the same
    transaction cannot be loaded (a POSKeyError that failed layer setups and could
    fail `make start`). A failed step leaves a site the next run completes.
    """
    site = app.get(profile.id)
    new = site is None
    if new:
        logger.info("Creating site %s (%s)", profile.id, profile.title)
        site = addPloneSite(
            app,
            profile.id,
            title=profile.title,
            description=profile.description,
            default_language=profile.default_language,
            portal_timezone=TIMEZONE,
            extension_ids=[ADDON_PROFILE],
            setup_content=False,
        )
    setSite(site)
    if solr:
        connect_solr(site, profile.solr_core)
    if new:
        transaction.commit()
    if any(language not in site.objectIds() for language in profile.languages):
        setup_languages(site, profile.languages)
    for language in profile.languages:
        root = site[language]
        root.title = profile.title_of(language)
        root.reindexObject(idxs=["Title", "sortable_title"])
        _publish(root)
    created = ensure_departments(site, profile)
    logger.info("Site %s: %d departments created", profile.id, len(created))
    if new:
        transaction.commit()
    run_setup_steps(site, profile, skip, commit=new)
    return site
