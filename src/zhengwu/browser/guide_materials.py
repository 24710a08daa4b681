"""The materials of a service guide (申请材料) by situation (情形), for citizens.

Pure functions over the guide's ``situations`` and ``materials`` rows, so the picker's
rules can be tested without a site.
"""

from dataclasses import dataclass
from dataclasses import field

from zhengwu.content.guide_rows import MATERIAL_FORMS
from zhengwu.content.guide_rows import MATERIAL_MEDIA
from zhengwu.content.guide_rows import situation_names


def term_title(vocabulary, value):
    """The title of ``value`` in a fixed vocabulary, or the value itself."""
    try:
        return vocabulary.getTerm(value).title
    except LookupError:
        return value


def form_title(value):
    return term_title(MATERIAL_FORMS, value)


def medium_title(value):
    return term_title(MATERIAL_MEDIA, value)


def split_situations(text):
    """The situation names of a material's ``situations`` cell, empty ones left out."""
    if isinstance(text, list | tuple | set):
        text = "、".join(text)
    return [name for name in situation_names(text) if name]


def needed_in(material, chosen):
    """True when ``material`` is needed in one of the ``chosen`` situations.

    A material without situations is needed in every situation.
    """
    own = split_situations(material.get("situations"))
    return not own or bool(set(own) & set(chosen))


def chosen_situations(requested, known):
    """Split the requested situation names into (known ones, unknown ones).

    ``requested`` is what came in the URL: one string, a list of them, or nothing.
    Order and duplicates follow the guide, not the URL.
    """
    if not requested:
        return [], []
    if isinstance(requested, str):
        requested = [requested]
    names = [name.strip() for name in requested if name and name.strip()]
    valid = [name for name in known if name in names]
    unknown = [name for name in dict.fromkeys(names) if name not in known]
    return valid, unknown


def materials_for(materials, chosen):
    """The exact list of materials for the ``chosen`` situations, in guide order."""
    return [row for row in materials or () if needed_in(row, chosen)]


@dataclass
class MaterialGroup:
    """Materials shown under one heading when no situation is chosen."""

    situation: str | None  # None: needed in every situation
    materials: list = field(default_factory=list)


def group_by_situation(situations, materials):
    """Materials grouped: first those needed always, then one group per situation.

    Situations named by a material but missing from the guide's list get their own
    group at the end, so no material is ever hidden.
    """
    common = MaterialGroup(None)
    groups = {name: MaterialGroup(name) for name in situations or ()}
    for row in materials or ():
        own = split_situations(row.get("situations"))
        if not own:
            common.materials.append(row)
        for name in own:
            groups.setdefault(name, MaterialGroup(name)).materials.append(row)
    result = [common] if common.materials else []
    return result + [group for group in groups.values() if group.materials]
