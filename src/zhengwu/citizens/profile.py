"""The citizen profile (市民资料): who a member is, read from the member fields.

``citizen_kind`` (resident 居民 / enterprise 企业), ``citizen_tags`` (audience tags
such as 新生儿父母) and ``citizen_phone`` are properties of the member, defined in
``profiles/default/userschema.xml``; they are personal data.
"""

from dataclasses import dataclass

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from zhengwu import _
from zhengwu.vocabularies.data import load_terms

KIND = "citizen_kind"
TAGS = "citizen_tags"
PHONE = "citizen_phone"
FIELDS = (KIND, TAGS, PHONE)

KINDS = (("resident", _("Resident")), ("enterprise", _("Enterprise")))
# The audience (服务对象) of guides meant for each kind of citizen.
AUDIENCE_OF_KIND = {"resident": "person", "enterprise": "legal_person"}

# Roles every account has; a member with any other global role, or in a group
# (the departments' editors and reviewers), is staff, not a citizen.
CITIZEN_ROLES = frozenset({"Member", "Authenticated"})
CITIZEN_GROUPS = frozenset({"AuthenticatedUsers"})
MANAGE_USERS = "Plone Site Setup: Users and Groups"


@provider(IVocabularyFactory)
def citizen_kinds(context=None):
    """``zhengwu.CitizenKinds``: resident or enterprise."""
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in KINDS])


def tag_values():
    """The values of the audience tags vocabulary (``zhengwu.AudienceTags``)."""
    return [row[0] for row in load_terms("audience_tags")]


@dataclass(frozen=True)
class CitizenProfile:
    kind: str
    tags: tuple
    phone: str

    @property
    def audience(self):
        """The guides' audience value matching the kind, or None."""
        return AUDIENCE_OF_KIND.get(self.kind)

    @property
    def empty(self):
        return not (self.kind or self.tags)


def profile_of(member):
    """The citizen profile of ``member``; unknown values are left out."""
    kind = member.getProperty(KIND, "") or ""
    tags = member.getProperty(TAGS, ()) or ()
    if isinstance(tags, str):
        tags = (tags,)
    known = tag_values()
    return CitizenProfile(
        kind=kind if kind in AUDIENCE_OF_KIND else "",
        tags=tuple(tag for tag in known if tag in tags),
        phone=member.getProperty(PHONE, "") or "",
    )


def is_citizen(member):
    """True for a member with no role or group beyond what every member has."""
    roles = set(member.getRoles()) - CITIZEN_ROLES
    groups = set(member.getGroups() or ()) - CITIZEN_GROUPS
    return not roles and not groups


def may_see_personal_data(context):
    """True for whoever manages the site's users (site administrators)."""
    return api.user.has_permission(MANAGE_USERS, obj=context)
