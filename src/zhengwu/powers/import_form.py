"""@@powers-import and @@powers-export: site administrators maintain the list.

The import form validates the whole uploaded file first; a file with any bad row
imports nothing and shows every error. CSRF-protected with plone.protect.
"""

import transaction
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from zhengwu import _
from zhengwu.powers.export import export_powers
from zhengwu.powers.importer import ImportReport
from zhengwu.powers.importer import import_powers
from zhengwu.powers.sheet import SheetError
from zhengwu.powers.sheet import format_of
from zhengwu.powers.validate import RowError

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
LISTED = 200  # codes and errors shown on the page; the counts are always complete


class PowersImportForm(BrowserView):
    report = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.report = self.run_import(self.request.form.get("file"))
            if not self.report.ok:
                transaction.doom()  # whatever happened, a failed import keeps nothing
                self.request.response.setStatus(400)
        return self.index()

    def run_import(self, upload):
        filename = getattr(upload, "filename", "") or ""
        if not filename:
            return ImportReport(
                errors=[RowError(0, "", _("Choose a CSV or XLSX file to import."))]
            )
        try:
            fmt = format_of(filename)
        except SheetError as error:
            return ImportReport(errors=[RowError(0, "", error.args[0])])
        return import_powers(self.context, upload.read(), fmt)

    def translate(self, message):
        return translate(message, context=self.request)

    def errors(self):
        return self.report.errors[:LISTED]

    def listed(self, codes):
        return ", ".join(codes[:LISTED]) + (" …" if len(codes) > LISTED else "")


class PowersExport(BrowserView):
    """The whole list as CSV or XLSX (``?format=xlsx``), ready to edit and re-import."""

    def __call__(self):
        fmt = self.request.form.get("format", "csv")
        if fmt not in MEDIA_TYPES:
            self.request.response.setStatus(400)
            return self.translate(_("The format must be csv or xlsx."))
        data = export_powers(self.context, fmt)
        response = self.request.response
        response.setHeader("Content-Type", MEDIA_TYPES[fmt])
        response.setHeader(
            "Content-Disposition", f'attachment; filename="powers-list.{fmt}"'
        )
        response.setHeader("Cache-Control", "no-store")
        return data

    def translate(self, message):
        return translate(message, context=self.request)
