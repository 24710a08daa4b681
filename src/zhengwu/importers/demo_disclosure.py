"""Generate the demo disclosure records (政府信息公开) from compact templates.

Deterministic: the same data gives the same records, ids and document numbers, so
loading twice creates nothing new.
"""

import datetime
import io

from openpyxl import Workbook
from plone import api
from plone.namedfile.file import NamedBlobFile

from zhengwu.sites.profile import ProfileError
from zhengwu.workflows.advance import advance

TEMPLATE_KEYS = ("key", "topic", "genre", "area", "month", "departments", "title")


def _fields(template, district, department, year):
    return {
        "district": district,
        "body": department.title,
        "short": department.short_name,
        "year": year,
    }


def check_templates(path, data, topics, genres):
    """Fail with the file and template key when a template cannot be used."""
    for template in data.get("template", []):
        key = template.get("key", "?")
        for name in TEMPLATE_KEYS:
            if not template.get(name):
                raise ProfileError(f"{path}, entry '{key}': '{name}' is missing.")
        if template["topic"] not in topics:
            raise ProfileError(f"{path}, entry '{key}': unknown topic.")
        if template["genre"] not in genres:
            raise ProfileError(f"{path}, entry '{key}': unknown genre.")
        if not 1 <= template["month"] <= 12:
            raise ProfileError(f"{path}, entry '{key}': month must be 1 to 12.")


def written_on(year, month, number, as_of, shift):
    """When a record is written: its template's month of ``year`` (the files stop the
    month before ``as_of``), moved by the demo ``shift``."""
    if year == as_of.year:
        month = min(month, max(as_of.month - 1, 1))
    return datetime.date(year, month, 3 + 2 * number) + shift


def plan_records(data, root, departments, district_name, as_of, shift):
    """The records to make: dicts with the container, id and fields, in order.

    Dates are the demo files' moved by ``shift`` (see demo_dates); the year in ids,
    titles and document numbers moves with the year of ``as_of``."""
    prefix = departments["district"]["doc_prefix"]
    years_moved = (as_of + shift).year - as_of.year
    serials, records = {}, []
    for data_year in data["years"]:
        for template in data["template"]:
            for number, department_id in enumerate(template["departments"]):
                department = root.get(department_id)
                if department is None:
                    continue
                written = written_on(data_year, template["month"], number, as_of, shift)
                year = data_year + years_moved
                words = _fields(template, district_name, department, year)
                record = {
                    "container": department,
                    "id": f"{template['key']}-{year}-{department_id}",
                    "title": template["title"].format(**words),
                    "topic_category": template["topic"],
                    "genre": template["genre"],
                    "disclosure_area": template["area"],
                    "written_date": written,
                    "publish_date": written + datetime.timedelta(days=4),
                    "subject_words": list(template.get("subject_words", [])),
                    "disclosure_mode": template.get("mode", "proactive"),
                    "validity": "invalid"
                    if template.get("expires") and data_year == data["years"][0]
                    else "valid",
                    "text": template["text"].format(**words),
                    "attachment": template.get("attachment", "").format(**words),
                    "interpretation": template.get("interpretation", "").format(
                        **words
                    ),
                }
                if template.get("numbered", True):
                    abbr = departments["departments"][department_id]["doc_abbr"]
                    series = (department_id, year)
                    serials[series] = serials.get(series, 0) + 1
                    record["document_number"] = (
                        f"{prefix}{abbr}〔{year}〕{serials[series] * 3 + 2}号"
                    )
                records.append(record)
    return records


def review_steps(position):
    """A realistic spread: most published, some drafts, some waiting for review."""
    return {3: 0, 8: 1, 12: 2}.get(position % 15)


def attachment_file(name, record):
    """A small generated attachment: a table for .xlsx, the text otherwise."""
    if name.endswith(".xlsx"):
        book = Workbook()
        sheet = book.active
        sheet.append(["项目", "金额（万元）", "说明"])
        for row, label in enumerate(("基本支出", "项目支出", "三公经费"), start=1):
            sheet.append([label, 1000 * row + len(record["id"]), record["title"]])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    return (record["title"] + "\n\n" + record["text"] + "\n").encode("utf-8")


def shanghai_time(day, hour):
    """``day`` at ``hour`` o'clock Beijing time, as Plone's publishing dates are."""
    from DateTime import DateTime

    return DateTime(f"{day.isoformat()} {hour:02d}:00 GMT+8")


def richtext(text):
    from plone.app.textfield.value import RichTextValue

    paragraphs = "".join(f"<p>{part}</p>" for part in text.split("\n") if part)
    return RichTextValue(paragraphs, "text/html", "text/x-html-safe")


def load_records(records):
    """Create the missing records with their attachment and interpretation."""
    created = []
    for position, plan in enumerate(records):
        container = plan["container"]
        if plan["id"] in container.objectIds():
            continue
        fields = {
            key: value
            for key, value in plan.items()
            if key not in ("container", "attachment", "interpretation", "text")
        }
        record = api.content.create(
            container=container,
            type="DisclosureRecord",
            text=richtext(plan["text"]),
            effective_date=shanghai_time(plan["publish_date"], 9),
            **fields,
        )
        if plan["attachment"]:
            api.content.create(
                container=record,
                type="File",
                id="attachment-1",
                title=plan["attachment"].rsplit(".", 1)[0],
                file=NamedBlobFile(
                    attachment_file(plan["attachment"], plan),
                    filename=plan["attachment"],
                ),
            )
        advance(record, review_steps(position))
        if plan["interpretation"]:
            load_interpretation(container, record, plan)
        created.append(record)
    return created


def load_interpretation(container, record, plan):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    interpretation = api.content.create(
        container=container,
        type="PolicyInterpretation",
        id=f"{plan['id']}-interpretation",
        title=plan["interpretation"],
        description=f"解读：{plan['title']}",
        text=richtext(
            f"《{plan['title']}》已正式印发。为便于理解和执行，现就主要内容解读如下。\n"
            f"一、出台背景：{plan['text'][:60]}……\n"
            "二、主要内容和适用对象详见原文。\n"
            "三、咨询方式：可拨打本网站公布的部门咨询电话，或通过“政务知道”提问。"
        ),
        interprets=RelationValue(getUtility(IIntIds).getId(record)),
        interpretation_form="graphic" if "一图" in plan["interpretation"] else "text",
        # published with its document (先解读后发布 at the latest the same day)
        effective_date=shanghai_time(plan["publish_date"], 10),
    )
    if api.content.get_state(record, default=None) == "published":
        advance(interpretation)
    return interpretation
