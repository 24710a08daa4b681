"""Load the demo strategies (攻略), encyclopedia entries (政府百科) and news."""

from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

from zhengwu.importers.demo_disclosure import richtext
from zhengwu.importers.demo_disclosure import shanghai_time
from zhengwu.workflows.advance import advance

ENCYCLOPEDIA_DEPARTMENT = "zsj"


def _create(container, type_name, item_id, steps=None, **fields):
    if item_id in container.objectIds():
        return None
    obj = api.content.create(container=container, type=type_name, id=item_id, **fields)
    advance(obj, steps)
    return obj


def _steps(position):
    """Most published; every seventh a draft, every eleventh waiting for review."""
    if position % 7 == 5:
        return 0
    if position % 11 == 9:
        return 1
    return None


def load_strategies(root, strategies, guides_here, services):
    """Each strategy goes to its guide's department, linked to the guide."""
    intids = getUtility(IIntIds)
    created = []
    for position, item in enumerate(strategies):
        if item["guide"] not in guides_here:
            continue
        department = root[services[item["guide"]]["department"]]
        guide = department[item["guide"]]
        obj = _create(
            department,
            "Strategy",
            item["id"],
            _steps(position),
            title=item["title"],
            text=richtext(item["text"].replace("\n\n", "\n")),
            guide=RelationValue(intids.getId(guide)),
        )
        if obj is not None:
            obj.guide_revision = getattr(guide, "revision", 0) or 0
            created.append(obj)
    return created


def load_encyclopedia(root, entries):
    department = root[ENCYCLOPEDIA_DEPARTMENT]
    created = []
    for position, item in enumerate(entries):
        obj = _create(
            department,
            "EncyclopediaEntry",
            item["id"],
            _steps(position),
            title=item["title"],
            text=richtext(item["text"]),
            related_terms=list(item.get("related_terms", [])),
            subject=list(item.get("topics", [])),
        )
        if obj is not None:
            created.append(obj)
    return created


def dated(text, day):
    """``text`` with ``{year}`` and ``{previous_year}`` as of ``day`` (the moved date:
    a year written in the files would go stale as the demo moves)."""
    return text.replace("{year}", str(day.year)).replace(
        "{previous_year}", str(day.year - 1)
    )


def load_news(root, news):
    created = []
    for position, item in enumerate(news):
        department = root.get(item["department"])
        if department is None:
            continue
        obj = _create(
            department,
            "News Item",
            item["id"],
            _steps(position + 3),
            title=dated(item["title"], item["date"]),
            description=dated(item.get("description", ""), item["date"]),
            text=richtext(dated(item.get("text", ""), item["date"])),
            effective_date=shanghai_time(item["date"], 10),
        )
        if obj is not None:
            created.append(obj)
    return created
