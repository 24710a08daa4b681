"""Homepages (首页): the classic one and the role homepages of residents,
enterprises and tourists, each with modules editors fill with queries."""

from zhengwu.homepages import permissions  # noqa: F401  (default roles, early)
