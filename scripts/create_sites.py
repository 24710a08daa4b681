"""Create the district sites and the admin login; run inside Zope by `zconsole run`.

    zconsole run var/instance/client1/zope.conf scripts/create_sites.py

`make start` runs it on first start (the ZEO server and Solr are already up), and
again when a site's add-on profile needs its upgrade steps (new code on old data):
they run first, then what the profile added since is created. Reads
ZHENGWU_DISTRICTS (profile folder names), ZHENGWU_ADMIN_PASSWORD and
ZHENGWU_SKIP_STEPS (setup steps to leave out, or "heavy" for all demo data); the
profiles are those of ``profiles_directory()`` (ZHENGWU_PROFILES, or the
repository's profiles/).
"""

import os
import sys

import transaction

from zhengwu.sites.create import HEAVY
from zhengwu.sites.create import create_district_site
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile
from zhengwu.sites.profile import profiles_directory

ADMIN = "admin"
ADDON = "zhengwu:default"


def ensure_admin(app, password):
    """The Zope-root Manager login, with the password chosen at start."""
    users = app.acl_users
    if users.getUser(ADMIN) is None:
        users._doAddUser(ADMIN, password, ["Manager"], [])
        return
    # Creating a Plone site turns the root user folder into a PAS whose registry
    # lacks PlonePAS's IUserManagement: set the password on its user source.
    source = getattr(users, "users", None)
    if source is not None and hasattr(source, "updateUserPassword"):
        source.updateUserPassword(ADMIN, password)
    else:
        users._doChangeUser(ADMIN, password, ["Manager"], [])


def skipped_steps():
    """ZHENGWU_SKIP_STEPS: setup steps not to run ("heavy" = all demo data)."""
    names = os.environ.get("ZHENGWU_SKIP_STEPS", "").split()
    return HEAVY if names == [HEAVY] else tuple(names)


def upgrade(app, name):
    """Run the add-on's pending upgrade steps in an existing site."""
    from zope.component.hooks import setSite

    site = app.get(name)
    if site is None:
        return
    setSite(site)
    setup = site.portal_setup
    before = setup.getLastVersionForProfile(ADDON)
    if ".".join(before) == setup.getVersionForProfile(ADDON):
        return
    setup.upgradeProfile(ADDON)
    after = ".".join(setup.getLastVersionForProfile(ADDON))
    transaction.commit()
    print(f"Site {name} upgraded from {'.'.join(before)} to {after}.")


def main(app):
    password = os.environ.get("ZHENGWU_ADMIN_PASSWORD")
    if not password:
        sys.exit("ZHENGWU_ADMIN_PASSWORD is not set: run this through `make start`.")
    names = os.environ.get("ZHENGWU_DISTRICTS", "nanshan yantian").split()
    try:
        profiles = [load_district_profile(profiles_directory() / n) for n in names]
    except ProfileError as error:
        sys.exit(f"Error: {error}")
    # The sites are made as the admin: ownership and the first history entries are his.
    ensure_admin(app, password)
    transaction.commit()
    from AccessControl.SecurityManagement import newSecurityManager

    newSecurityManager(None, app.acl_users.getUser(ADMIN).__of__(app.acl_users))
    for profile in profiles:
        upgrade(app, profile.id)
        create_district_site(app, profile, skip=skipped_steps())
        # Commit while the site is current: its Solr indexer sends the new content.
        # It stays current while the next site is made (Dexterity needs a site root
        # to look up the new site's schema).
        transaction.commit()
        print(f"Site {profile.id} ready.")


main(app)  # noqa: F821 - zconsole provides `app`
