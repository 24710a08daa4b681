"""The materials of a service guide (申请材料) by situation (情形), for citizens.

Pure functions over the guide's situation dimensions (``content/situations.py``) and
``materials`` rows, so the picker's rules can be tested without a site.
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


def conditions_of(material, dimensions):
    """{dimension title: options named} of a material; unknown names drop out."""
    own = set(split_situations(material.get("situations")))
    conditions = {}
    for dimension in dimensions:
        named = [option for option in dimension.options if option in own]
        if named:
            conditions[dimension.title] = named
    return conditions


@dataclass
class Choice:
    """What a visitor chose: one option per dimension at most."""

    chosen: dict = field(default_factory=dict)  # dimension title → option
    unknown: list = field(default_factory=list)  # names that are no option
    conflicts: list = field(default_factory=list)  # dimensions given two options

    def options(self, dimensions):
        """The chosen options, in the guide's order of dimensions."""
        return [self.chosen[d.title] for d in dimensions if d.title in self.chosen]


def choose(dimensions, requested):
    """The visitor's Choice from the option names that came in the URL.

    Two options of one dimension exclude each other: that dimension stays unchosen
    and is named in ``conflicts``.
    """
    if isinstance(requested, str):
        requested = [requested]
    names = dict.fromkeys(name.strip() for name in requested or () if name)
    names.pop("", None)
    dimension_of = {o: d.title for d in dimensions for o in d.options}
    choice = Choice()
    for name in names:
        title = dimension_of.get(name)
        if title is None:
            choice.unknown.append(name)
        elif title in choice.conflicts:
            continue
        elif title in choice.chosen:
            del choice.chosen[title]
            choice.conflicts.append(title)
        else:
            choice.chosen[title] = name
    return choice


@dataclass
class Selection:
    """The materials for a choice: those needed, and those that depend on more."""

    needed: list = field(default_factory=list)
    depends: list = field(default_factory=list)  # MaterialGroups, one per option


def select_materials(dimensions, materials, chosen):
    """The materials for ``chosen`` ({dimension title: option}), in guide order.

    A material is needed when, in every dimension it names options of, the chosen
    option is one of them (options of one dimension are alternatives, dimensions
    must all hold). One that names options of a dimension left unchosen depends on
    it; one that names none is always needed.
    """
    selection, open_rows = Selection(), []
    for row in materials or ():
        conditions = conditions_of(row, dimensions)
        chosen_here = {title: chosen[title] for title in conditions if title in chosen}
        if any(option not in conditions[t] for t, option in chosen_here.items()):
            continue
        if len(chosen_here) == len(conditions):
            selection.needed.append(row)
        else:
            open_rows.append(row)
    unchosen = [
        option for d in dimensions if d.title not in chosen for option in d.options
    ]
    groups = group_by_situation(unchosen, open_rows)
    selection.depends = [group for group in groups if group.situation in unchosen]
    return selection


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
