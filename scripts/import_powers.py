"""Import or export a district's powers list; run inside Zope by `zconsole run`.

    zconsole run var/instance/client1/zope.conf scripts/import_powers.py \
        nanshan powers.xlsx                  # import (CSV or XLSX)
    zconsole run var/instance/client1/zope.conf scripts/import_powers.py \
        nanshan --export powers.xlsx         # export, re-importable unchanged

An import validates every row first: one bad row prints every error (row, column,
reason), imports nothing and exits 1. Otherwise it prints what was added, changed
and removed, and commits.
"""

import sys
from pathlib import Path

import transaction
from AccessControl.SecurityManagement import newSecurityManager
from zope.component.hooks import setSite
from zope.i18n import translate

from zhengwu.powers.export import export_powers
from zhengwu.powers.importer import import_powers
from zhengwu.powers.sheet import SheetError
from zhengwu.powers.sheet import format_of

USAGE = "usage: import_powers.py SITE FILE | SITE --export FILE"


def arguments():
    """The arguments after this script's path in zconsole's command line."""
    for index, value in enumerate(sys.argv):
        if value.endswith("import_powers.py"):
            return sys.argv[index + 1 :]
    return []


def language_root(site):
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    return site[getUtility(IRegistry)["plone.default_language"]]


def run_import(root, path):
    report = import_powers(root, Path(path).read_bytes(), format_of(path))
    if not report.ok:
        for error in report.errors:
            print(f"row {error.row}, column {error.column}: {translate(error.reason)}")
        print(f"Nothing imported: {len(report.errors)} errors.")
        transaction.abort()
        return 1
    transaction.commit()
    print(
        f"Imported: {len(report.added)} added, {len(report.changed)} changed, "
        f"{len(report.removed)} removed, {report.unchanged} unchanged."
    )
    for label, codes in (
        ("added", report.added),
        ("changed", report.changed),
        ("removed", report.removed),
    ):
        if codes:
            print(f"{label}: {' '.join(codes)}")
    return 0


def main(app):
    args = arguments()
    if len(args) not in (2, 3) or (len(args) == 3 and args[1] != "--export"):
        sys.exit(USAGE)
    site = app.get(args[0])
    if site is None:
        sys.exit(f"Error: no site '{args[0]}' in this Zope.")
    admin = app.acl_users.getUser("admin")
    if admin is not None:
        newSecurityManager(None, admin.__of__(app.acl_users))
    setSite(site)
    root = language_root(site)
    try:
        if len(args) == 3:
            path = args[2]
            Path(path).write_bytes(export_powers(root, format_of(path)))
            print(f"Exported the list of {site.getId()} to {path}.")
            return 0
        return run_import(root, args[1])
    except (SheetError, OSError) as error:
        sys.exit(f"Error: {translate(error.args[0]) if error.args else error}")


sys.exit(main(app))  # noqa: F821 - zconsole provides `app`
