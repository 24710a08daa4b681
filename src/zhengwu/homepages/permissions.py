"""Who adds homepages: site administrators, not departmental editors.

The default roles apply to every site, also one installed before this permission
existed (no rolemap import needed).
"""

from AccessControl.Permission import addPermission

ADD_HOMEPAGE = "zhengwu: Add Homepage"

addPermission(ADD_HOMEPAGE, default_roles=("Manager", "Site Administrator"))
