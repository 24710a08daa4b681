"""The question router of a district site: built from its published content, cached.

The training documents are the published content of the default-language root
(/nanshan/zh-cn), read from catalog metadata only (no object is woken up, except
the Department folders for their duties): title and description, labelled with the
``department`` metadata. Only ``published`` content counts: an explanation shown to
a moderator must never quote a draft.

Building takes about a second for a district with its powers list, so the router
is kept per site in process memory and built again when the site's catalog has
changed (its change counter and the transaction that last changed it); a router
built while the transaction has uncommitted catalog changes is not kept. The
site's synonym groups of search curation expand the questions; a change to them
builds the router again too.
"""

import threading

from zhengwu.participation.routing import DepartmentRouter
from zhengwu.search.curation.storage import synonym_groups

# What one published item of each type weighs in its department's profile. A guide
# is written for citizens about exactly the services they ask about; policy
# interpretations and encyclopedia entries explain rules in plain words; disclosure
# records and news are formal or about events; a powers item is a terse legal title
# (对…的行政处罚) and a department has hundreds of them, so each weighs little or
# the powers list alone would decide every profile.
TYPE_WEIGHTS = {
    "Guide": 3.0,
    "PolicyInterpretation": 2.0,
    "EncyclopediaEntry": 2.0,
    "DisclosureRecord": 1.0,
    "News Item": 1.0,
    "PowerItem": 0.3,
}
# The department's own statement of its duties (负责就业创业、人才引进…) is the most
# direct description of what it answers for.
DUTIES_WEIGHT = 4.0
PUBLISHED = "published"

_lock = threading.Lock()
# site path -> (catalog revision, router); shared by the threads of the process.
_routers = {}


def default_root(site):
    """The root folder of the site's default language (e.g. /nanshan/zh-cn)."""
    # The site's own registry tool, not a component lookup: this works whether
    # or not ``site`` is the current site (scripts, other sites' requests).
    registry = getattr(site, "portal_registry", None)
    language = registry.get("plone.default_language") if registry else None
    root = site.get(language) if language else None
    return root if root is not None else site


def catalog_revision(catalog):
    """(token, committed): a token that changes whenever the catalog does (its
    change counter and the transaction that last wrote the counter), and whether
    that state is committed. An uncommitted change may still be aborted, and the
    next transaction would raise the counter to the same value with other content:
    a router of such a state must not be kept."""
    counter = catalog.getCounter()
    length = getattr(catalog, "_counter", None)
    serial = getattr(length, "_p_serial", b"") or b""
    committed = not getattr(length, "_p_changed", False)
    return f"{counter}.{serial.hex()}", committed


def departments_of(root):
    """{department id: Department folder} directly under the language root."""
    return {
        department_id: obj
        for department_id, obj in sorted(root.objectItems())
        if getattr(obj, "portal_type", None) == "Department"
    }


def department_documents(departments):
    """One training document per department: its names and duties."""
    for department_id, department in departments.items():
        text = " ".join(
            part
            for part in (
                department.title,
                getattr(department, "short_name", None),
                getattr(department, "duties", None),
            )
            if part
        )
        yield department_id, text, DUTIES_WEIGHT


def content_documents(catalog, root, weights=TYPE_WEIGHTS):
    """The published content of ``root`` of the types in ``weights`` as training
    documents, in path order."""
    brains = catalog.unrestrictedSearchResults(
        path="/".join(root.getPhysicalPath()),
        portal_type=sorted(weights),
        review_state=PUBLISHED,
    )
    # Path order: the same content gives the same sums, to the last bit.
    for brain in sorted(brains, key=lambda brain: brain.getPath()):
        department = getattr(brain, "department", None)
        if not department:
            continue
        text = f"{brain.Title or ''} {brain.Description or ''}"
        yield department, text, weights[brain.portal_type]


def training_data(site, weights=TYPE_WEIGHTS):
    """(documents, names) of ``site`` for a ``DepartmentRouter``: the departments'
    own documents and the published content of the types in ``weights``."""
    root = default_root(site)
    departments = departments_of(root)
    documents = list(department_documents(departments))
    documents += [
        document
        for document in content_documents(site.portal_catalog, root, weights)
        # Content of a body that is not (or no longer) a department folder.
        if document[0] in departments
    ]
    names = {
        department_id: (department.title, getattr(department, "short_name", ""))
        for department_id, department in departments.items()
    }
    return documents, names


def synonyms_of(site):
    """The site's synonym groups (Site Setup → Search curation), as tuples: the
    words citizens use for the same thing serve routing as they serve search."""
    return tuple(tuple(group) for group in synonym_groups(site))


def build_router(site, synonyms=None):
    """A new ``DepartmentRouter`` for ``site`` from its current catalog."""
    documents, names = training_data(site)
    if synonyms is None:
        synonyms = synonyms_of(site)
    return DepartmentRouter(documents, names, synonyms)


def router_for(site):
    """The site's router, built again when its catalog changed since the last
    build. Thread-safe: one build at a time, and a router once built is never
    changed, so threads share it without locking."""
    key = "/".join(site.getPhysicalPath())
    token, committed = catalog_revision(site.portal_catalog)
    synonyms = synonyms_of(site)
    revision = (token, synonyms)
    cached = _routers.get(key)
    if cached is not None and cached[0] == revision:
        return cached[1]
    if not committed:
        # Built for this transaction only (see ``catalog_revision``).
        return build_router(site, synonyms)
    with _lock:
        cached = _routers.get(key)
        if cached is not None and cached[0] == revision:
            return cached[1]
        router = build_router(site, synonyms)
        _routers[key] = (revision, router)
        return router
