"""Helpers of the bounds tests: Zhengwu's endpoints found at runtime, bad inputs."""

import json
from dataclasses import dataclass

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.component import getGlobalSiteManager
from zope.interface import Interface
from zope.interface import implementedBy

ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
METHODS = ("GET", "POST", "PATCH", "PUT", "DELETE")
# Views that do nothing with a visitor's input but cost seconds or act on the whole
# site (a full Solr reindex): walked as GET only.
SLOW = ("@solr-reindex", "solr-reindex")

# Query strings a visitor may send to any page or endpoint.
BAD_QUERIES = (
    "b_start=-1",
    "b_start=abc",
    "b_start=1000000000",
    "b_start=1e3",
    "b_size=-1",
    "b_size=0",
    "b_size=abc",
    "b_size=100000",
    "b_start=&b_size=",
    "b_start:list=1&b_start:list=2",
    "count:int=abc&when:date=not-a-date&size:float=x",
    "SearchableText=*",
    "SearchableText=" + "身" * 1000,
    "SearchableText=(身份证",
    "SearchableText=身份证&fl=password",
    "SearchableText=身份证&facet=true&facet.field=allowedRolesAndUsers",
    "SearchableText=身份证&hl=true&hl.fl=*",
    "SearchableText=身份证&sort_on=nonexistent",
    "effective.query=bad&effective.range=min",
    "q=" + "身" * 1000,
    "q=*",
    "limit=-1",
    "limit=abc",
    "days=abc",
    "year=abc&topic=nonexistent",
    "sort_on=nonexistent&sort_order=sideways",
    "metadata_fields=password",
)

# Request bodies of the writing endpoints.
BAD_BODIES = (
    b"{not json",
    b"[1, 2, 3]",
    b'"a string"',
    b"null",
    b"42",
    json.dumps({"title": 123, "details": ["a"], "text": {"a": 1}}).encode(),
    json.dumps({"uid": 123, "action": ["approve"], "comment": 5}).encode(),
    json.dumps({"query": 5, "question": [1], "reason": 3.5, "guide": 7}).encode(),
    json.dumps({"vote": "sideways", "value": [1], "direction": {}}).encode(),
    json.dumps({"synonyms": 5, "best_bets": "x", "terms": {"a": 1}}).encode(),
    json.dumps({"title": "身" * 100_000}).encode(),
    b"\xff\xfe\x00garbage",
)


@dataclass(frozen=True)
class Endpoint:
    """A Zhengwu service or page, where it is reached and how."""

    method: str
    name: str
    path: str

    def __str__(self):
        return f"{self.method} {self.path}/{self.name}"


def _ours(factory):
    return any(
        getattr(base, "__module__", "").startswith("zhengwu.")
        for base in getattr(factory, "__mro__", ())
    )


def _service(name):
    """(method, name) of a plone.rest view name such as GET_application_json_@x."""
    for method in METHODS:
        prefix = f"{method}_application_json_"
        if name.startswith(prefix):
            return method, name[len(prefix) :]
    return None


def registered(contexts):
    """Zhengwu's REST services and browser views from the component registry.

    ``contexts`` is a list of (path, provided interfaces) of sample objects; each
    registration is walked on the first sample that provides what it is for.
    """
    services, views = set(), set()
    for registration in getGlobalSiteManager().registeredAdapters():
        required = registration.required
        if len(required) != 2 or registration.provided is not Interface:
            continue
        if not _ours(registration.factory):
            continue
        path = _context_path(required[0], contexts)
        if path is None:
            continue
        service = _service(registration.name)
        if service is not None:
            services.add(Endpoint(service[0], service[1], path))
        elif registration.name and not registration.name.startswith("@@"):
            views.add(Endpoint("GET", "@@" + registration.name, path))
    return sorted(services, key=str), sorted(views, key=str)


def _context_path(interface, contexts):
    for path, provided in contexts:
        if interface is None or interface is Interface or interface in provided:
            return path
    return None


def provided_by(obj):
    """Every interface ``obj`` provides (with the bases of each)."""
    found = set()
    for interface in list(implementedBy(type(obj)).flattened()) + list(
        getattr(obj, "__provides__", implementedBy(type(obj))).flattened()
    ):
        found.add(interface)
    return found


# Form posts a visitor may send to any page (application/x-www-form-urlencoded).
BAD_FORMS = (
    b"",
    b"form.submitted=1&title=" + b"x" * 100_000,
    b"form.submitted=1&text=%FF%FE%00&details=%C3",
    b"form.buttons.save=1&department=nowhere&guide=../../etc&reason=",
    b"b_start=-1&b_size=abc&SearchableText=*",
    b"count:int=abc&when:date=not-a-date&size:float=x",
    b"title:list=a&title:list=b&items:record=1",
    b"_authenticator=forged&action=approve&uid=nonexistent",
)


def is_message_answer(response):
    """Does a 4xx answer tell the visitor what went wrong?"""
    content_type = response.headers.get("Content-Type", "")
    if "json" in content_type:
        try:
            body = response.json()
        except ValueError:
            return False
        error = body.get("error", body) if isinstance(body, dict) else {}
        return bool(isinstance(error, dict) and error.get("message"))
    return bool(response.text.strip())
