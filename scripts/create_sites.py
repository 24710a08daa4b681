"""Create the district sites and the admin login; run inside Zope by `zconsole run`.

    zconsole run var/instance/client1/zope.conf scripts/create_sites.py

`make start` runs it on first start (the ZEO server and Solr are already up). Reads
ZHENGWU_DISTRICTS (profile folder names), ZHENGWU_ADMIN_PASSWORD and
ZHENGWU_SKIP_STEPS (setup steps to leave out, or "heavy" for all demo data).
"""

import os
import sys
from pathlib import Path

import transaction

from zhengwu.sites.create import HEAVY
from zhengwu.sites.create import create_district_site
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile

# zconsole runs this file without __file__: portal.py says where the profiles are.
PROFILES = Path(os.environ.get("ZHENGWU_PROFILES", "profiles")).resolve()
ADMIN = "admin"


def ensure_admin(app, password):
    """The Zope-root Manager login, with the password chosen at start."""
    users = app.acl_users
    if users.getUser(ADMIN) is None:
        users._doAddUser(ADMIN, password, ["Manager"], [])
    else:
        users._doChangeUser(ADMIN, password, ["Manager"], [])


def skipped_steps():
    """ZHENGWU_SKIP_STEPS: setup steps not to run ("heavy" = all demo data)."""
    names = os.environ.get("ZHENGWU_SKIP_STEPS", "").split()
    return HEAVY if names == [HEAVY] else tuple(names)


def main(app):
    password = os.environ.get("ZHENGWU_ADMIN_PASSWORD")
    if not password:
        sys.exit("ZHENGWU_ADMIN_PASSWORD is not set: run this through `make start`.")
    names = os.environ.get("ZHENGWU_DISTRICTS", "nanshan yantian").split()
    try:
        profiles = [load_district_profile(PROFILES / name) for name in names]
    except ProfileError as error:
        sys.exit(f"Error: {error}")
    # The sites are made as the admin: ownership and the first history entries are his.
    ensure_admin(app, password)
    transaction.commit()
    from AccessControl.SecurityManagement import newSecurityManager

    newSecurityManager(None, app.acl_users.getUser(ADMIN).__of__(app.acl_users))
    for profile in profiles:
        create_district_site(app, profile, skip=skipped_steps())
        # Commit while the site is current: its Solr indexer sends the new content.
        # It stays current while the next site is made (Dexterity needs a site root
        # to look up the new site's schema).
        transaction.commit()
        print(f"Site {profile.id} ready.")


main(app)  # noqa: F821 - zconsole provides `app`
