"""``@@powers-download``: the public powers list (权责清单) as CSV or XLSX.

What the visitor filtered on ``@@powers`` (department, category, keyword), only
published items the visitor may see, at most ``MAX_DOWNLOAD`` rows; Chinese column
headers as bodies write them, the category and implementing body by name, the guide
as a link. The file name is Chinese, sent per RFC 6266/5987 (``filename*``) with an
ASCII fallback for old clients.
"""

from urllib.parse import quote

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from zhengwu import _
from zhengwu.powers.listing import FilterError
from zhengwu.powers.listing import category_titles
from zhengwu.powers.listing import department_titles
from zhengwu.powers.listing import parse_filters
from zhengwu.powers.listing import search_powers
from zhengwu.powers.sheet import COLUMNS
from zhengwu.powers.sheet import chinese_headers
from zhengwu.powers.sheet import write_sheet

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The whole demo list (8,091 items) fits; a bigger list is downloaded by filter.
MAX_DOWNLOAD = 10_000
# The public file leaves out the editors' review date.
PUBLIC_COLUMNS = tuple(column for column in COLUMNS if column != "next_review")
FALLBACK_NAME = "powers-list"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def public_headers():
    """The Chinese header of each public column (事项编码 …)."""
    header_of = {column: header for header, column in chinese_headers().items()}
    return [header_of.get(column, column) for column in PUBLIC_COLUMNS]


def public_row(obj, categories, departments):
    """The cells of one item as the public reads them."""
    relation = getattr(obj, "guide", None)
    guide = relation.to_object if relation and not relation.isBroken() else None
    department = obj.__parent__.getId()
    values = {
        "code": obj.power_code,
        "name": obj.title,
        "category": categories.get(obj.power_category, obj.power_category),
        "department": departments.get(department, department),
        "guide": guide.absolute_url() if guide is not None else "",
    }
    for column in ("sub_items", "responsibilities"):
        values[column] = "\n".join(getattr(obj, column, None) or ())
    for column in ("legal_basis", "accountability", "supervising_phone"):
        values[column] = getattr(obj, column, None) or ""
    return [_safe(values[column]) for column in PUBLIC_COLUMNS]


def _safe(cell):
    """A cell a spreadsheet program will not run as a formula (CSV injection)."""
    text = str(cell)
    if text[:1] in FORMULA_STARTS and not (text[:1] == "-" and text[1:2].isdigit()):
        return "'" + text
    return text


def content_disposition(filename, fmt):
    """``attachment`` with an ASCII ``filename`` and the UTF-8 ``filename*``."""
    return (
        f'attachment; filename="{FALLBACK_NAME}.{fmt}"; '
        f"filename*=UTF-8''{quote(f'{filename}.{fmt}', safe='')}"
    )


class PowersDownload(BrowserView):
    """Anyone may download; the catalog gives each visitor only what they may see."""

    def __call__(self):
        form = self.request.form
        fmt = form.get("format", "csv")
        departments = department_titles(self.context)
        try:
            if not isinstance(fmt, str) or fmt not in MEDIA_TYPES:
                raise FilterError(_("The format must be csv or xlsx."))
            filters = parse_filters(form, departments)
        except FilterError as error:
            return self.refuse(error.args[0])
        brains = search_powers(self.context, filters, review_state="published")
        if len(brains) > MAX_DOWNLOAD:
            return self.refuse(
                _(
                    "More than ${limit} items: choose a department or category.",
                    mapping={"limit": MAX_DOWNLOAD},
                )
            )
        categories = category_titles()
        rows = [
            public_row(brain.getObject(), categories, departments) for brain in brains
        ]
        data = write_sheet(rows, fmt, header=public_headers(), sheet_title="权责清单")
        response = self.request.response
        response.setHeader("Content-Type", MEDIA_TYPES[fmt])
        response.setHeader(
            "Content-Disposition", content_disposition(self.filename(), fmt)
        )
        response.setHeader("X-Content-Type-Options", "nosniff")
        return data

    def filename(self):
        site = api.portal.get().Title()
        name = translate(_("Powers list"), context=self.request)
        return f"{site}{name}"

    def refuse(self, message):
        self.request.response.setStatus(400)
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(message, context=self.request)
