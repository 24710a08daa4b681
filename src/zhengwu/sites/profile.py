"""District profiles: the data files under ``profiles/<district>/``."""

import csv
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEPARTMENT_COLUMNS = ("id", "name_zh", "short_zh", "name_en", "kind")
DEPARTMENT_KINDS = ("department", "subdistrict", "vertical")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")


class ProfileError(ValueError):
    """A district profile file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Department:
    id: str
    name_zh: str
    short_zh: str
    name_en: str
    kind: str


@dataclass(frozen=True)
class DistrictProfile:
    id: str
    title: str
    description: str
    title_en: str
    languages: tuple[str, ...]
    solr_core: str
    departments: tuple[Department, ...]

    @property
    def default_language(self):
        return self.languages[0]

    def title_of(self, language):
        """The site title shown on a language root: English there, Chinese elsewhere."""
        if language.startswith("en") and self.title_en:
            return self.title_en
        return self.title


def _required(table, key, where):
    value = table.get(key)
    if value in (None, "", []):
        raise ProfileError(f"{where}: '{key}' is missing or empty.")
    return value


def load_departments(path):
    """Read ``departments.tsv``; a ProfileError names the row, column and reason."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    if not rows or tuple(rows[0]) != DEPARTMENT_COLUMNS:
        raise ProfileError(
            f"{path}, row 1: the header must be {' '.join(DEPARTMENT_COLUMNS)}."
        )
    departments, seen = [], set()
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(DEPARTMENT_COLUMNS):
            raise ProfileError(
                f"{path}, row {number}: {len(row)} columns instead of "
                f"{len(DEPARTMENT_COLUMNS)}."
            )
        values = dict(zip(DEPARTMENT_COLUMNS, (c.strip() for c in row), strict=True))
        for column in ("id", "name_zh", "short_zh", "kind"):
            if not values[column]:
                raise ProfileError(f"{path}, row {number}, column {column}: empty.")
        if not ID_PATTERN.match(values["id"]):
            raise ProfileError(
                f"{path}, row {number}, column id: '{values['id']}' is not a lowercase "
                "ASCII id."
            )
        if values["id"] in seen:
            raise ProfileError(
                f"{path}, row {number}, column id: '{values['id']}' appears twice."
            )
        if values["kind"] not in DEPARTMENT_KINDS:
            raise ProfileError(
                f"{path}, row {number}, column kind: '{values['kind']}' is not one of "
                f"{', '.join(DEPARTMENT_KINDS)}."
            )
        seen.add(values["id"])
        departments.append(Department(**values))
    return tuple(departments)


def load_district_profile(directory):
    """Load ``district.toml`` and ``departments.tsv`` of one district profile."""
    directory = Path(directory)
    settings_path = directory / "district.toml"
    try:
        settings = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ProfileError(f"{settings_path}: no such file.") from error
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"{settings_path}: {error}.") from error
    site = settings.get("site", {})
    where = f"{settings_path}, [site]"
    site_id = _required(site, "id", where)
    if not ID_PATTERN.match(site_id):
        raise ProfileError(f"{where}: id '{site_id}' is not a lowercase ASCII id.")
    languages = tuple(_required(site, "languages", where))
    return DistrictProfile(
        id=site_id,
        title=_required(site, "title", where),
        description=site.get("description", ""),
        title_en=site.get("title_en", ""),
        languages=languages,
        solr_core=settings.get("solr", {}).get("core", site_id),
        departments=load_departments(directory / "departments.tsv"),
    )
