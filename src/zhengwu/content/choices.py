"""Small fixed vocabularies of the content schemata (values stored, titles i18n)."""

from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from zhengwu import _


def fixed_vocabulary(pairs):
    """A vocabulary of (value, title) pairs whose values are also the tokens."""
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


DISCLOSURE_MODES = fixed_vocabulary(
    (("proactive", _("Proactive disclosure")), ("on_request", _("On request")))
)
VALIDITY = fixed_vocabulary((("valid", _("Valid")), ("invalid", _("Invalid"))))
DISCLOSURE_AREAS = fixed_vocabulary(
    (
        ("decision", _("Decision-making")),
        ("execution", _("Execution")),
        ("management", _("Management")),
        ("service", _("Services")),
        ("result", _("Results")),
    )
)
INTERPRETATION_FORMS = fixed_vocabulary(
    (("text", _("Text")), ("graphic", _("Graphic")), ("video", _("Video")))
)
