"""Load the demo guides (办事指南) of a district in Chinese and English, linked."""

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager

from zhengwu.workflows.advance import advance

ENGLISH = "en"
# From this online depth (3: accepted online) a guide links to the online hall.
ONLINE_DEPTH = 3


def department_info(departments, department_id):
    """Windows, hours and phones of a department, with the hall's as defaults."""
    hall = departments["hall"]
    own = departments["departments"].get(department_id, {})
    return {key: own.get(key) or hall.get(key) for key in hall} | own


def set_org_codes(root, departments):
    """Give the site's departments their unified social credit codes when missing."""
    for department_id, values in departments["departments"].items():
        department = root.get(department_id)
        if department is not None and not getattr(department, "org_code", None):
            department.org_code = values["org_code"]


def link_translation(original, translation, language):
    manager = ITranslationManager(original)
    if not manager.has_translation(language):
        manager.register_translation(language, translation)


def english_department(site, zh_department):
    """The English translation of a Department folder, created when missing."""
    en_root = site[ENGLISH]
    department = en_root.get(zh_department.getId())
    if department is None:
        department = api.content.create(
            container=en_root,
            type="Department",
            id=zh_department.getId(),
            title=zh_department.name_en or zh_department.title,
            short_name=zh_department.name_en or zh_department.short_name,
            kind=zh_department.kind,
            name_en=zh_department.name_en,
            org_code=getattr(zh_department, "org_code", None),
            language=ENGLISH,
        )
        advance(department)
    link_translation(zh_department, department, ENGLISH)
    return department


def guide_fields(guide, text, info, language, service, kinds, tags):
    """The schema fields of one language version of a guide."""
    org_code = info["org_code"]
    suffix = "" if language != ENGLISH else "_en"
    materials = [
        {
            "name": row["name"],
            "form": row["form"],
            "count": row.get("count", 1),
            "medium": row.get("medium", "paper"),
            "source": row.get("source") or None,
            "situations": row.get("situations") or None,
            "note": row.get("note") or None,
        }
        for row in text["materials"]
    ]
    return {
        "title": text["title"],
        "description": text["description"],
        "also_known_as": list(text.get("also_known_as", [])),
        "service_code": f"{org_code}-{guide['code']}",
        "service_kind": kinds[guide["kind"]],
        "legal_basis": text["legal_basis"],
        "conditions": text["conditions"],
        "situations": list(text["situations"]),
        "materials": materials,
        "process_steps": list(text.get("process_steps", [])),
        "statutory_limit": guide["statutory_limit"],
        "promised_limit": guide["promised_limit"],
        "fees": text["fees"],
        "fee_basis": text.get("fee_basis") or None,
        "windows": text.get("windows") or info.get(f"window{suffix}"),
        "office_hours": info.get(f"hours{suffix}"),
        "enquiry_phone": info.get("phone"),
        "complaint_phone": info.get("complaint_phone"),
        "online_depth": guide["online_depth"],
        "visits": guide["visits"],
        "postal_delivery": guide.get("postal_delivery", False),
        "booking": guide.get("booking", False),
        "online_url": online_url(guide, info),
        "faqs": [dict(faq) for faq in text.get("faqs", [])],
        "next_review": guide.get("next_review"),
        "audience": [a for a in ("person", "legal_person") if _audience(service, a)],
        "audience_tags": [tags[tag] for tag in guide.get("audience_tags", [])],
        "language": language,
    }


def online_url(guide, info):
    """The guide's own online link, else the hall's for a guide done online (网办
    深度 3 or 4); None for one that is done in person."""
    if guide.get("online_url"):
        return guide["online_url"]
    return info.get("online_url") if guide["online_depth"] >= ONLINE_DEPTH else None


def _audience(service, value):
    audience = service["audience"]
    if value == "person":
        return audience in ("person", "both")
    return audience in ("enterprise", "both")


def load_guides(site, zh_root, guides, services, departments, kinds, tags):
    """Create the missing guides of ``guides`` in both languages; return new ids."""
    created = []
    for guide_id, guide in guides.items():
        service = services[guide_id]
        zh_department = zh_root[service["department"]]
        en_department = english_department(site, zh_department)
        info = department_info(departments, service["department"])
        # The department's own code wins: service codes and index numbers agree.
        info["org_code"] = getattr(zh_department, "org_code", None) or info["org_code"]
        versions = {}
        for language, container in (("zh-cn", zh_department), (ENGLISH, en_department)):
            obj = container.get(guide_id)
            if obj is None:
                text = guide["zh" if language == "zh-cn" else "en"]
                fields = guide_fields(guide, text, info, language, service, kinds, tags)
                obj = api.content.create(
                    container=container, type="Guide", id=guide_id, **fields
                )
                advance(obj, guide.get("review_steps"))
                created.append(obj)
            versions[language] = obj
        link_translation(versions["zh-cn"], versions[ENGLISH], ENGLISH)
    return created
