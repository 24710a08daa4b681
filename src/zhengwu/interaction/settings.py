"""The channels of a running district site, read from its profile.

``profiles/<district>/interaction.toml`` is read once per change of the file
(its modification time) and kept in process memory; a site that is no district
or has no file has no channels, and no letter can be written to it.
"""

import functools

from zhengwu.interaction.channels import FILENAME
from zhengwu.interaction.channels import load_channels
from zhengwu.sites.profile import district_directory


@functools.lru_cache(maxsize=16)
def _channels(path, _modified):
    return load_channels(path)


def site_channels(site):
    """Channel id → Channel of ``site``; empty when it has none."""
    directory = district_directory(site)
    path = directory / FILENAME if directory is not None else None
    if path is None or not path.exists():
        return {}
    return _channels(path, path.stat().st_mtime_ns)
