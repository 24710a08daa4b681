"""A district's workflow settings: ``profiles/<district>/workflows.toml``."""

from dataclasses import dataclass
from pathlib import Path

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

FILENAME = "workflows.toml"


@dataclass(frozen=True)
class GroupSpec:
    """A group made for every department: ``<department>-<key>``."""

    key: str
    title: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class WorkflowSettings:
    chains: dict  # portal_type -> workflow id
    overrides: dict  # department id -> {portal_type -> workflow id}
    groups: tuple[GroupSpec, ...]
    deadlines: dict  # review state -> working days

    def chains_for(self, department_id):
        """The chain per type of one department: the defaults and its overrides."""
        return {**self.chains, **self.overrides.get(department_id, {})}


def _mapping_of_strings(table, where):
    if not isinstance(table, dict) or not all(
        isinstance(v, str) and v for v in table.values()
    ):
        raise ProfileError(f"{where}: every value must be a workflow id.")
    return dict(table)


def load_workflow_settings(path):
    """Read and check one ``workflows.toml``; a ProfileError says where and why."""
    path = Path(path)
    data = read_profile_toml(path)
    chains = _mapping_of_strings(data.get("chains", {}), f"{path}, [chains]")
    overrides = {
        department: _mapping_of_strings(table, f"{path}, [departments.{department}]")
        for department, table in data.get("departments", {}).items()
    }
    groups = []
    for key, table in data.get("groups", {}).items():
        roles = table.get("roles")
        if not roles or not all(isinstance(r, str) for r in roles):
            raise ProfileError(f"{path}, [groups.{key}]: 'roles' must list roles.")
        groups.append(GroupSpec(key, table.get("title", key), tuple(roles)))
    deadlines = data.get("deadlines", {})
    for state, days in deadlines.items():
        if not isinstance(days, int) or isinstance(days, bool) or days < 1:
            raise ProfileError(
                f"{path}, [deadlines]: {state} must be a positive number of days."
            )
    return WorkflowSettings(chains, overrides, tuple(groups), dict(deadlines))
