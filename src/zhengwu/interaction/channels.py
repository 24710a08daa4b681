"""A district's 互动交流 channels: ``profiles/<district>/interaction.toml``.

Each channel (区长信箱 mailbox, 咨询 consultation, 投诉举报 complaint, …) has its
titles, a one-letter prefix of its tracking numbers, the working days to accept a
letter and to answer it once accepted, and whether the writer's name and phone
are required. A ProfileError names the file, the channel and the reason.
"""

import re
from dataclasses import dataclass

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

FILENAME = "interaction.toml"
MAX_DAYS = 60
CHANNEL_ID = re.compile(r"^[a-z][a-z0-9-]{0,29}$")
PREFIX = re.compile(r"^[A-Z]$")
KEYS = {
    "title_zh",
    "title_en",
    "prefix",
    "accept_days",
    "answer_days",
    "identity_required",
}


@dataclass(frozen=True)
class Channel:
    id: str
    title_zh: str
    title_en: str
    prefix: str  # first letter of the channel's tracking numbers
    accept_days: int  # working days from receipt to acceptance (受理)
    answer_days: int  # working days from acceptance to the answer (办结)
    identity_required: bool  # name and phone mandatory (投诉举报)

    def title(self, language):
        return self.title_en if language == "en" else self.title_zh


def _text(table, key, where):
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ProfileError(f"{where}: '{key}' must be a non-empty string.")
    return value.strip()


def _days(table, key, where):
    value = table.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ProfileError(f"{where}: '{key}' must be a whole number of days.")
    if not 1 <= value <= MAX_DAYS:
        raise ProfileError(f"{where}: '{key}' = {value} is not 1 to {MAX_DAYS}.")
    return value


def _channel(channel_id, table, where):
    if not CHANNEL_ID.match(channel_id):
        raise ProfileError(
            f"{where}: '{channel_id}' is not a channel id (a-z, 0-9, -)."
        )
    if not isinstance(table, dict):
        raise ProfileError(f"{where}: must be a table.")
    unknown = set(table) - KEYS
    if unknown:
        raise ProfileError(f"{where}: unknown key '{sorted(unknown)[0]}'.")
    prefix = _text(table, "prefix", where)
    if not PREFIX.match(prefix):
        raise ProfileError(f"{where}: 'prefix' must be one capital letter A-Z.")
    required = table.get("identity_required", False)
    if not isinstance(required, bool):
        raise ProfileError(f"{where}: 'identity_required' must be true or false.")
    return Channel(
        id=channel_id,
        title_zh=_text(table, "title_zh", where),
        title_en=_text(table, "title_en", where),
        prefix=prefix,
        accept_days=_days(table, "accept_days", where),
        answer_days=_days(table, "answer_days", where),
        identity_required=required,
    )


def load_channels(path):
    """Read and check ``interaction.toml``: channel id → Channel, in file order."""
    data = read_profile_toml(path)
    unknown = set(data) - {"channels"}
    if unknown:
        raise ProfileError(f"{path}: unknown table '{sorted(unknown)[0]}'.")
    tables = data.get("channels")
    if not isinstance(tables, dict) or not tables:
        raise ProfileError(f"{path}: at least one [channels.<id>] table is needed.")
    channels = {
        channel_id: _channel(channel_id, table, f"{path}, [channels.{channel_id}]")
        for channel_id, table in tables.items()
    }
    prefixes = [channel.prefix for channel in channels.values()]
    if len(set(prefixes)) != len(prefixes):
        raise ProfileError(f"{path}: two channels share a tracking-number prefix.")
    return channels
