"""The rows of a guide's tables: materials (申请材料) and FAQs (常见问题)."""

import re

from zope import schema
from zope.interface import Interface
from zope.interface import Invalid

from zhengwu import _
from zhengwu.content.choices import fixed_vocabulary
from zhengwu.content.situations import all_options
from zhengwu.content.situations import read_dimensions

# Situation names in a material row are separated by the Chinese enumeration
# comma, a comma (full or half width) or a semicolon.
SITUATION_SEPARATORS = re.compile(r"[、,，;；]")


MATERIAL_FORMS = fixed_vocabulary(
    (
        ("original", _("Original")),
        ("copy", _("Copy")),
        ("original_and_copy", _("Original and copy")),
    )
)
MATERIAL_MEDIA = fixed_vocabulary(
    (
        ("paper", _("Paper")),
        ("electronic", _("Electronic")),
        ("either", _("Paper or electronic")),
    )
)


class IMaterialRow(Interface):
    """One material to bring, and the situations in which it is needed."""

    name = schema.TextLine(title=_("Material"), required=True)
    form = schema.Choice(
        title=_("Original or copy"),
        vocabulary=MATERIAL_FORMS,
        default="original",
        required=True,
    )
    count = schema.Int(title=_("Copies"), default=1, min=1, required=True)
    medium = schema.Choice(
        title=_("Medium"), vocabulary=MATERIAL_MEDIA, default="paper", required=True
    )
    source = schema.TextLine(title=_("Where it comes from"), required=False)
    situations = schema.TextLine(
        title=_("Situations"),
        description=_(
            "The options it is needed in, separated by 、 or commas: options of one"
            " dimension are alternatives, options of different dimensions must all"
            " hold. Empty means every situation."
        ),
        required=False,
    )
    note = schema.TextLine(title=_("Note"), required=False)


class IFaqRow(Interface):
    """A frequently asked question and its answer."""

    question = schema.TextLine(title=_("Question"), required=True)
    answer = schema.Text(title=_("Answer"), required=True)


def situation_names(text):
    """The situation names of a material row's ``situations`` cell."""
    return [name.strip() for name in SITUATION_SEPARATORS.split(text or "")]


def check_material_situations(situations, materials):
    """Raise Invalid when a material names an option the guide does not list."""
    known = set(all_options(read_dimensions(situations)))
    for row in materials or ():
        for name in situation_names(row.get("situations")):
            if name and name not in known:
                raise Invalid(
                    _(
                        "Material '${material}' names the situation '${situation}',"
                        " which is not one of the guide's situations.",
                        mapping={"material": row.get("name"), "situation": name},
                    )
                )
