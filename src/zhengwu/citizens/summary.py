"""The recommendations of the current member as plain data, for the page and REST."""

from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

from zhengwu.citizens import recommendations
from zhengwu.citizens.profile import citizen_kinds
from zhengwu.citizens.profile import profile_of
from zhengwu.masking import mask_phone


def _title(vocabulary, value, request):
    if not value:
        return None
    try:
        return translate(vocabulary.getTerm(value).title, context=request)
    except LookupError:
        return value


def recommendations_for(context, request, member):
    """The member's profile (phone masked) and what is recommended to them."""
    citizen = profile_of(member)
    root = recommendations.search_root(context)
    tags = getUtility(IVocabularyFactory, "zhengwu.AudienceTags")(root)
    kinds = citizen_kinds(root)
    guides = recommendations.recommended_guides(root, citizen)
    questions = recommendations.related_questions(
        root, [brain.UID for brain, _matches in guides]
    )
    guide_titles = {brain.UID: brain.Title for brain, _matches in guides}
    return {
        "profile": {
            "kind": citizen.kind or None,
            "kind_title": _title(kinds, citizen.kind, request),
            "tags": [
                {"token": tag, "title": _title(tags, tag, request)}
                for tag in citizen.tags
            ],
            "phone": mask_phone(citizen.phone) or None,
            "complete": not citizen.empty,
        },
        "root": root.absolute_url(),
        "guides": [
            {
                "@id": brain.getURL(),
                "UID": brain.UID,
                "title": brain.Title,
                "description": brain.Description,
                "matches_tags": matches,
            }
            for brain, matches in guides
        ],
        "questions": [
            {
                "@id": brain.getURL(),
                "UID": brain.UID,
                "title": brain.Title,
                "review_state": brain.review_state,
                "guide_uid": guide_uid,
                "guide_title": guide_titles.get(guide_uid),
            }
            for brain, guide_uid in questions
        ],
        "edit_profile": f"{root.absolute_url()}/@@personal-information",
    }
