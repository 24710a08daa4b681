"""Run the self-inspection (网站自查) of the district sites now; inside Zope by
`zconsole run`:

    make inspect
    zconsole run var/instance/client1/zope.conf scripts/inspect_sites.py

Reads ZHENGWU_DISTRICTS (site ids, default: nanshan yantian). Each site's run is
stored and its departments mailed, as a run from the dashboard.
"""

import os

import transaction
from AccessControl.SecurityManagement import newSecurityManager
from zope.component.hooks import setSite

from zhengwu.inspection.run import run_inspection


def main(app):
    names = os.environ.get("ZHENGWU_DISTRICTS", "nanshan yantian").split()
    admin = app.acl_users.getUser("admin")
    if admin is not None:
        newSecurityManager(None, admin.__of__(app.acl_users))
    for name in names:
        site = app.get(name)
        if site is None:
            print(f"No site {name}: skipped.")
            continue
        setSite(site)
        run = run_inspection(site, trigger="manual")
        transaction.commit()
        print(f"Site {name}: {run['total']} findings (run {run['number']}).")


main(app)  # noqa: F821 - zconsole provides `app`
