"""A district's care application settings: ``profiles/<district>/care.toml``.

``[application]`` names the guide whose "Apply online" opens the form, the
department whose queue the applications land in, and that queue's folder.
A ProfileError names the file, the key and the reason.
"""

from dataclasses import dataclass

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

FILENAME = "care.toml"
KEYS = ("guide", "department", "folder", "title")


@dataclass(frozen=True)
class CareSettings:
    guide: str  # the guide's id, in every language root
    department: str  # the department's id
    folder: str  # the queue's id inside the department (default language root)
    title: str  # the queue's title


def load_care_settings(path, department_ids):
    """Read and check ``care.toml``."""
    data = read_profile_toml(path)
    table = data.get("application")
    where = f"{path}, [application]"
    if not isinstance(table, dict):
        raise ProfileError(f"{path}: an [application] table is needed.")
    values = {}
    for key in KEYS:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ProfileError(f"{where}: '{key}' must be a non-empty string.")
        values[key] = value.strip()
    if values["department"] not in department_ids:
        raise ProfileError(
            f"{where}: '{values['department']}' is not a department of the district."
        )
    return CareSettings(**values)
