"""A district's 政务知道 settings: ``profiles/<district>/participation.toml``.

``[board]`` gives the question board's title and description; ``[answer_deadlines]``
the working days a department has for its official answer (``default`` for every
department not named). A ProfileError names the file, the key and the reason.
"""

from dataclasses import dataclass

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

FILENAME = "participation.toml"
MAX_DEADLINE = 60


@dataclass(frozen=True)
class ParticipationSettings:
    board_title: str
    board_description: str
    answer_deadlines: dict  # department id or "default" → working days


def _text(table, key, where, required=True):
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ProfileError(f"{where}: '{key}' must be a non-empty string.")
    return value.strip()


def _deadlines(table, department_ids, where):
    if not isinstance(table, dict) or "default" not in table:
        raise ProfileError(f"{where}: a 'default' number of working days is needed.")
    deadlines = {}
    for key, days in table.items():
        if key != "default" and key not in department_ids:
            raise ProfileError(f"{where}: '{key}' is not a department of the district.")
        if not isinstance(days, int) or isinstance(days, bool):
            raise ProfileError(f"{where}: '{key}' must be a whole number of days.")
        if not 1 <= days <= MAX_DEADLINE:
            raise ProfileError(f"{where}: '{key}' = {days} is not 1 to {MAX_DEADLINE}.")
        deadlines[key] = days
    return deadlines


def load_participation(path, department_ids):
    """Read and check ``participation.toml``."""
    data = read_profile_toml(path)
    unknown = set(data) - {"board", "answer_deadlines"}
    if unknown:
        raise ProfileError(f"{path}: unknown table '{sorted(unknown)[0]}'.")
    board = data.get("board", {})
    where = f"{path}, [board]"
    return ParticipationSettings(
        board_title=_text(board, "title", where),
        board_description=_text(board, "description", where, required=False),
        answer_deadlines=_deadlines(
            data.get("answer_deadlines"), department_ids, f"{path}, [answer_deadlines]"
        ),
    )
