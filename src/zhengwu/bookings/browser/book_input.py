"""What the booking form sends, read and checked field by field.

The form keeps what was typed: ``read_form`` returns every field as text, and
``people_of`` checks each person's row with the service's own checks, so an
error names the row it belongs to (the service then checks everything again).
"""

from zhengwu.bookings import people as persons
from zhengwu.bookings.ledger import Refused
from zhengwu.content.situations import read_dimensions

TEXT_FIELDS = ("date", "slot", "name", "id_number", "phone", "email", "address")
TEXT_FIELDS += ("code",)
DOOR_KINDS = ("door_to_door", "after_hours")
# Which field a service refusal belongs to; the others are shown above the form.
FIELD_OF = {
    "bad_phone": "phone",
    "address_required": "address",
    "nobody_to_book": "name",
    "too_many_companions": "companions",
    "same_person_twice": "companions",
    "person_limit": "id_number",
    "no_show_blocked": "id_number",
    "code_invalid": "code",
    "code_expired": "code",
    "code_attempts": "code",
    "code_missing": "code",
}


def _text(value):
    return " ".join(value.split()) if isinstance(value, str) else ""


def companion_count(form, limit):
    """How many companion rows the visitor asked for, within ``limit``."""
    try:
        count = int(form.get("companions") or 0)
    except (TypeError, ValueError):
        count = 0
    return max(0, min(count, limit))


def read_form(form, limit, dimensions):
    """Every field of the form as text (what is shown again on an error)."""
    values = {name: _text(form.get(name)) for name in TEXT_FIELDS}
    values["companions"] = companion_count(form, limit)
    values["rows"] = [
        {
            "number": number,
            "name": _text(form.get(f"companion_name_{number}")),
            "id_number": _text(form.get(f"companion_id_{number}")),
        }
        for number in range(1, values["companions"] + 1)
    ]
    values["situations"] = {
        index: _text(form.get(f"situation_{index}")) for index in range(len(dimensions))
    }
    return values


def _check(errors, field, check):
    try:
        check()
    except Refused as refusal:
        errors[field] = refusal


def people_of(values, errors):
    """The holder and the filled-in companion rows as the service takes them;
    each row's invalid name or ID number goes into ``errors`` under its field."""
    entries = [("name", "id_number", values["name"], values["id_number"])]
    for row in values["rows"]:
        if row["name"] or row["id_number"]:
            number = row["number"]
            entries.append(
                (
                    f"companion_name_{number}",
                    f"companion_id_{number}",
                    row["name"],
                    row["id_number"],
                )
            )
    people = []
    for name_field, id_field, name, id_number in entries:
        _check(errors, id_field, lambda n=id_number: persons.checked_id_number(n))
        if not name or len(name) > 50:
            errors[name_field] = Refused("bad_name")
        people.append({"name": name, "id_number": id_number})
    return people


def situation_dimensions(bookable, language):
    """The situations of the bookable's guide a door-to-door booking names."""
    if getattr(bookable, "kind", None) not in DOOR_KINDS:
        return []
    relation = getattr(bookable, "guide", None)
    guide = getattr(relation, "to_object", None) if relation else None
    return read_dimensions(getattr(guide, "situations", None), language)


def situation_text(values, dimensions):
    """The chosen options as one line, 户籍：本市户籍；…; unknown options dropped."""
    parts = []
    for index, dimension in enumerate(dimensions):
        chosen = values["situations"].get(index)
        if chosen in dimension.options:
            parts.append(f"{dimension.title}：{chosen}")
    return "；".join(parts)


def field_of(refusal):
    if refusal.reason == "too_long":
        return refusal.mapping.get("field")
    return FIELD_OF.get(refusal.reason)
