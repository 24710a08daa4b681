"""A guide over REST also tells its situation dimensions (情形维度), read for clients.

``situations`` stays the editor's lines (what a client writes back with PATCH);
``situation_dimensions`` is the same, parsed: ``[{"title": "户籍", "options":
["本市户籍", "非本市户籍"]}, …]``, as the situation picker shows it.
"""

from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from zope.component import adapter
from zope.interface import implementer

from zhengwu.content.guide import IGuide
from zhengwu.content.situations import read_dimensions
from zhengwu.interfaces import IZhengwuLayer
from zhengwu.vocabularies.language import language_of


def situation_dimensions(guide):
    """The dimensions of ``guide`` as plain data."""
    dimensions = read_dimensions(guide.situations, language_of(guide))
    return [{"title": d.title, "options": list(d.options)} for d in dimensions]


@implementer(ISerializeToJson)
@adapter(IGuide, IZhengwuLayer)
class GuideSerializer(SerializeToJson):
    """plone.restapi's serialisation of a guide, with ``situation_dimensions``."""

    def __call__(self, *args, **kwargs):
        result = super().__call__(*args, **kwargs)
        result["situation_dimensions"] = situation_dimensions(self.context)
        return result
